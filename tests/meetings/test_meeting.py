from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from naober.meetings.models import Meeting, MeetingStatus
from naober.meetings.services.meeting import meeting_cancel, meeting_mark_held, meeting_plan, meeting_update
from tests.factories import BodyFactory
from tests.meetings.conftest import Chain, at, plan

FUTURE = timezone.localdate() + datetime.timedelta(days=60)
PAST = timezone.localdate() - datetime.timedelta(days=30)


def test_plan_derives_documents_deadline_and_standard_agenda(chain: Chain) -> None:
    meeting = plan(chain.bo, FUTURE)
    assert meeting.documents_deadline == at(FUTURE, 14) - datetime.timedelta(days=10)
    assert [(item.number, item.title) for item in meeting.agenda_items.order_by("position")] == [
        ("1", "Opening en vaststelling agenda"),
        ("2", "Verslag vorige vergadering"),
        ("3", "Actielijst"),
        ("4", "Rondvraag"),
        ("5", "Sluiting"),
    ]
    assert meeting.is_public is False  # the body's default


def test_end_before_start_is_refused_and_nothing_is_stored(chain: Chain) -> None:
    with pytest.raises(ValidationError, match="eindigt na"):
        meeting_plan(body=chain.bo, start=at(FUTURE, 16), end=at(FUTURE, 14))
    assert not Meeting.objects.exists()


def test_naive_datetimes_are_refused(chain: Chain) -> None:
    with pytest.raises(ValidationError, match="tijdzone"):
        meeting_plan(
            body=chain.bo,
            start=datetime.datetime(2030, 1, 1, 14),  # noqa: DTZ001 - naive on purpose
            end=datetime.datetime(2030, 1, 1, 16),  # noqa: DTZ001 - naive on purpose
        )


def test_joint_meeting_only_with_bodies_of_the_same_cooperation(chain: Chain) -> None:
    other = BodyFactory()
    with pytest.raises(ValidationError):
        plan(chain.bo, FUTURE, joint_bodies=[other])
    meeting = plan(chain.bo, FUTURE, joint_bodies=[chain.board])
    assert list(meeting.joint_bodies.all()) == [chain.board]


def test_moving_the_start_moves_the_deadline_and_raises_the_version(chain: Chain) -> None:
    meeting = plan(chain.bo, FUTURE)
    version, sequence = meeting.version, meeting.sequence
    meeting_update(meeting=meeting, expected_version=version, start=at(FUTURE, 10), end=at(FUTURE, 12))
    meeting.refresh_from_db()
    assert meeting.documents_deadline == at(FUTURE, 10) - datetime.timedelta(days=10)
    assert meeting.version == version + 1
    assert meeting.sequence == sequence + 1


def test_cancelled_meeting_cannot_be_changed(chain: Chain) -> None:
    meeting = plan(chain.bo, FUTURE)
    meeting_cancel(meeting=meeting, reason="Geen agendapunten", expected_version=meeting.version)
    assert meeting.status == MeetingStatus.CANCELLED
    with pytest.raises(ValidationError, match="geannuleerd"):
        meeting_update(meeting=meeting, expected_version=meeting.version, location="Amersfoort")


def test_held_only_after_start(chain: Chain) -> None:
    with pytest.raises(ValidationError, match="begonnen"):
        meeting_mark_held(meeting=plan(chain.bo, FUTURE))
    meeting = plan(chain.bo, PAST)
    meeting_mark_held(meeting=meeting)
    assert meeting.status == MeetingStatus.HELD
