"""The public pages in real Chromium: navigation, content, language switch, keyboard use and axe-core."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import pytest
from django.utils import translation
from django.utils.text import capfirst
from playwright.sync_api import Page, expect

from naober.governance.models import Body, BodyKind, Membership, MembershipRole
from naober.registry.models import Cooperation, Municipality
from tests.browser.conftest import AxeCheck, PageProblems
from tests.factories import (
    BodyFactory,
    CooperationFactory,
    MembershipFactory,
    MunicipalityFactory,
    ParticipationFactory,
    PersonFactory,
    PopulationFigureFactory,
    TopicFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

POPULATIONS = {"Amersfoort": 160_000, "Baarn": 25_000, "Bunschoten": 22_500}


@dataclass
class Region:
    cooperation: Cooperation
    municipalities: list[Municipality]
    bodies: list[Body]
    board: Body
    bo: Body
    ao: Body
    chair: Membership
    member: Membership

    @property
    def url(self) -> str:
        return f"/{self.cooperation.slug}/"

    def body_url(self, body: Body) -> str:
        return f"/{self.cooperation.slug}/organen/{body.slug}/"


@pytest.fixture
def region() -> Region:
    cooperation = CooperationFactory(name="Regio Eemland", slug="regio-eemland")
    municipalities = []
    for code, (name, count) in enumerate(POPULATIONS.items(), start=307):
        municipality = MunicipalityFactory(name=name, slug=name.lower(), code=f"GM{code:04d}")
        PopulationFigureFactory(
            municipality=municipality, reference_date=datetime.date(2023, 1, 1), count=1000
        )
        PopulationFigureFactory(
            municipality=municipality, reference_date=datetime.date(2024, 1, 1), count=count
        )
        ParticipationFactory(cooperation=cooperation, municipality=municipality)
        municipalities.append(municipality)
    housing = TopicFactory(cooperation=cooperation, name="Wonen", slug="wonen", is_theme=True)
    TopicFactory(cooperation=cooperation, name="Mobiliteit", slug="mobiliteit")
    board = BodyFactory(
        cooperation=cooperation, name="Regioraad", slug="regioraad", kind=BodyKind.GOVERNING_MEETING
    )
    bo = BodyFactory(
        cooperation=cooperation,
        name="Bestuurlijk overleg Wonen",
        short_name="BO",
        slug="bo-wonen",
        kind=BodyKind.PORTFOLIO_MEETING,
        topic=housing,
    )
    ao = BodyFactory(
        cooperation=cooperation,
        name="Ambtelijk overleg Wonen",
        short_name="AO",
        slug="ao-wonen",
        kind=BodyKind.CIVIL_SERVANTS_MEETING,
        topic=housing,
        prepares=bo,
    )
    chair = MembershipFactory(
        body=bo,
        person=PersonFactory(given_name="Anna", family_name="de Vries", function="wethouder Wonen"),
        role=MembershipRole.CHAIR,
        on_behalf_of_municipality=municipalities[0],
        portfolio=housing,
    )
    member = MembershipFactory(
        body=bo,
        person=PersonFactory(given_name="Bram", family_name="Jansen", function="wethouder"),
        role=MembershipRole.MEMBER,
        on_behalf_of_municipality=municipalities[1],
    )
    MembershipFactory(body=ao, person=PersonFactory(), on_behalf_of_municipality=municipalities[2])
    for municipality in municipalities:
        MembershipFactory(body=board, person=PersonFactory(), on_behalf_of_municipality=municipality)
    return Region(
        cooperation=cooperation,
        municipalities=municipalities,
        bodies=[board, bo, ao],
        board=board,
        bo=bo,
        ao=ao,
        chair=chair,
        member=member,
    )


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def test_home_lists_the_cooperation_and_links_to_it(page: Page, region: Region) -> None:
    page.goto("/")
    link = page.get_by_role("main").get_by_role("link", name=region.cooperation.name)
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(re.compile(re.escape(region.url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(region.cooperation.name)


def test_cooperation_page_shows_members_with_total_population(page: Page, region: Region) -> None:
    page.goto(region.url)
    table = page.get_by_role("table").filter(has_text=region.municipalities[0].name).first
    expect(table).to_be_visible()
    for municipality in region.municipalities:
        expect(table.get_by_role("rowheader", name=municipality.name, exact=True)).to_be_visible()
    total = table.locator("tfoot tr")
    expect(total).to_have_count(1)
    assert _digits(total.inner_text()) == str(sum(POPULATIONS.values())), total.inner_text()


def test_cooperation_org_chart_links_each_body_to_its_page(page: Page, region: Region) -> None:
    page.goto(region.url)
    chart = page.locator("main svg")
    expect(chart).to_have_count(1)
    expect(chart).to_be_visible()
    for body in region.bodies:
        box = chart.locator(f'a[href="{region.body_url(body)}"]')
        expect(box).to_have_count(1)
        expect(box).to_be_visible()
    chart.locator(f'a[href="{region.body_url(region.ao)}"]').click()
    expect(page).to_have_url(re.compile(re.escape(region.body_url(region.ao)) + "$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(region.ao.display_name)


def test_body_page_shows_the_composition(page: Page, region: Region) -> None:
    page.goto(region.body_url(region.bo))
    expect(page.get_by_role("heading", level=1)).to_contain_text(region.bo.display_name)
    with translation.override("nl"):
        labels = {role: capfirst(str(role.label)) for role in (MembershipRole.CHAIR, MembershipRole.MEMBER)}
    for membership in (region.chair, region.member):
        row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=membership.person.name))
        expect(row).to_have_count(1)
        expect(row).to_contain_text(labels[MembershipRole(membership.role)])
        assert membership.on_behalf_of_municipality is not None
        expect(row).to_contain_text(membership.on_behalf_of_municipality.name)
    # The BO is prepared by the AO: the page says so and links to it.
    expect(page.get_by_role("main").get_by_role("link", name=region.ao.display_name)).to_have_attribute(
        "href", region.body_url(region.ao)
    )


def test_language_switch_goes_to_english_and_back(page: Page, region: Region) -> None:
    page.goto(region.url)
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(re.compile(re.escape(region.url) + "$"))  # stays on the same page
    expect(page.get_by_role("heading", name="Member municipalities")).to_be_visible()
    page.get_by_role("button", name="Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page).to_have_url(re.compile(re.escape(region.url) + "$"))


def test_tab_reaches_the_skip_link_first_and_it_moves_focus_to_main(page: Page, region: Region) -> None:
    page.goto(region.url)
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_attribute("href", "#main")
    expect(focused).to_be_visible()  # a skip link shows itself when focused
    page.keyboard.press("Enter")
    expect(page.locator(":focus")).to_have_attribute("id", "main")


@pytest.mark.parametrize("where", ["home", "cooperation", "body"])
def test_pages_have_no_accessibility_violations(
    page: Page, region: Region, axe: AxeCheck, where: str
) -> None:
    url = {"home": "/", "cooperation": region.url, "body": region.body_url(region.bo)}[where]
    page.goto(url)
    axe(page)


def test_pages_load_without_errors_and_with_the_design_system(
    page: Page, region: Region, page_problems: PageProblems
) -> None:
    """No console errors (CSP violations show up there), no failed or 4xx/5xx requests, styles applied."""
    for url in ("/", region.url, region.body_url(region.bo)):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        # The design tokens are custom properties on the `voorbeeld-theme` class: loaded and in effect?
        token = page.evaluate(
            "getComputedStyle(document.querySelector('.voorbeeld-theme'))"
            ".getPropertyValue('--basis-text-font-family-default')"
        )
        assert token.strip(), f"{url}: design tokens (vendor/nlds/tokens.css) not applied"
    assert page_problems.all() == []
