from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from naober.meetings.models import Action, AttendanceStatus, DecisionOutcome, DossierStatus, MeetingStatus
from naober.meetings.services.agenda import agenda_item_add, agenda_item_forward
from naober.meetings.services.decisions import (
    action_complete,
    action_create,
    attendance_record,
    decision_record,
    minutes_approve,
)
from naober.meetings.services.meeting import meeting_cancel
from tests.factories import MembershipFactory, MunicipalityFactory, PersonFactory
from tests.meetings.conftest import Chain, plan

PAST = timezone.localdate() - datetime.timedelta(days=40)
FUTURE = timezone.localdate() + datetime.timedelta(days=40)


def test_decision_by_the_deciding_body_decides_the_dossier(chain: Chain) -> None:
    bo = plan(chain.bo, PAST)
    board = plan(chain.board, PAST + datetime.timedelta(days=14))
    item = agenda_item_add(meeting=bo, title="Woondeal", expected_version=None)
    decision_record(
        item=item, outcome=DecisionOutcome.ADOPTED, text="Positief advies.", expected_version=None
    )
    in_board = agenda_item_forward(item=item, to_body=chain.board, to_meeting=board)
    assert in_board.dossier.status == DossierStatus.IN_PROGRESS
    decision_record(
        item=in_board,
        outcome=DecisionOutcome.ADOPTED_AS_AMENDED,
        text="Vastgesteld.",
        votes=(8, 1, 0),
        expected_version=None,
    )
    in_board.dossier.refresh_from_db()
    assert in_board.dossier.status == DossierStatus.DECIDED
    board.refresh_from_db()
    assert board.status == MeetingStatus.HELD
    assert (in_board.votes_for, in_board.votes_against) == (8, 1)


def test_no_decision_in_a_cancelled_or_future_meeting(chain: Chain) -> None:
    future = plan(chain.bo, FUTURE)
    item = agenda_item_add(meeting=future, title="Woondeal", expected_version=None)
    with pytest.raises(ValidationError, match="nog niet begonnen"):
        decision_record(item=item, outcome=DecisionOutcome.ADOPTED, expected_version=None)
    past = plan(chain.bo, PAST)
    cancelled_item = agenda_item_add(meeting=past, title="Woondeal", expected_version=None)
    meeting_cancel(meeting=past, reason="Vervalt", expected_version=None)
    with pytest.raises(ValidationError, match="geannuleerd"):
        decision_record(item=cancelled_item, outcome=DecisionOutcome.ADOPTED, expected_version=None)
    cancelled_item.refresh_from_db()
    assert cancelled_item.outcome == ""


def test_attendance_takes_role_and_municipality_from_the_membership(chain: Chain) -> None:
    meeting = plan(chain.bo, PAST)
    soest = MunicipalityFactory(name="Soest")
    member = MembershipFactory(body=chain.bo, on_behalf_of_municipality=soest).person
    substitute = PersonFactory()
    attendance = attendance_record(
        meeting=meeting, person=member, status=AttendanceStatus.REPLACED, replaced_by=substitute
    )
    assert attendance.on_behalf_of_municipality == soest
    assert attendance.replaced_by == substitute
    attendance_record(meeting=meeting, person=member, status=AttendanceStatus.PRESENT)
    attendance.refresh_from_db()
    assert attendance.status == "present" and attendance.replaced_by is None


def test_replaced_requires_a_replacement_in_the_database(chain: Chain) -> None:
    meeting = plan(chain.bo, PAST)
    with pytest.raises(IntegrityError), transaction.atomic():
        meeting.attendances.create(person=PersonFactory(), status=AttendanceStatus.REPLACED)


def test_actions_owned_by_a_municipality_and_completed(chain: Chain) -> None:
    meeting = plan(chain.bo, PAST)
    item = agenda_item_add(meeting=meeting, title="Woondeal", expected_version=None)
    soest = MunicipalityFactory(name="Soest")
    action = action_create(
        body=chain.bo,
        description="Gemeente Soest levert input vóór de AO",
        owner=soest,
        due_date=FUTURE,
        origin=item,
    )
    assert action.owner == soest
    action_complete(action=action)
    assert Action.objects.get().status == "done"
    with pytest.raises(ValidationError):
        action_complete(action=action)


def test_minutes_are_approved_in_a_later_meeting_of_the_same_body(chain: Chain) -> None:
    first = plan(chain.bo, PAST)
    second = plan(chain.bo, PAST + datetime.timedelta(days=14))
    with pytest.raises(ValidationError):
        minutes_approve(meeting=second, in_meeting=first)
    minutes_approve(meeting=first, in_meeting=second)
    assert first.minutes_approved_in == second
