from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone
from icalendar import Calendar

from naober.meetings.calendar import meeting_ical, meeting_vevent
from naober.meetings.services.agenda import agenda_item_add
from naober.meetings.services.meeting import meeting_cancel
from tests.meetings.conftest import Chain, at, plan

pytestmark = pytest.mark.django_db

FUTURE = timezone.localdate() + datetime.timedelta(days=40)


@pytest.fixture(autouse=True)
def _site(settings: Any) -> None:
    settings.NAOBER_SITE_URL = "https://vergaderen.example.org"
    settings.DEFAULT_FROM_EMAIL = "Secretariaat Regio <secretariaat@example.org>"


def test_request_parses_back_with_zone_uid_and_organizer(chain: Chain) -> None:
    meeting = plan(chain.bo, FUTURE, location="Stadhuis", online_url="https://meet.example.org/bo")
    raw = meeting_ical(meeting=meeting, method="REQUEST", attendee=("Carla Jansen", "carla@example.org"))
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # CRLF everywhere
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded
    calendar = Calendar.from_ical(raw)
    assert str(calendar["METHOD"]) == "REQUEST" and str(calendar["VERSION"]) == "2.0"
    zones = calendar.walk("VTIMEZONE")
    assert [str(zone["TZID"]) for zone in zones] == ["Europe/Amsterdam"]
    event = calendar.walk("VEVENT")[0]
    assert str(event["UID"]) == f"meeting-{meeting.pk}@vergaderen.example.org"
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert event.decoded("DTSTART") == at(FUTURE, 14) and event.decoded("DTEND") == at(FUTURE, 16)
    assert "DTSTAMP" in event
    assert str(event["STATUS"]) == "TENTATIVE"  # planned, not yet convened
    assert str(event["ORGANIZER"]) == "mailto:secretariaat@example.org"
    assert event["ORGANIZER"].params["CN"] == "Secretariaat Regio"
    assert str(event["ATTENDEE"]) == "mailto:carla@example.org"
    assert str(event["LOCATION"]) == "Stadhuis"
    assert "https://meet.example.org/bo" in str(event["DESCRIPTION"])
    year = f"{FUTURE:%Y}"
    assert str(event["URL"]) == (
        f"https://vergaderen.example.org/ra/vergaderingen/{year}/{meeting.pk}-bo-wonen-{FUTURE:%Y-%m-%d}/"
    )


def test_uid_is_stable_and_sequence_rises_with_a_change(chain: Chain) -> None:
    meeting = plan(chain.bo, FUTURE)
    first = Calendar.from_ical(meeting_ical(meeting=meeting, method="REQUEST")).walk("VEVENT")[0]
    second = Calendar.from_ical(meeting_ical(meeting=meeting, method="REQUEST")).walk("VEVENT")[0]
    assert first["UID"] == second["UID"] and first["SEQUENCE"] == second["SEQUENCE"]
    agenda_item_add(meeting=meeting, title="Woondeal", expected_version=meeting.version)
    third = Calendar.from_ical(meeting_ical(meeting=meeting, method="REQUEST")).walk("VEVENT")[0]
    assert third["UID"] == first["UID"]
    assert third["SEQUENCE"] > first["SEQUENCE"]


def test_cancel_says_cancelled(chain: Chain) -> None:
    meeting = plan(chain.bo, FUTURE)
    meeting_cancel(meeting=meeting, reason="Geen punten", expected_version=meeting.version)
    calendar = Calendar.from_ical(meeting_ical(meeting=meeting, method="CANCEL"))
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"


def test_the_public_event_leaves_the_online_link_out(chain: Chain) -> None:
    meeting = plan(chain.bo, FUTURE, online_url="https://meet.example.org/bo")
    event = meeting_vevent(meeting)
    assert "https://meet.example.org/bo" not in event.to_ical().decode()
    published = meeting_ical(meeting=meeting, method="PUBLISH").decode()
    assert "meet.example.org" not in published
