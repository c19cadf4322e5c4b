"""The decision list, the dossiers and the documents of a cooperation: filters, pages, links, visibility."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from naober.meetings.calendar import meeting_local_start
from naober.portal.links import agenda_item_path, dossier_path, meeting_path
from tests.portal.world import (
    CONFIDENTIAL_DOCUMENT,
    CONFIDENTIAL_DOSSIER,
    CONFIDENTIAL_ITEM,
    PUBLIC_DOCUMENT,
    PUBLIC_DOSSIER,
    PUBLIC_ITEM,
    SECRET_ITEM,
    PortalWorld,
    build_portal_world,
)

pytestmark = pytest.mark.django_db


def _html(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_decision_list_links_each_decision_to_its_item_meeting_and_dossier(
    client: Client, world: PortalWorld
) -> None:
    html = _html(client, f"/{world.slug}/besluiten/")
    assert PUBLIC_ITEM in html and "Besluit: Regionale woondeal." in html
    assert f'href="{agenda_item_path(world.public_item)}"' in html
    assert f'href="{meeting_path(world.held)}"' in html
    assert f'href="{dossier_path(world.dossier)}"' in html
    assert CONFIDENTIAL_ITEM not in html and SECRET_ITEM not in html
    assert "1 besluit" in html


def test_decision_list_filters(client: Client, world: PortalWorld) -> None:
    base = f"/{world.slug}/besluiten/"
    day = meeting_local_start(world.held).date()
    assert PUBLIC_ITEM in _html(client, f"{base}?uitkomst=adopted")
    assert PUBLIC_ITEM not in _html(client, f"{base}?uitkomst=rejected")
    assert PUBLIC_ITEM in _html(client, f"{base}?orgaan={world.region.bo.slug}")
    assert PUBLIC_ITEM not in _html(client, f"{base}?orgaan=bora")
    topic = world.region.bo.topic
    assert topic is not None
    assert PUBLIC_ITEM in _html(client, f"{base}?onderwerp={topic.slug}")
    assert PUBLIC_ITEM in _html(client, f"{base}?van={day:%Y-%m-%d}&tot={day:%Y-%m-%d}")
    later = day + datetime.timedelta(days=1)
    assert PUBLIC_ITEM not in _html(client, f"{base}?van={later:%Y-%m-%d}")
    assert PUBLIC_ITEM not in _html(client, f"{base}?tot={day - datetime.timedelta(days=1):%Y-%m-%d}")
    assert "field--invalid" in _html(client, f"{base}?van=gisteren")


def test_a_member_finds_the_confidential_decision_of_their_body(world: PortalWorld) -> None:
    member = Client()
    member.force_login(world.member)
    html = _html(member, f"/{world.slug}/besluiten/?uitkomst=rejected")
    assert CONFIDENTIAL_ITEM in html
    assert f'href="{dossier_path(world.confidential_dossier)}"' in html


def test_decision_list_pages_and_keeps_the_filters(client: Client, db: None) -> None:
    world = build_portal_world(slug="groot", extra_meetings=13)  # 1 + 26 public decisions
    html = _html(client, "/groot/besluiten/?uitkomst=adopted")
    assert "27 besluiten" in html
    assert 'href="?uitkomst=adopted&amp;pagina=2" rel="next"' in html
    second = _html(client, "/groot/besluiten/?uitkomst=adopted&pagina=2")
    assert second.count('class="decision-card"') == 2
    assert 'aria-current="page"><span class="visually-hidden">Pagina </span>2</a>' in second
    assert _html(client, "/groot/besluiten/?pagina=999").count('class="decision-card"') == 2  # last page
    assert world.slug == "groot"


def test_dossier_list_and_page_with_its_route(client: Client, world: PortalWorld) -> None:
    listing = _html(client, f"/{world.slug}/dossiers/")
    assert PUBLIC_DOSSIER in listing and f'href="{dossier_path(world.dossier)}"' in listing
    assert CONFIDENTIAL_DOSSIER not in listing
    html = _html(client, dossier_path(world.dossier))
    assert f'<h1 class="utrecht-heading-1">{PUBLIC_DOSSIER}</h1>' in html
    start = html.index('<ol class="route')
    route = html[start : html.index("</ol>", start)]
    steps = route.split('<li class="route__step')[1:]
    assert [world.region.ao.display_name in steps[0], world.region.bo.display_name in steps[1]] == [
        True,
        True,
    ]
    assert "Voorbereiden" in steps[0] and "nog niet ingepland" in steps[0]  # planned, no meeting chosen
    assert f'href="{agenda_item_path(world.public_item)}"' in steps[1] and "Vastgesteld" in steps[1]
    assert "route__step--done" in html and "route__step--planned" in html
    assert "Bijlage bij het dossier" in html and PUBLIC_DOCUMENT in html
    assert CONFIDENTIAL_DOCUMENT not in html


def test_dossier_addresses_redirect_and_invisible_dossiers_are_not_found(
    client: Client, world: PortalWorld
) -> None:
    for old in (
        f"/{world.slug}/dossiers/{world.dossier.pk}/",
        f"/{world.slug}/dossiers/{world.dossier.pk}-oud/",
    ):
        response = client.get(old)
        assert response.status_code == 301 and response["Location"] == dossier_path(world.dossier)
    for path in (
        dossier_path(world.confidential_dossier),
        f"/{world.slug}/dossiers/{world.confidential_dossier.pk}/",
    ):
        response = client.get(path)
        assert response.status_code == 404
        assert CONFIDENTIAL_DOSSIER not in response.content.decode()


def test_a_member_of_a_body_on_the_route_opens_the_confidential_dossier(world: PortalWorld) -> None:
    member = Client()
    member.force_login(world.member)
    html = _html(member, dossier_path(world.confidential_dossier))
    assert CONFIDENTIAL_DOSSIER in html and CONFIDENTIAL_ITEM not in html.split("<main")[0]
    assert "Verworpen" in html


def test_documents_page_lists_visible_documents_with_filters(client: Client, world: PortalWorld) -> None:
    html = _html(client, f"/{world.slug}/documenten/")
    assert PUBLIC_DOCUMENT in html and "Bijlage bij het dossier" in html
    assert CONFIDENTIAL_DOCUMENT not in html
    assert f'href="/documenten/{world.public_document.pk}/download/"' in html
    assert f'href="{meeting_path(world.held)}"' in html
    assert f'href="{dossier_path(world.dossier)}"' in html  # the dossier's own document
    annexes = _html(client, f"/{world.slug}/documenten/?soort=annex")
    assert "Bijlage bij het dossier" in annexes and PUBLIC_DOCUMENT not in annexes
    year = meeting_local_start(world.held).year
    assert PUBLIC_DOCUMENT in _html(client, f"/{world.slug}/documenten/?jaar={year}")
    assert "field--invalid" in _html(client, f"/{world.slug}/documenten/?jaar=1999")
    by_body = _html(client, f"/{world.slug}/documenten/?orgaan={world.region.bo.slug}")
    assert PUBLIC_DOCUMENT in by_body and "Bijlage bij het dossier" not in by_body


def test_a_member_sees_the_confidential_document_on_the_documents_page(world: PortalWorld) -> None:
    member = Client()
    member.force_login(world.member)
    assert CONFIDENTIAL_DOCUMENT in _html(member, f"/{world.slug}/documenten/")
