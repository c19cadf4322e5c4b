"""The results page /zoeken/ and the search form partial."""

from __future__ import annotations

import re
import shutil

import pytest
from django.template.loader import render_to_string
from django.test import Client

from naober.meetings.models import AgendaItem
from naober.search.backend import get_backend
from naober.search.indexing import rebuild
from tests.factories import verified_login
from tests.search.conftest import World, add_item

pytestmark = pytest.mark.urls("tests.search.urls")


def page(client: Client, **params: str) -> str:
    response = client.get("/zoeken/", params)
    assert response.status_code == 200
    return response.content.decode()


def results_text(html: str) -> str:
    """The text of the results part of the page (not the echoed query), without tags."""
    part = html.split('id="search-results"', 1)[1]
    return re.sub(r"<[^>]+>", "", part)


def test_the_form_partial_is_an_accessible_get_search_form() -> None:
    html = render_to_string("search/partials/form.html", {"search_q": 'wo"ning'})
    assert re.search(r'<form[^>]*role="search"[^>]*method="get"[^>]*action="/zoeken/"', html)
    label = re.search(r'<label[^>]*for="([^"]+)"', html)
    assert label is not None
    assert f'id="{label.group(1)}"' in html
    assert 'name="q"' in html
    assert 'value="wo&quot;ning"' in html


def test_results_with_snippets_facets_and_sorting(world: World, client: Client) -> None:
    html = page(client, q="woningen")
    assert "<mark>woningen</mark>" in html or "<mark>Woningen</mark>" in html
    assert 'role="search"' in html
    assert 'name="robots" content="noindex"' in html
    assert "?q=woningen&amp;kind=document" in html  # a facet link keeps the query
    assert "sort=newest" in html
    assert "Regio Amersfoort" in html  # cooperation names, not slugs
    filtered = page(client, q="woningen", kind="document")
    assert "Voorstel woningbouw" in results_text(filtered)
    assert "Regionaal woningbouwprogramma" not in results_text(filtered)
    assert "Filter weghalen" in filtered  # Dutch by default


def test_closed_content_appears_only_for_those_allowed(world: World, client: Client) -> None:
    for marker in ("zwaluwstaart", "kwartelkoning", "ijsvogelnest", "boomvalk"):
        assert marker not in results_text(page(client, q="regio"))
        assert marker not in results_text(page(client, q=marker))
    verified_login(client, world.users["member"])
    assert "zwaluwstaart" in results_text(page(client, q="regio"))
    assert "kwartelkoning" not in results_text(page(client, q="kwartelkoning"))


def test_odd_input_never_breaks_the_page(world: World, client: Client) -> None:
    for q in ['"((woning', "*", "-", "title:x", "a" * 2000, "<script>alert(1)</script>"]:
        html = page(client, q=q, page="abc", year="twee", body="-1", kind="x", sort="nope")
        assert "<script>alert(1)</script>" not in html


def test_pages_of_results(world: World, client: Client) -> None:
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=world.convened, title=f"Laadpaal {number}", position=100 + number)
        for number in range(45)
    )
    rebuild()
    html = page(client, q="laadpaal")
    assert "45" in html
    assert 'rel="next"' in html
    assert 'aria-current="page">1<' in html
    third = page(client, q="laadpaal", page="3")
    assert third.count('class="search-hit"') == 5
    assert 'rel="prev"' in third


def test_the_page_needs_few_queries(
    world: World, client: Client, django_assert_max_num_queries: object
) -> None:
    for number in range(30):
        add_item(world.convened, f"Fietspad {number}", "Een fietspad in de regio.")
    rebuild()
    with django_assert_max_num_queries(6):
        page(client, q="fietspad")


def test_no_query_shows_just_the_form(world: World, client: Client) -> None:
    html = page(client)
    assert 'role="search"' in html
    assert 'class="search-hit"' not in html


def test_htmx_gets_the_results_only(world: World, client: Client) -> None:
    response = client.get("/zoeken/", {"q": "woningen"}, HTTP_HX_REQUEST="true")
    assert "<html" not in response.content.decode()
    assert 'class="search-hit"' in response.content.decode()


def test_an_unavailable_index_shows_a_message(world: World, client: Client, settings: object) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    shutil.rmtree(get_backend().directory.root)
    html = page(client, q="woningen")
    assert 'role="status"' in html
    assert 'class="search-hit"' not in html
