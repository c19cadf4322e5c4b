"""The information memo after a board meeting: drafted from its public decisions, edited, sent to every
member council and archived per council (`MemoDelivery`). Only what the public may see goes into the draft:
the decision list as `ANONYMOUS` reads it."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from naober.access.rules import agenda_rows
from naober.access.viewer import ANONYMOUS
from naober.core.models import AuditEntry, Channel
from naober.core.services import Actor, audit_record, object_save
from naober.councils.mail import council_addresses, send
from naober.councils.models import InformationMemo, MemoDelivery
from naober.councils.services import _require_editor, member_municipalities_on
from naober.meetings.calendar import meeting_local_start
from naober.meetings.models import AgendaItem, Meeting, MeetingStatus
from naober.meetings.services.agenda import agenda_items_in_order


def memo_draft_text(meeting: Meeting) -> str:
    items = [
        row
        for row in agenda_rows(viewer=ANONYMOUS, meeting=meeting, items=agenda_items_in_order(meeting))
        if isinstance(row, AgendaItem) and row.outcome
    ]
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(
            "councils/email/memo_draft.txt",
            {"meeting": meeting, "items": items, "date": meeting_local_start(meeting).date()},
        ).strip()


def memo_draft(*, meeting: Meeting, by: Actor, channel: str = Channel.SECRETARIAT) -> InformationMemo:
    """The memo of a held meeting; drafted once from the decision list, kept (and editable) after that."""
    _require_editor(by=by, cooperation_id=meeting.cooperation_id)
    existing = InformationMemo.objects.filter(meeting=meeting).first()
    if existing is not None:
        return existing
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(_("An information memo is drafted once the meeting has been held."))
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Information from %(body)s, %(date)s") % {
            "body": meeting.body.display_name,
            "date": meeting_local_start(meeting).date().strftime("%d-%m-%Y"),
        }
    return object_save(
        instance=InformationMemo(meeting=meeting, subject=subject, text=memo_draft_text(meeting)),
        by=by,
        channel=channel,
    )


def memo_update(
    *, memo: InformationMemo, subject: str, text: str, by: Actor, channel: str = Channel.SECRETARIAT
) -> InformationMemo:
    _require_editor(by=by, cooperation_id=memo.meeting.cooperation_id)
    if memo.sent_at is not None:
        raise ValidationError(_("The memo has been sent already and can no longer be changed."))
    if not subject.strip() or not text.strip():
        raise ValidationError(_("A memo needs a subject and a text."))
    memo.subject, memo.text = subject.strip(), text.strip()
    return object_save(instance=memo, by=by, channel=channel)


def memo_send(*, memo: InformationMemo, by: Actor, channel: str = Channel.SECRETARIAT) -> list[str]:
    """Send the memo to the council of every member on the meeting's date; returns the names of members
    without a council address (they are skipped, and the secretariat is told)."""
    meeting = memo.meeting
    _require_editor(by=by, cooperation_id=meeting.cooperation_id)
    if memo.sent_at is not None:
        raise ValidationError(_("The memo has been sent already."))
    members = member_municipalities_on(
        cooperation=meeting.cooperation, on=meeting_local_start(meeting).date()
    )
    addresses = council_addresses([municipality.pk for municipality in members])
    reached = [municipality for municipality in members if municipality.pk in addresses]
    if not reached:
        raise ValidationError(_("No member council has an e-mail address yet."))
    with transaction.atomic():
        memo.sent_at = timezone.now()
        object_save(instance=memo, by=by, channel=channel)
        for municipality in reached:
            delivery = MemoDelivery.objects.create(
                memo=memo,
                municipality=municipality,
                address=addresses[municipality.pk].council_email,
                subject=memo.subject,
                text=memo.text,
            )
            audit_record(
                instance=delivery,
                action=AuditEntry.Action.CREATE,
                by=by,
                channel=channel,
                changes={"address": [None, delivery.address]},
                cooperation_id=meeting.cooperation_id,
            )
        outgoing = [(addresses[m.pk].council_email, memo.subject, memo.text) for m in reached]

        def deliver() -> None:
            for to, subject, body in outgoing:
                send(to=[to], subject=subject, body=body)

        transaction.on_commit(deliver)
    return [municipality.name for municipality in members if municipality.pk not in addresses]
