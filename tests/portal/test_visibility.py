"""What a visitor may not see is nowhere on the portal: not in pages, titles, breadcrumbs, counts, feeds,
the sitemap or error pages. A member sees the confidential items of their body on the same pages."""

from __future__ import annotations

import pytest
from django.test import Client

from naober.meetings.calendar import meeting_local_start
from naober.portal.links import dossier_path, meeting_path
from tests.portal.world import (
    CONFIDENTIAL_DOCUMENT,
    CONFIDENTIAL_DOSSIER,
    CONFIDENTIAL_ITEM,
    HIDDEN_TITLES,
    SECRET_DOCUMENT,
    SECRET_ITEM,
    PortalWorld,
)

pytestmark = pytest.mark.django_db


def _paths(world: PortalWorld) -> list[str]:
    slug, year = world.slug, meeting_local_start(world.held).year
    bodies = [world.region.bo.slug, world.region.board.slug, world.region.ao.slug]
    return [
        "/",
        "/sitemap.xml",
        f"/{slug}/",
        f"/{slug}/vergaderingen/{year}/",
        f"/{slug}/vergaderingen/{year}/?weergave=kalender",
        f"/{slug}/vergaderingen/{meeting_local_start(world.unpublished).year}/",
        meeting_path(world.held),
        f"{meeting_path(world.held)}vergadering.ics",
        meeting_path(world.cancelled),
        meeting_path(world.upcoming),
        f"/{slug}/besluiten/",
        f"/{slug}/besluiten/?uitkomst=rejected",
        f"/{slug}/dossiers/",
        dossier_path(world.dossier),
        f"/{slug}/documenten/",
        f"/{slug}/vergaderingen.ics",
        f"/{slug}/besluiten.atom",
        f"/{slug}/documenten.atom",
        *(f"/{slug}/organen/{body}/" for body in bodies),
        *(f"/{slug}/organen/{body}/vergaderingen.ics" for body in bodies),
        # not found, and saying nothing about it
        meeting_path(world.unpublished),
        dossier_path(world.confidential_dossier),
    ]


def test_a_visitor_never_meets_a_hidden_title(client: Client, world: PortalWorld) -> None:
    for path in _paths(world):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        text = response.content.decode()
        for title in HIDDEN_TITLES:
            assert title not in text, f"{title!r} on {path}"


def test_the_unpublished_meeting_is_a_plain_404(client: Client, world: PortalWorld) -> None:
    found, missing = client.get(meeting_path(world.unpublished)), client.get("/regio-test/dossiers/999999-x/")
    assert found.status_code == missing.status_code == 404
    assert found.content.decode().split("<main")[1] == missing.content.decode().split("<main")[1]


def test_a_member_sees_confidential_content_where_pages_list_it(world: PortalWorld) -> None:
    member = Client()
    member.force_login(world.member)
    expectations = {
        meeting_path(world.held): (CONFIDENTIAL_ITEM, CONFIDENTIAL_DOCUMENT, SECRET_ITEM, SECRET_DOCUMENT),
        f"/{world.slug}/besluiten/": (CONFIDENTIAL_ITEM, SECRET_ITEM),
        f"/{world.slug}/documenten/": (CONFIDENTIAL_DOCUMENT, SECRET_DOCUMENT),
        f"/{world.slug}/dossiers/": (CONFIDENTIAL_DOSSIER,),
        dossier_path(world.confidential_dossier): (CONFIDENTIAL_DOSSIER,),
    }
    for path, titles in expectations.items():
        html = member.get(path).content.decode()
        for title in titles:
            assert title in html, f"{title!r} not on {path}"


def test_feeds_stay_public_for_a_signed_in_member(world: PortalWorld) -> None:
    member = Client()
    member.force_login(world.member)
    for path in (
        f"/{world.slug}/besluiten.atom",
        f"/{world.slug}/documenten.atom",
        f"/{world.slug}/vergaderingen.ics",
    ):
        text = member.get(path).content.decode()
        for title in HIDDEN_TITLES:
            assert title not in text, f"{title!r} in {path}"
