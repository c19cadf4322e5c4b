from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.core.models import Channel
from naober.core.services import Actor, object_save
from naober.governance.models import Body
from naober.meetings.models import AgendaItemKind, Meeting, MeetingDay, MeetingStatus
from naober.meetings.services.concurrency import meeting_claim_version

STANDARD_ITEMS = (
    (AgendaItemKind.OPENING, "Opening en vaststelling agenda"),
    (AgendaItemKind.MINUTES, "Verslag vorige vergadering"),
    (AgendaItemKind.ACTIONS, "Actielijst"),
    (AgendaItemKind.ANY_OTHER_BUSINESS, "Rondvraag"),
    (AgendaItemKind.CLOSING, "Sluiting"),
)


def documents_deadline_for(*, body: Body, start: datetime.datetime) -> datetime.datetime:
    """The documents deadline from the body's rule: N days before the meeting, at the same time of day."""
    return start - datetime.timedelta(days=body.documents_lead_days)


def meeting_plan(
    *,
    body: Body,
    start: datetime.datetime,
    end: datetime.datetime,
    location: str = "",
    online_url: str = "",
    title: str = "",
    is_public: bool | None = None,
    joint_bodies: Iterable[Body] = (),
    meeting_day: MeetingDay | None = None,
    with_standard_items: bool = True,
    by: Actor = None,
    channel: str = Channel.SECRETARIAT,
) -> Meeting:
    """Plan a meeting of `body` (optionally jointly with other bodies of the same cooperation)."""
    if timezone.is_naive(start) or timezone.is_naive(end):
        raise ValidationError(_("Start and end need a time zone."))
    joint = [item for item in joint_bodies if item.pk != body.pk]
    if any(item.cooperation_id != body.cooperation_id for item in joint):
        raise ValidationError({"joint_bodies": _("A joint meeting is of bodies of the same cooperation.")})
    if meeting_day is not None and meeting_day.cooperation_id != body.cooperation_id:
        raise ValidationError({"meeting_day": _("The meeting day belongs to another cooperation.")})
    meeting = Meeting(
        cooperation_id=body.cooperation_id,
        body=body,
        start=start,
        end=end,
        location=location,
        online_url=online_url,
        title=title,
        meeting_day=meeting_day,
        is_public=body.public_by_default if is_public is None else is_public,
        documents_deadline=documents_deadline_for(body=body, start=start),
    )
    with transaction.atomic():
        object_save(instance=meeting, by=by, channel=channel, many_to_many={"joint_bodies": joint})
        if with_standard_items:
            from naober.meetings.services.agenda import agenda_item_add

            for kind, item_title in STANDARD_ITEMS:
                agenda_item_add(
                    meeting=meeting,
                    title=item_title,
                    kind=kind,
                    by=by,
                    channel=channel,
                    expected_version=None,
                )
    return meeting


def _editable(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("This meeting has been cancelled; it can no longer be changed."))


def meeting_update(
    *,
    meeting: Meeting,
    expected_version: int | None,
    by: Actor = None,
    channel: str = Channel.SECRETARIAT,
    **fields: object,
) -> Meeting:
    """Change the meeting's time, place or openness. Moving the start moves the documents deadline along."""
    allowed = {"start", "end", "location", "online_url", "title", "is_public", "documents_deadline"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"meeting_update cannot change {', '.join(sorted(unknown))}")
    _editable(meeting)
    if meeting.status == MeetingStatus.HELD and ({"start", "end"} & set(fields)):
        raise ValidationError(_("A meeting that has been held cannot be moved."))
    old_start = meeting.start
    for name, value in fields.items():
        setattr(meeting, name, value)
    if "start" in fields and "documents_deadline" not in fields and meeting.start != old_start:
        meeting.documents_deadline = documents_deadline_for(body=meeting.body, start=meeting.start)
    changed = [str(getattr(Meeting._meta.get_field(name), "verbose_name", name)) for name in fields]
    with transaction.atomic():
        meeting.full_clean()
        meeting_claim_version(
            meeting=meeting,
            expected_version=expected_version,
            by=by,
            summary=_("Meeting changed: %(fields)s") % {"fields": ", ".join(changed)},
        )
        object_save(instance=meeting, by=by, channel=channel)
    return meeting


def meeting_cancel(
    *,
    meeting: Meeting,
    reason: str,
    expected_version: int | None,
    by: Actor = None,
    channel: str = Channel.SECRETARIAT,
) -> Meeting:
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError(_("A meeting that has been held cannot be cancelled."))
    _editable(meeting)
    with transaction.atomic():
        meeting_claim_version(
            meeting=meeting,
            expected_version=expected_version,
            by=by,
            summary=_("Meeting cancelled: %(reason)s") % {"reason": reason},
        )
        meeting.status = MeetingStatus.CANCELLED
        meeting.cancelled_reason = reason
        object_save(instance=meeting, by=by, channel=channel)
    return meeting


def meeting_mark_held(*, meeting: Meeting, by: Actor = None, channel: str = Channel.SECRETARIAT) -> Meeting:
    _editable(meeting)
    if meeting.start > timezone.now():
        raise ValidationError(_("A meeting can only be marked as held once it has started."))
    if meeting.status != MeetingStatus.HELD:
        with transaction.atomic():
            meeting_claim_version(meeting=meeting, expected_version=None, by=by, summary=_("Meeting held"))
            meeting.status = MeetingStatus.HELD
            object_save(instance=meeting, by=by, channel=channel)
    return meeting


def meeting_day_get_or_create(
    *,
    cooperation_id: int,
    date: datetime.date,
    name: str,
    location: str = "",
    by: Actor = None,
    channel: str = Channel.SECRETARIAT,
) -> MeetingDay:
    """The cooperation's meeting day (e.g. the Regiomiddag) on `date`, created on first use."""
    day = MeetingDay.objects.filter(cooperation_id=cooperation_id, date=date, name=name).first()
    if day is None:
        day = object_save(
            instance=MeetingDay(cooperation_id=cooperation_id, date=date, name=name, location=location),
            by=by,
            channel=channel,
        )
    return day
