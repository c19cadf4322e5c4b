from __future__ import annotations

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from pypdf import PdfReader

from naober.access.viewer import ANONYMOUS, Viewer
from naober.core.models import AuditEntry, Confidentiality
from naober.meetings.models import AttendanceStatus, DecisionOutcome, Meeting
from naober.meetings.services.agenda import agenda_item_add
from naober.meetings.services.decision_list import (
    action_list_html,
    decision_list_html,
    decision_list_pdf,
    decision_list_publish,
)
from naober.meetings.services.decisions import (
    action_complete,
    action_create,
    attendance_record,
    decision_record,
)
from tests.factories import PersonFactory
from tests.meetings.conftest import Chain, plan

pytestmark = pytest.mark.django_db

PAST = timezone.localdate() - datetime.timedelta(days=7)
FUTURE = timezone.localdate() + datetime.timedelta(days=30)
CONFIDENTIAL_TITLE = "Aankoop grond Vathorst"


def _editor(meeting: Meeting) -> Viewer:
    return Viewer(
        user_id=1, is_authenticated=True, editor_cooperation_ids=frozenset({meeting.cooperation_id})
    )


@pytest.fixture
def held(chain: Chain) -> Meeting:
    meeting = plan(chain.bo, PAST, location="Stadhuis Amersfoort")
    woondeal = agenda_item_add(meeting=meeting, title="Regionale woondeal", expected_version=None)
    grond = agenda_item_add(
        meeting=meeting,
        title=CONFIDENTIAL_TITLE,
        confidentiality=Confidentiality.CONFIDENTIAL,
        expected_version=None,
    )
    decision_record(
        item=woondeal,
        outcome=DecisionOutcome.ADOPTED,
        text="Het BO stemt in met de woondeal.",
        votes=(7, 1, 0),
        expected_version=None,
    )
    decision_record(
        item=grond, outcome=DecisionOutcome.ADOPTED, text="Grond wordt aangekocht.", expected_version=None
    )
    carla = PersonFactory(given_name="Carla", family_name="Jansen")
    attendance_record(meeting=meeting, person=carla, status=AttendanceStatus.PRESENT)
    attendance_record(
        meeting=meeting,
        person=PersonFactory(given_name="Erik", family_name="Bos"),
        status=AttendanceStatus.EXCUSED,
    )
    action_create(
        body=chain.bo,
        description="Woondeal ter ondertekening aanbieden",
        owner=carla,
        due_date=FUTURE,
        origin=woondeal,
    )
    action_create(body=chain.bo, description="Taxatie laten uitvoeren", owner=carla, origin=grond)
    done = action_create(body=chain.bo, description="Afgeronde actie", owner=carla)
    action_complete(action=done)
    meeting.refresh_from_db()
    return meeting


def test_publishing_before_the_meeting_is_held_is_refused(chain: Chain) -> None:
    meeting = plan(chain.bo, FUTURE)
    with pytest.raises(ValidationError, match="pas worden gepubliceerd"):
        decision_list_publish(meeting=meeting, by=None)
    meeting.refresh_from_db()
    assert meeting.decision_list_published_at is None


def test_publishing_a_held_meeting_is_dated_and_audited(held: Meeting) -> None:
    decision_list_publish(meeting=held, by=None)
    held.refresh_from_db()
    first = held.decision_list_published_at
    assert first is not None
    assert AuditEntry.objects.filter(
        object_type="meetings.meeting", object_id=str(held.pk), changes__has_key="decision_list_published_at"
    ).exists()
    decision_list_publish(meeting=held, by=None)  # again: the first publication date stays
    held.refresh_from_db()
    assert held.decision_list_published_at == first


def test_full_decision_list_has_decisions_votes_attendance_and_open_actions(held: Meeting) -> None:
    html = decision_list_html(meeting=held, viewer=_editor(held))
    assert html.startswith("<!doctype html>")
    assert 'href="/static/meetings/print.css"' in html and "<style" not in html and "style=" not in html
    assert "Regio Amersfoort" in html and "Besluitenlijst BO Wonen" in html and "Stadhuis Amersfoort" in html
    assert "Regionale woondeal" in html and "Het BO stemt in met de woondeal." in html
    assert "Besluit:</strong> vastgesteld" in html and "Stemmen: 7 voor, 1 tegen, 0 onthoudingen" in html
    assert "Carla Jansen" in html and "Erik Bos" in html
    assert "Woondeal ter ondertekening aanbieden" in html
    assert CONFIDENTIAL_TITLE in html and "Taxatie laten uitvoeren" in html
    assert "Afgeronde actie" not in html


def test_public_decision_list_leaves_confidential_items_and_their_actions_out(held: Meeting) -> None:
    html = decision_list_html(meeting=held, viewer=ANONYMOUS)
    assert "Regionale woondeal" in html and "Woondeal ter ondertekening aanbieden" in html
    assert CONFIDENTIAL_TITLE not in html and "Grond wordt aangekocht" not in html
    assert "Taxatie laten uitvoeren" not in html


def test_action_list_on_its_own(held: Meeting) -> None:
    html = action_list_html(body=held.body, viewer=ANONYMOUS)
    assert "Actielijst BO Wonen" in html and "Woondeal ter ondertekening aanbieden" in html
    assert "Taxatie laten uitvoeren" not in html


def test_pdf_carries_the_decisions(held: Meeting) -> None:
    pdf = decision_list_pdf(meeting=held, viewer=ANONYMOUS)
    assert pdf.startswith(b"%PDF")
    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Regionale woondeal" in text
    assert CONFIDENTIAL_TITLE not in text
