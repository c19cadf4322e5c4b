"""Feeds validate: iCalendar (RFC 5545) parsed by `icalendar`, Atom (RFC 4287) by a strict XML parser; the
sitemap and robots.txt; every feed carries public, published content only."""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree

import pytest
from django.test import Client
from icalendar import Calendar

from naober.meetings.models import Meeting
from naober.portal.links import agenda_item_path, dossier_path, meeting_path
from tests.portal.world import HIDDEN_TITLES, PUBLIC_DOCUMENT, PUBLIC_ITEM, PortalWorld

pytestmark = pytest.mark.django_db

SITE = "https://vergaderen.example.org"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(autouse=True)
def _site(settings: Any) -> None:
    settings.NAOBER_SITE_URL = SITE


def _get(client: Client, path: str, content_type: str) -> bytes:
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith(content_type), response["Content-Type"]
    content: bytes = response.content
    text = content.decode()
    for title in HIDDEN_TITLES:
        assert title not in text, f"{title!r} in {path}"
    return content


def _check_calendar(raw: bytes) -> Calendar:
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # CRLF only
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded at 75 octets
    assert b"meet.example.org" not in raw  # no online meeting links in public feeds
    calendar = Calendar.from_ical(raw)
    for name in ("PRODID", "VERSION"):
        assert name in calendar
    assert str(calendar["VERSION"]) == "2.0"
    zones = [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")]
    assert zones == ["Europe/Amsterdam"]
    for event in calendar.walk("VEVENT"):
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE", "STATUS", "URL"):
            assert name in event, name
        assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
        assert str(event["URL"]).startswith(f"{SITE}/")
    return calendar


def _events(calendar: Calendar) -> dict[str, Any]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_cooperation_calendar_is_valid_and_holds_only_published_meetings(
    client: Client, world: PortalWorld
) -> None:
    calendar = _check_calendar(_get(client, f"/{world.slug}/vergaderingen.ics", "text/calendar"))
    events = _events(calendar)
    uid = f"meeting-{{}}@{SITE.removeprefix('https://')}"
    assert set(events) == {uid.format(m.pk) for m in (world.held, world.cancelled, world.upcoming)}
    assert str(events[uid.format(world.cancelled.pk)]["STATUS"]) == "CANCELLED"
    assert str(events[uid.format(world.held.pk)]["STATUS"]) == "CONFIRMED"
    held = Meeting.objects.get(pk=world.held.pk)
    assert int(events[uid.format(held.pk)]["SEQUENCE"]) == held.sequence
    assert str(events[uid.format(held.pk)]["URL"]) == SITE + meeting_path(world.held)
    assert str(calendar["X-WR-CALNAME"]) == f"Vergaderingen van {world.region.cooperation.name}"


def test_body_calendar_holds_the_bodys_meetings_only(client: Client, world: PortalWorld) -> None:
    calendar = _check_calendar(
        _get(client, f"/{world.slug}/organen/{world.region.bo.slug}/vergaderingen.ics", "text/calendar")
    )
    assert {str(event["UID"]).split("@")[0] for event in calendar.walk("VEVENT")} == {
        f"meeting-{world.held.pk}",
        f"meeting-{world.upcoming.pk}",
    }
    assert client.get(f"/{world.slug}/organen/bestaat-niet/vergaderingen.ics").status_code == 404


def test_an_empty_calendar_is_still_valid(client: Client, world: PortalWorld) -> None:
    calendar = _check_calendar(_get(client, f"/{world.slug}/organen/arg/vergaderingen.ics", "text/calendar"))
    assert calendar.walk("VEVENT") == []


def test_calendars_are_the_same_for_signed_in_members(world: PortalWorld) -> None:
    member = Client()
    member.force_login(world.member)
    calendar = _check_calendar(_get(member, f"/{world.slug}/vergaderingen.ics", "text/calendar"))
    assert f"meeting-{world.unpublished.pk}@" not in str(calendar.to_ical())


def _check_atom(raw: bytes) -> ElementTree.Element:
    feed = ElementTree.fromstring(raw)  # noqa: S314 - our own output; strict: raises on malformed XML
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert (feed.findtext(f"{ATOM}{name}") or "").strip(), name
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None
    links = {link.get("rel", "alternate"): link.get("href", "") for link in feed.findall(f"{ATOM}link")}
    assert links["self"].startswith(f"{SITE}/") and links["alternate"].startswith(f"{SITE}/")
    ids = []
    for entry in feed.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{name}") or "").strip(), name
        link = entry.find(f"{ATOM}link[@rel='alternate']")
        assert link is not None and link.get("href", "").startswith(f"{SITE}/")
        ids.append(entry.findtext(f"{ATOM}id") or "")
    assert all(entry_id.startswith("tag:vergaderen.example.org,") for entry_id in ids)
    assert len(ids) == len(set(ids))
    return feed


def test_decision_feed_is_valid_atom_with_public_decisions(client: Client, world: PortalWorld) -> None:
    feed = _check_atom(_get(client, f"/{world.slug}/besluiten.atom", "application/atom+xml"))
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [f"{PUBLIC_ITEM}: vastgesteld"]
    link = entries[0].find(f"{ATOM}link[@rel='alternate']")
    assert link is not None and link.get("href") == SITE + agenda_item_path(world.public_item)
    assert feed.findtext(f"{ATOM}id") == f"{SITE}/{world.slug}/besluiten.atom"


def test_decision_feed_ids_are_stable(client: Client, world: PortalWorld) -> None:
    first = client.get(f"/{world.slug}/besluiten.atom").content
    world.public_item.title = "Andere titel"
    world.public_item.save()
    second = client.get(f"/{world.slug}/besluiten.atom").content
    ids = [
        [entry.findtext(f"{ATOM}id") for entry in ElementTree.fromstring(raw).findall(f"{ATOM}entry")]  # noqa: S314
        for raw in (first, second)
    ]
    assert ids[0] == ids[1]


def test_document_feed_is_valid_atom_with_public_documents(client: Client, world: PortalWorld) -> None:
    feed = _check_atom(_get(client, f"/{world.slug}/documenten.atom", "application/atom+xml"))
    titles = {entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")}
    assert titles == {PUBLIC_DOCUMENT, "Bijlage bij het dossier"}
    enclosures = feed.findall(f"{ATOM}entry/{ATOM}link[@rel='enclosure']")
    assert enclosures and all(link.get("type") == "application/pdf" for link in enclosures)
    hrefs = {link.get("href") for link in feed.findall(f"{ATOM}entry/{ATOM}link[@rel='alternate']")}
    assert SITE + meeting_path(world.held) in hrefs and SITE + dossier_path(world.dossier) in hrefs


def test_feeds_of_an_unknown_cooperation_are_not_found(client: Client, world: PortalWorld) -> None:
    for path in ("/niets/vergaderingen.ics", "/niets/besluiten.atom", "/niets/documenten.atom"):
        assert client.get(path).status_code == 404


def test_pages_link_their_feeds_in_the_head(client: Client, world: PortalWorld) -> None:
    year = world.held.start.year
    for path in (f"/{world.slug}/", f"/{world.slug}/vergaderingen/{year}/", f"/{world.slug}/besluiten/"):
        head = client.get(path).content.decode().split("</head>")[0]
        assert (
            f'type="text/calendar" title="Vergaderingen van {world.region.cooperation.name} (iCalendar)" '
            in head
        )
        assert f'href="/{world.slug}/vergaderingen.ics"' in head
        assert 'type="application/atom+xml" title="Besluiten van' in head
        assert (
            f'href="/{world.slug}/besluiten.atom"' in head and f'href="/{world.slug}/documenten.atom"' in head
        )


def test_sitemap_lists_public_pages_on_the_site_address(client: Client, world: PortalWorld) -> None:
    root = ElementTree.fromstring(_get(client, "/sitemap.xml", "application/xml"))  # noqa: S314
    locations = {url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")}
    assert f"{SITE}/{world.slug}/" in locations
    assert f"{SITE}/{world.slug}/organen/{world.region.bo.slug}/" in locations
    assert SITE + meeting_path(world.held) in locations
    assert SITE + dossier_path(world.dossier) in locations
    assert SITE + meeting_path(world.unpublished) not in locations
    assert SITE + dossier_path(world.confidential_dossier) not in locations
    assert all(location and location.startswith(f"{SITE}/") for location in locations)


def test_robots_txt_allows_the_portal_and_names_the_sitemap(client: Client, world: PortalWorld) -> None:
    text = _get(client, "/robots.txt", "text/plain").decode()
    for private in ("/secretariaat/", "/beheer/", "/account/", "/aanmelden/"):
        assert f"Disallow: {private}" in text
    assert "Allow: /" in text
    assert f"Sitemap: {SITE}/sitemap.xml" in text
