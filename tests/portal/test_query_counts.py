"""No page's or feed's number of queries grows with the data: a small region against a large one (more
members, meetings, items, documents, decisions and attendance), for a visitor and for a signed-in member."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from naober.meetings.calendar import meeting_local_start
from naober.portal.links import dossier_path, meeting_path
from tests.portal.world import PortalWorld, build_portal_world

pytestmark = pytest.mark.django_db

PAGES: dict[str, Callable[[PortalWorld], str]] = {
    "year overview": lambda w: f"/{w.slug}/vergaderingen/{meeting_local_start(w.held).year}/",
    "year calendar": lambda w: (
        f"/{w.slug}/vergaderingen/{meeting_local_start(w.held).year}/?weergave=kalender"
    ),
    "year filtered": lambda w: (
        f"/{w.slug}/vergaderingen/{meeting_local_start(w.held).year}/?orgaan={w.region.bo.slug}&onderwerp=wonen-0"
    ),
    "meeting": lambda w: meeting_path(w.held),
    "meeting calendar file": lambda w: f"{meeting_path(w.held)}vergadering.ics",
    "decisions": lambda w: f"/{w.slug}/besluiten/",
    "decisions filtered": lambda w: (
        f"/{w.slug}/besluiten/?orgaan={w.region.bo.slug}&onderwerp=wonen-0&van=2000-01-01&uitkomst=adopted"
    ),
    "decisions page 2": lambda w: f"/{w.slug}/besluiten/?pagina=2",
    "dossiers": lambda w: f"/{w.slug}/dossiers/",
    "dossier": lambda w: dossier_path(w.dossier),
    "documents": lambda w: f"/{w.slug}/documenten/",
    "documents filtered": lambda w: f"/{w.slug}/documenten/?soort=proposal&orgaan={w.region.bo.slug}",
    "body": lambda w: f"/{w.slug}/organen/{w.region.bo.slug}/",
    "cooperation": lambda w: f"/{w.slug}/",
    "cooperation calendar": lambda w: f"/{w.slug}/vergaderingen.ics",
    "body calendar": lambda w: f"/{w.slug}/organen/{w.region.bo.slug}/vergaderingen.ics",
    "decision feed": lambda w: f"/{w.slug}/besluiten.atom",
    "document feed": lambda w: f"/{w.slug}/documenten.atom",
    "theme": lambda w: f"/{w.slug}/thema.css",
}


def _queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
        assert response.status_code == 200, path
    return len(context.captured_queries)


@pytest.mark.parametrize("reader", ["visitor", "member"])
def test_query_counts_do_not_grow_with_the_data(reader: str) -> None:
    """Every page type and feed at once: building the two regions is the slow part."""
    worlds = (
        build_portal_world(slug="klein", members=2),
        build_portal_world(slug="groot", members=8, extra_meetings=30, extra_items=12),
    )
    grown = []
    for page, path in PAGES.items():
        counts = []
        for world in worlds:
            client = Client()
            if reader == "member":
                client.force_login(world.member)
            _queries(client, path(world))  # warm up (session, content types)
            counts.append(_queries(client, path(world)))
        if counts[1] > counts[0]:
            grown.append(f"{page}: {counts[0]} queries small, {counts[1]} large")
    assert not grown, "\n".join(grown)


def test_sitemap_query_count_does_not_grow_with_the_data(client: Client) -> None:
    build_portal_world(slug="klein", members=2)
    before = _queries(client, "/sitemap.xml")
    build_portal_world(slug="groot", members=8, extra_meetings=30, extra_items=12)
    assert _queries(client, "/sitemap.xml") <= before
