"""During and after the meeting: attendance, decisions, minutes, actions."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.core.models import Channel
from naober.core.services import Actor, object_save
from naober.governance.models import Body, Person
from naober.meetings.models import (
    Action,
    ActionKind,
    ActionStatus,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    ConsultationRole,
    DecisionOutcome,
    DossierStatus,
    Meeting,
    MeetingStatus,
)
from naober.meetings.services.concurrency import meeting_claim_version
from naober.registry.models import Municipality, Organisation


def _check_meeting_took_place(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("This meeting has been cancelled: nothing can be decided or recorded in it."))
    if meeting.start > timezone.now():
        raise ValidationError(_("This meeting has not started yet."))


def decision_record(
    *,
    item: AgendaItem,
    outcome: str,
    text: str = "",
    votes: tuple[int, int, int] | None = None,
    expected_version: int | None,
    by: Actor = None,
    channel: str = Channel.SECRETARIAT,
) -> AgendaItem:
    """Record the decision on an item; the dossier's step (and the dossier, for the deciding body) follow."""
    meeting = item.meeting
    _check_meeting_took_place(meeting)
    if outcome not in DecisionOutcome.values:
        raise ValidationError({"outcome": _("Choose a decision.")})
    with transaction.atomic():
        meeting_claim_version(
            meeting=meeting,
            expected_version=expected_version,
            by=by,
            summary=_("Decision on item %(number)s: %(outcome)s")
            % {"number": item.number, "outcome": DecisionOutcome(outcome).label},
        )
        item.outcome = outcome
        item.decision_text = text
        item.votes_for, item.votes_against, item.votes_abstained = votes if votes else (None, None, None)
        object_save(instance=item, by=by, channel=channel)
        step = getattr(item, "consultation", None)
        dossier = item.dossier
        if (
            dossier is not None
            and step is not None
            and step.role == ConsultationRole.DECIDE
            and outcome
            in (DecisionOutcome.ADOPTED, DecisionOutcome.ADOPTED_AS_AMENDED, DecisionOutcome.REJECTED)
        ):
            dossier.status = DossierStatus.DECIDED
            object_save(instance=dossier, by=by, channel=channel)
        elif dossier is not None and dossier.status == "preparation":
            dossier.status = DossierStatus.IN_PROGRESS
            object_save(instance=dossier, by=by, channel=channel)
        if meeting.status != MeetingStatus.HELD:
            meeting.status = MeetingStatus.HELD
            object_save(instance=meeting, by=by, channel=channel)
    return item


def attendance_record(
    *,
    meeting: Meeting,
    person: Person,
    status: str,
    replaced_by: Person | None = None,
    by: Actor = None,
    channel: str = Channel.SECRETARIAT,
) -> Attendance:
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("This meeting has been cancelled: nothing can be decided or recorded in it."))
    with transaction.atomic():
        attendance = Attendance.objects.filter(meeting=meeting, person=person).first() or Attendance(
            meeting=meeting, person=person
        )
        membership = (
            person.memberships.filter(body=meeting.body, start_date__lte=meeting.start.date())
            .select_related("on_behalf_of_municipality", "on_behalf_of_organisation")
            .order_by("-start_date")
            .first()
        )
        if membership is not None:
            attendance.on_behalf_of_municipality = membership.on_behalf_of_municipality
            attendance.on_behalf_of_organisation = membership.on_behalf_of_organisation
            attendance.role = membership.role
        attendance.status = status
        attendance.replaced_by = replaced_by if status == AttendanceStatus.REPLACED else None
        return object_save(instance=attendance, by=by, channel=channel)


def minutes_approve(
    *, meeting: Meeting, in_meeting: Meeting, by: Actor = None, channel: str = Channel.SECRETARIAT
) -> Meeting:
    """The minutes of `meeting` are approved in `in_meeting`, a later meeting of the same body."""
    if in_meeting.body_id != meeting.body_id or in_meeting.start <= meeting.start:
        raise ValidationError(_("Minutes are approved in a later meeting of the same body."))
    _check_meeting_took_place(in_meeting)
    meeting.minutes_approved_in = in_meeting
    return object_save(instance=meeting, by=by, channel=channel)


def action_create(
    *,
    body: Body,
    description: str,
    kind: str = ActionKind.ACTION,
    owner: Person | Municipality | Organisation | None,
    due_date: datetime.date | None = None,
    origin: AgendaItem | None = None,
    by: Actor = None,
    channel: str = Channel.SECRETARIAT,
) -> Action:
    if origin is not None and origin.meeting.body_id != body.pk:
        raise ValidationError(_("The action belongs to the body of the meeting it comes from."))
    action = Action(
        body=body,
        kind=kind,
        description=description,
        due_date=due_date,
        origin=origin,
        owner_person=owner if isinstance(owner, Person) else None,
        owner_municipality=owner if isinstance(owner, Municipality) else None,
        owner_organisation=owner if isinstance(owner, Organisation) else None,
    )
    return object_save(instance=action, by=by, channel=channel)


def action_complete(
    *,
    action: Action,
    on: datetime.date | None = None,
    note: str = "",
    by: Actor = None,
    channel: str = Channel.SECRETARIAT,
) -> Action:
    if action.status != ActionStatus.OPEN:
        raise ValidationError(_("Only an open action can be completed."))
    action.status = ActionStatus.DONE
    action.completed_on = on or timezone.localdate()
    if note:
        action.note = note
    return object_save(instance=action, by=by, channel=channel)
