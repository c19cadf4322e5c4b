"""In real Chromium: a council clerk of Doetinchem opens the municipality's statement of contributions — the
chart's bars carry text labels, the page passes axe, and the CSV and XLSX downloads work."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from naober.access.models import MunicipalityRole
from tests.browser.conftest import AxeCheck, PageProblems
from tests.factories import MunicipalityFactory, ParticipationFactory, PopulationFigureFactory, UserFactory
from tests.finance.factories import published_budget, region

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"


def test_the_clerk_sees_the_statement_with_chart_and_downloads(
    page: Page, page_problems: PageProblems, axe: AxeCheck
) -> None:
    achterhoek = region(slug="regio-achterhoek")
    twente = region(slug="regio-twente")
    doetinchem = MunicipalityFactory(name="Doetinchem", slug="doetinchem", code="GM0222")
    PopulationFigureFactory(municipality=doetinchem, reference_date=datetime.date(2024, 1, 1), count=59500)
    for world in (achterhoek, twente):
        ParticipationFactory(
            cooperation=world.cooperation, municipality=doetinchem, joined_on=datetime.date(2010, 1, 1)
        )
    year = timezone.localdate().year  # the page's default year
    for world in (achterhoek, twente):
        published_budget(world, year=year - 1, amount="90000.00")
        published_budget(world, year=year, amount="100000.00")
    clerk = UserFactory(username="griffier-doetinchem", password=PASSWORD)
    MunicipalityRole.objects.create(user=clerk, municipality=doetinchem, role=MunicipalityRole.Role.CLERK)

    page.goto("/aanmelden/?next=/gemeenten/doetinchem/bijdragen/")
    page.get_by_label("Gebruikersnaam").fill("griffier-doetinchem")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Doetinchem")

    chart = page.locator("svg.contribution-chart")
    expect(chart).to_be_visible()
    expect(chart.locator("rect.chart-bar")).to_have_count(4)
    assert chart.locator("text.chart-group").all_text_contents() == ["Regio Achterhoek", "Regio Twente"]
    assert chart.locator("text.chart-label").all_text_contents() == ["Algemeen", "Algemeen"]
    values = " ".join(chart.locator("text.chart-value").all_text_contents())
    assert str(year) in values and "€" in values
    expect(page.locator("table.utrecht-table")).to_have_count(2)
    axe(page)

    with page.expect_download() as csv_download:
        page.locator("a[href*='bijdragen.csv']").click()
    content = Path(csv_download.value.path()).read_text(encoding="utf-8-sig")
    assert "Regio Achterhoek" in content and "Regio Twente" in content
    with page.expect_download() as xlsx_download:
        page.locator("a[href*='bijdragen.xlsx']").click()
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(Path(xlsx_download.value.path()).read_bytes())).active
    assert sheet.max_row == 4  # header, two lines, total
    assert page_problems.all() == []


def test_budget_pages_pass_axe(page: Page, page_problems: PageProblems, axe: AxeCheck) -> None:
    from django_otp.plugins.otp_static.models import StaticToken

    from naober.accounts.models import CooperationRole
    from naober.finance.services import cycle_generate
    from tests.factories import second_factor_give

    world = region(slug="regio-achterhoek")
    budget = published_budget(world, year=2026)
    published_budget(world, year=2025, amount="900.00")
    cycle_generate(cooperation=world.cooperation, budget_year=2027, by=None)
    editor = UserFactory(username="redacteur", password=PASSWORD)
    CooperationRole.objects.create(
        user=editor, cooperation=world.cooperation, role=CooperationRole.Role.EDITOR
    )
    second_factor_give(editor, recovery_codes=("3000000001",))
    page.goto("/aanmelden/?next=/secretariaat/")
    page.get_by_label("Gebruikersnaam").fill("redacteur")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    code = StaticToken.objects.filter(device__user=editor).values_list("token", flat=True)[0]
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_role("heading", level=1, name="Secretariaat")).to_be_visible()
    slug = world.cooperation.slug
    for path in (
        f"/secretariaat/{slug}/begrotingen/",
        f"/secretariaat/{slug}/begrotingen/{budget.pk}/",
        f"/secretariaat/{slug}/begrotingen/{budget.pk}/regels/{budget.lines.get().pk}/",
        f"/secretariaat/{slug}/begrotingscyclus/",
        f"/financien/{slug}/",
        f"/financien/{slug}/2026/",
    ):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        axe(page, context=None)
    assert page_problems.all() == []
