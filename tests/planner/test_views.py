"""The secretariat's year planner page: editors only, plan, pin and re-plan, accept, iCalendar."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from naober.accounts.models import CooperationRole
from naober.meetings.models import Meeting, MeetingStatus
from naober.planner.model.cpsat import Options
from naober.planner.models import PlanProposal, ProposalStatus
from naober.planner.services import proposal_create
from naober.registry.models import Cooperation
from tests.factories import UserFactory, verified_login

pytestmark = pytest.mark.django_db
YEAR = 2027


@pytest.fixture
def amersfoort(demo_region: None) -> Cooperation:
    return Cooperation.objects.get(slug="regio-amersfoort")


@pytest.fixture
def editor(amersfoort: Cooperation):
    user = UserFactory(username="planner-secretaris")
    CooperationRole.objects.create(user=user, cooperation=amersfoort, role=CooperationRole.Role.EDITOR)
    return user


@pytest.fixture
def editor_client(editor, monkeypatch: pytest.MonkeyPatch) -> Client:
    from naober.planner import views

    monkeypatch.setattr(views, "WEB_OPTIONS", Options(time_limit=0.5, workers=1))
    return verified_login(Client(), editor)


@pytest.fixture
def proposal(amersfoort: Cooperation, editor) -> PlanProposal:
    return proposal_create(
        cooperation=amersfoort, year=YEAR, options=Options(time_limit=0.5, workers=1), by=editor
    )


def year_url(slug: str = "regio-amersfoort") -> str:
    return reverse("planner:year", args=[slug, YEAR])


def test_others_get_a_404(amersfoort: Cooperation, client: Client) -> None:
    outsider = UserFactory(username="buitenstaander")
    assert verified_login(client, outsider).get(year_url()).status_code == 404
    anonymous = Client().get(year_url())
    assert anonymous.status_code == 302 and "/aanmelden/" in anonymous["Location"]


def test_the_year_is_planned_and_shown_as_a_calendar(
    editor_client: Client, django_assert_max_num_queries
) -> None:
    response = editor_client.post(year_url())
    assert response.status_code == 302
    proposal = PlanProposal.objects.get(status=ProposalStatus.PROPOSED)
    assert proposal.report["feasible"] is True
    with django_assert_max_num_queries(12):
        page = editor_client.get(year_url())
    text = page.content.decode()
    assert page.status_code == 200
    assert "Bestuurlijk overleg Regio Amersfoort" in text and "colour-0" in text
    assert "Goede Vrijdag" in text or "Good Friday" in text  # closed days are shown with their reason


def test_pin_re_plans_around_the_pinned_meeting(editor_client: Client, proposal: PlanProposal) -> None:
    key = next(item["key"] for item in proposal.plan["meetings"] if item["body"] == "bora")
    url = reverse("planner:pin", args=["regio-amersfoort", YEAR, proposal.pk])
    response = editor_client.post(url, {"meeting": key, "date": "2027-03-17", "time": "19:30-21:30"})
    assert response.status_code == 302
    newest = PlanProposal.objects.order_by("-pk").first()
    assert newest.pk != proposal.pk and newest.pins[0]["date"] == "2027-03-17"
    assert any(m["body"] == "bora" and m["date"] == "2027-03-17" for m in newest.plan["meetings"])
    # A time the body does not meet at is refused, and nothing is planned.
    before = PlanProposal.objects.count()
    editor_client.post(url, {"meeting": key, "date": "2027-03-17", "time": "13:30-14:20"})
    assert PlanProposal.objects.count() == before


def test_accept_creates_planned_meetings_through_the_services(
    editor_client: Client, proposal: PlanProposal
) -> None:
    # A dozen meetings keep the test quick; the path is the same for a whole year.
    proposal.plan["meetings"] = [item for item in proposal.plan["meetings"] if not item["fixed"]][:12]
    proposal.save()
    new = proposal.plan["meetings"]
    url = reverse("planner:accept", args=["regio-amersfoort", YEAR, proposal.pk])
    assert editor_client.post(url).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED and len(proposal.meeting_ids) == len(new)
    meetings = Meeting.objects.filter(pk__in=proposal.meeting_ids)
    assert {meeting.status for meeting in meetings} == {MeetingStatus.PLANNED}
    assert meetings.filter(meeting_day__name="Regiomiddag").exists()
    # Accepting twice is refused.
    editor_client.post(url)
    assert Meeting.objects.filter(cooperation__slug="regio-amersfoort").count() == len(new)


def test_the_proposal_as_icalendar(editor_client: Client, proposal: PlanProposal) -> None:
    response = editor_client.get(reverse("planner:ics", args=["regio-amersfoort", YEAR, proposal.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == len(proposal.plan["meetings"])
    assert all(event.decoded("DTSTART").date() <= datetime.date(YEAR, 12, 31) for event in events)
