"""The meeting overview of a year, a meeting's page and a body's meetings, for visitors and members."""

from __future__ import annotations

import re
import zoneinfo

import pytest
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from naober.access.viewer import viewer_for
from naober.accounts.models import CooperationRole
from naober.meetings.calendar import meeting_local_start
from naober.meetings.models import Meeting
from naober.portal.links import agenda_item_path, meeting_path
from naober.portal.selectors.meetings import meeting_year_list
from tests.factories import CooperationFactory, UserFactory, verified_login
from tests.portal.world import (
    CONFIDENTIAL_DOCUMENT,
    CONFIDENTIAL_ITEM,
    PUBLIC_DOCUMENT,
    PUBLIC_DOSSIER,
    PUBLIC_ITEM,
    SECRET_DOCUMENT,
    SECRET_ITEM,
    UNPUBLISHED_MEETING,
    PortalWorld,
)

pytestmark = pytest.mark.django_db


def _year(world: PortalWorld, meeting: Meeting | None = None) -> int:
    return meeting_local_start(meeting or world.held).year


def _html(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_current_year_redirects_and_keeps_the_filters(client: Client, world: PortalWorld) -> None:
    response = client.get(f"/{world.slug}/vergaderingen/?orgaan=bora")
    assert response.status_code == 302
    assert response["Location"] == f"/{world.slug}/vergaderingen/{timezone.localdate().year}/?orgaan=bora"


def test_year_overview_lists_published_meetings_by_month(client: Client, world: PortalWorld) -> None:
    year = _year(world)
    html = _html(client, f"/{world.slug}/vergaderingen/{year}/")
    assert meeting_path(world.held) in html
    assert UNPUBLISHED_MEETING not in html and meeting_path(world.unpublished) not in html
    month = meeting_local_start(world.held).strftime("%m")
    assert f'<h2 id="month-{month}"' in html
    if _year(world, world.cancelled) == year:
        assert "geannuleerd" in html


def test_year_overview_filters_by_body_and_topic(client: Client, world: PortalWorld) -> None:
    year = _year(world)
    board = _html(client, f"/{world.slug}/vergaderingen/{year}/?orgaan=bora")
    assert meeting_path(world.held) not in board
    bo = _html(client, f"/{world.slug}/vergaderingen/{year}/?orgaan={world.region.bo.slug}")
    assert meeting_path(world.held) in bo
    topic = world.region.bo.topic
    assert topic is not None
    by_topic = _html(client, f"/{world.slug}/vergaderingen/{year}/?onderwerp={topic.slug}")
    assert meeting_path(world.held) in by_topic


def test_an_unknown_filter_value_is_reported_not_an_error(client: Client, world: PortalWorld) -> None:
    html = _html(client, f"/{world.slug}/vergaderingen/{_year(world)}/?orgaan=bestaat-niet")
    assert "field--invalid" in html
    assert meeting_path(world.held) in html  # the wrong filter is ignored


def test_calendar_view_is_an_accessible_table_per_month(client: Client, world: PortalWorld) -> None:
    year = _year(world)
    html = _html(client, f"/{world.slug}/vergaderingen/{year}/?weergave=kalender")
    assert html.count('<table class="month-calendar">') == 12
    assert html.count('<th scope="col"><abbr title="maandag">') == 12
    start = meeting_local_start(world.held)
    caption = f"{['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'][start.month - 1].capitalize()} {year}"  # noqa: E501
    assert f'<caption class="utrecht-table__caption">{caption}</caption>' in html
    cell = re.search(
        rf'<span class="month-calendar__number">{start.day}</span>\s*<ul[^>]*>.*?</ul>', html, re.DOTALL
    )
    assert cell is not None and meeting_path(world.held) in cell.group(0)


def test_year_navigation(client: Client, world: PortalWorld) -> None:
    year = _year(world)
    html = _html(client, f"/{world.slug}/vergaderingen/{year}/")
    assert f'href="/{world.slug}/vergaderingen/{year}/" aria-current="page"' in html
    assert client.get(f"/{world.slug}/vergaderingen/1066/").status_code == 404
    assert client.get(f"/bestaat-niet/vergaderingen/{year}/").status_code == 404


def test_meeting_page_shows_the_public_agenda_with_documents_decisions_and_attendance(
    client: Client, world: PortalWorld
) -> None:
    html = _html(client, meeting_path(world.held))
    assert f'<h1 class="utrecht-heading-1">{world.region.bo.display_name}</h1>' in html
    assert f'id="punt-{world.public_item.pk}"' in html and PUBLIC_ITEM in html
    # Items 2 and 3 (confidential and secret) are withheld; the numbering keeps the gap.
    numbers = re.findall(r'<span class="agenda-item__number">([^<]+)</span>', html)
    assert numbers == ["1", "4"]
    for hidden in (CONFIDENTIAL_ITEM, SECRET_ITEM, CONFIDENTIAL_DOCUMENT, SECRET_DOCUMENT):
        assert hidden not in html
    assert f'href="/documenten/{world.public_document.pk}/download/"' in html
    assert re.search(
        rf"{PUBLIC_DOCUMENT}</a>\s*<span class=\"muted\">\(voorstel, PDF, [\d,]+\s(bytes|KB)\)", html
    )
    assert "Besluit: vastgesteld" in html and "Stemmen: 5 voor, 1 tegen, 0 onthoudingen" in html
    assert f"{world.dossier.reference} {PUBLIC_DOSSIER}" in html
    assert world.attendee.name in html and "namens" in html
    assert world.member_person.name in html  # excused
    assert "meet.example.org" not in html  # the online link is for participants only
    assert f"{meeting_path(world.held)}vergadering.ics" in html


def test_a_cancelled_meeting_says_so(client: Client, world: PortalWorld) -> None:
    html = _html(client, meeting_path(world.cancelled))
    assert "Deze vergadering is geannuleerd." in html and "Onvoldoende agendapunten" in html


def test_outdated_year_or_slug_redirects_to_the_current_address(client: Client, world: PortalWorld) -> None:
    year = _year(world)
    for old in (
        f"/{world.slug}/vergaderingen/{year}/{world.held.pk}/",
        f"/{world.slug}/vergaderingen/{year}/{world.held.pk}-oude-titel/",
        f"/{world.slug}/vergaderingen/{year - 1}/{world.held.pk}-oude-titel/",
    ):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == meeting_path(world.held)


def test_unpublished_missing_and_foreign_meetings_are_not_found(client: Client, world: PortalWorld) -> None:
    year = _year(world, world.unpublished)
    other = CooperationFactory(slug="elders")
    for path in (
        meeting_path(world.unpublished),
        f"/{world.slug}/vergaderingen/{year}/{world.unpublished.pk}/",  # no redirect that reveals it exists
        f"{meeting_path(world.unpublished)}vergadering.ics",
        f"/{world.slug}/vergaderingen/{year}/999999-niets/",
        f"/{other.slug}/vergaderingen/{_year(world)}/{world.held.pk}/",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert UNPUBLISHED_MEETING not in response.content.decode()


def test_a_member_sees_the_confidential_items_of_their_body_and_the_secret_one_they_received(
    world: PortalWorld,
) -> None:
    member = Client()
    member.force_login(world.member)
    response = member.get(meeting_path(world.held))
    html = response.content.decode()
    assert CONFIDENTIAL_ITEM in html and CONFIDENTIAL_DOCUMENT in html
    assert SECRET_ITEM in html and SECRET_DOCUMENT in html  # the member is a recipient
    assert "private" in response["Cache-Control"]


def test_an_editor_sees_confidential_but_not_secret_items(world: PortalWorld) -> None:
    editor = UserFactory(username="redacteur")
    CooperationRole.objects.create(
        user=editor, cooperation=world.region.cooperation, role=CooperationRole.Role.EDITOR
    )
    client = verified_login(Client(), editor)
    html = client.get(meeting_path(world.held)).content.decode()
    assert CONFIDENTIAL_ITEM in html and SECRET_ITEM not in html
    # Editors also see the meeting that is not convened yet.
    assert client.get(meeting_path(world.unpublished)).status_code == 200


def test_single_meeting_calendar_file(client: Client, world: PortalWorld) -> None:
    response = client.get(f"{meeting_path(world.upcoming)}vergadering.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["METHOD"]) == "PUBLISH"
    event = calendar.walk("VEVENT")[0]
    assert str(event["URL"]).endswith(meeting_path(world.upcoming))
    assert b"meet.example.org" not in response.content


def test_body_page_lists_upcoming_and_recent_meetings_and_its_calendar(
    client: Client, world: PortalWorld
) -> None:
    html = _html(client, f"/{world.slug}/organen/{world.region.bo.slug}/")
    upcoming, recent = html.index("Komende vergaderingen"), html.index("Recente vergaderingen")
    assert upcoming < html.index(meeting_path(world.upcoming)) < recent < html.index(meeting_path(world.held))
    assert meeting_path(world.unpublished) not in html
    calendar = f"/{world.slug}/organen/{world.region.bo.slug}/vergaderingen.ics"
    assert '<link rel="alternate" type="text/calendar" title="Vergaderingen van' in html
    assert f'href="{calendar}"' in html
    assert "webcal://" in html


def test_meeting_times_are_in_the_cooperations_zone(client: Client, world: PortalWorld) -> None:
    cooperation = world.region.cooperation
    cooperation.time_zone = "America/New_York"  # far enough from Amsterdam to show in the hour
    cooperation.save()
    meeting = Meeting.objects.select_related("cooperation", "body__topic").get(pk=world.held.pk)
    html = _html(client, meeting_path(meeting))
    local = meeting.start.astimezone(zoneinfo.ZoneInfo("America/New_York"))
    assert f'<time datetime="{local.isoformat()}">' in html
    assert f", {local:%H:%M}</time>" in html


def test_agenda_item_links_are_anchors_on_the_meeting_page(world: PortalWorld) -> None:
    assert agenda_item_path(world.public_item) == f"{meeting_path(world.held)}#punt-{world.public_item.pk}"


def test_year_list_selector_applies_the_rules(world: PortalWorld) -> None:
    year = _year(world, world.unpublished)
    anonymous = meeting_year_list(cooperation=world.region.cooperation, viewer=viewer_for(None), year=year)
    assert world.unpublished not in anonymous
