from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from naober.registry.models import Participation
from tests.factories import MunicipalityFactory, ParticipationFactory
from tests.portal.conftest import Region, build_region

pytestmark = pytest.mark.django_db


def test_home_lists_cooperations_with_members_and_population(client: Client, region: Region) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert region.cooperation.name in html
    assert reverse("portal:cooperation", args=[region.cooperation.slug]) in html
    assert "3 deelnemende gemeenten" in html
    # 10000 + 10001 + 10002 with the Dutch thousands separator
    assert "30.003 inwoners" in html


def test_home_is_dutch_by_default_and_english_on_request(client: Client, region: Region) -> None:
    assert 'lang="nl"' in client.get("/").content.decode()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert 'lang="en"' in html
    assert "3 member municipalities" in html
    assert "30,003 inhabitants" in html


def test_cooperation_page_shows_members_population_total_and_partial_participation(
    client: Client, region: Region
) -> None:
    response = client.get(reverse("portal:cooperation", args=[region.cooperation.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        html.count(
            '<th class="utrecht-table__header-cell" scope="row"><a class="utrecht-link" href="/gemeenten/'
        )
        == 3
    )
    assert re.search(r'total-population">30\.003<', html)
    assert "alleen: Wonen 0" in html  # the first member takes part in one topic only
    assert "Samenwerkende woningcorporaties" in html
    assert "c.</abbr>" in html  # approximate figures are labelled


def test_cooperation_page_uses_latest_population_on_or_before_today(client: Client, region: Region) -> None:
    municipality = region.cooperation.participations.filter(municipality__isnull=False).first().municipality
    future = timezone.localdate() + datetime.timedelta(days=400)
    municipality.population_figures.create(reference_date=future, count=99999, source="CBS")
    html = client.get(reverse("portal:cooperation", args=[region.cooperation.slug])).content.decode()
    assert "99.999" not in html


def test_former_members_are_not_counted_but_mentioned(client: Client, region: Region) -> None:
    former = MunicipalityFactory(name="Vertrokken")
    ParticipationFactory(
        cooperation=region.cooperation,
        municipality=former,
        joined_on=datetime.date(2005, 1, 1),
        left_on=datetime.date(2015, 1, 1),
    )
    html = client.get(reverse("portal:cooperation", args=[region.cooperation.slug])).content.decode()
    assert "Vertrokken (2005–2015)" in html
    assert html.count('scope="row"><a class="utrecht-link" href="/gemeenten/') == 3


def test_org_chart_links_every_body_and_shows_preparation(client: Client, region: Region) -> None:
    html = client.get(reverse("portal:cooperation", args=[region.cooperation.slug])).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    for slug in ("bora", "arg", "bo-0", "ao-0"):
        assert f'href="{reverse("portal:body", args=[region.cooperation.slug, slug])}"' in svg
    assert svg.count("marker-end=") == 2  # ARG → BORA and AO → BO


def test_org_chart_svg_download_is_standalone_svg(client: Client, region: Region) -> None:
    response = client.get(reverse("portal:org-chart", args=[region.cooperation.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert response.content.startswith(b'<svg xmlns="http://www.w3.org/2000/svg"')


def test_body_page_shows_composition_with_role_and_municipality(client: Client, region: Region) -> None:
    response = client.get(reverse("portal:body", args=[region.cooperation.slug, "bora"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Voorzitter") < html.index("Lid")  # chair first
    assert html.count('<tr class="utrecht-table__row">') == 4  # header + three members
    assert "Ambtelijke regiegroep" in html  # prepared by


def test_body_page_of_ao_links_to_the_bo_it_prepares(client: Client, region: Region) -> None:
    html = client.get(reverse("portal:body", args=[region.cooperation.slug, "ao-0"])).content.decode()
    assert f'href="{reverse("portal:body", args=[region.cooperation.slug, "bo-0"])}"' in html


@pytest.mark.parametrize("path", ["/bestaat-niet/", "/regio-test/organen/bestaat-niet/"])
def test_unknown_pages_answer_a_translated_404(client: Client, region: Region, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_pages_refuse_unsafe_methods(client: Client, region: Region) -> None:
    assert client.post("/").status_code == 405


def test_security_headers(client: Client, region: Region) -> None:
    response = client.get("/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def _queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(path).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("page", ["home", "cooperation", "bo", "board"])
def test_query_count_does_not_grow_with_data(client: Client, page: str) -> None:
    small = build_region(members=2, slug="klein", bos=1)
    large = build_region(members=12, slug="groot", bos=6)
    paths = {
        "home": ("/", "/"),
        "cooperation": (f"/{small.cooperation.slug}/", f"/{large.cooperation.slug}/"),
        "bo": (f"/klein/organen/{small.bo.slug}/", f"/groot/organen/{large.bo.slug}/"),
        "board": ("/klein/organen/bora/", "/groot/organen/bora/"),
    }[page]
    before = _queries(client, paths[0])
    for extra in range(5):  # more members in the small region for the home page comparison too
        ParticipationFactory(
            cooperation=small.cooperation,
            municipality=MunicipalityFactory(),
            role=Participation.Role.MEMBER,
            joined_on=datetime.date(2020, 1, extra + 1),
        )
    assert _queries(client, paths[1]) == before


def test_browser_language_does_not_override_dutch_default(client: Client, region: Region) -> None:
    response = client.get("/", headers={"accept-language": "en-US,en;q=0.9"})
    assert 'lang="nl"' in response.content.decode()
    assert response["Content-Language"] == "nl"
    client.cookies["django_language"] = "en"
    assert 'lang="en"' in client.get("/").content.decode()
    client.cookies["django_language"] = "xx"  # unknown choice falls back to Dutch
    assert 'lang="nl"' in client.get("/").content.decode()
