"""iCalendar (RFC 5545) for meetings: the invitation attached to e-mails, and the VEVENT the feeds reuse.

Times are written in the cooperation's own zone with a VTIMEZONE, so calendar clients show 14:00 in
Amersfoort whatever zone the reader's device is in. The UID is stable per meeting and SEQUENCE rises with
every change (`Meeting.sequence`), so a client updates the event it already has instead of adding another.
"""

from __future__ import annotations

import datetime
import zoneinfo
from email.utils import parseaddr
from typing import Literal
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import NoReverseMatch
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from naober.meetings.models import Meeting, MeetingStatus

Method = Literal["REQUEST", "CANCEL", "PUBLISH"]
PRODID = "-//naober//meetings//NL"


def meeting_zone(meeting: Meeting) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(meeting.cooperation.time_zone)


def meeting_local_start(meeting: Meeting) -> datetime.datetime:
    return meeting.start.astimezone(meeting_zone(meeting))


def meeting_uid(meeting: Meeting) -> str:
    host = urlsplit(settings.NAOBER_SITE_URL).hostname or "localhost"
    return f"meeting-{meeting.pk}@{host}"


def meeting_page_url(meeting: Meeting) -> str:
    """The meeting's public page (`naober.portal.links`), absolute."""
    from naober.portal.links import absolute, meeting_path

    try:
        return absolute(meeting_path(meeting))
    except NoReverseMatch:
        return absolute("/")


def _organizer() -> vCalAddress:
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = vCalAddress(f"mailto:{address or settings.DEFAULT_FROM_EMAIL}")
    if name:
        organizer.params["CN"] = vText(name)
    return organizer


def _status(meeting: Meeting) -> str:
    if meeting.status == MeetingStatus.CANCELLED:
        return "CANCELLED"
    if meeting.status == MeetingStatus.PLANNED:
        return "TENTATIVE"
    return "CONFIRMED"


def meeting_vevent(meeting: Meeting, *, for_participants: bool = False) -> Event:
    """The meeting as a VEVENT. Without `for_participants` (public feeds) the online link is left out."""
    zone = meeting_zone(meeting)
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", meeting.start.astimezone(zone))
    event.add("dtend", meeting.end.astimezone(zone))
    event.add("summary", meeting.display_title)
    location = meeting.location or (meeting.online_url if for_participants else "")
    if location:
        event.add("location", location)
    if for_participants and meeting.online_url:
        event.add("description", f"Online: {meeting.online_url}")
    event.add("url", meeting_page_url(meeting))
    event.add("sequence", meeting.sequence)
    event.add("status", _status(meeting))
    event.add("organizer", _organizer())
    event.add("last-modified", meeting.modified.astimezone(datetime.UTC))
    return event


def meeting_ical(*, meeting: Meeting, method: Method, attendee: tuple[str, str] | None = None) -> bytes:
    """A VCALENDAR with one VEVENT and its VTIMEZONE; `attendee` is (name, e-mail) of the recipient.

    METHOD:CANCEL always says STATUS:CANCELLED, so clients remove the event.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    event = meeting_vevent(meeting, for_participants=method != "PUBLISH")
    if method == "CANCEL":
        event.pop("STATUS")
        event.add("status", "CANCELLED")
    if attendee is not None:
        name, email = attendee
        address = vCalAddress(f"mailto:{email}")
        address.params["CN"] = vText(name)
        address.params["ROLE"] = vText("REQ-PARTICIPANT")
        address.params["PARTSTAT"] = vText("NEEDS-ACTION")
        address.params["RSVP"] = vText("FALSE")
        event.add("attendee", address)
    calendar.add_component(event)
    # Transitions around the meeting only: a small VTIMEZONE that every client reads the same way.
    calendar.add_missing_timezones(
        first_date=datetime.date(meeting.start.year - 1, 1, 1),
        last_date=datetime.date(meeting.end.year + 2, 1, 1),
    )
    return calendar.to_ical()
