"""In real Chromium: a secretary plans a year, sees it as a calendar (body names on colours, closed days with
their reason), and the page passes axe."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from playwright.sync_api import Page, expect

from naober.accounts.models import CooperationRole
from naober.governance.models import BodyKind
from naober.planner.models import PlanningRule, PreparationRule
from tests.browser.conftest import AxeCheck, PageProblems
from tests.factories import (
    BodyFactory,
    CooperationFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
    second_factor_give,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"


def test_the_secretary_plans_the_year_and_sees_the_calendar(
    page: Page, page_problems: PageProblems, axe: AxeCheck
) -> None:
    cooperation = CooperationFactory(name="Regio Planland", slug="regio-planland")
    board = BodyFactory(
        cooperation=cooperation, name="Regiobestuur", slug="bestuur", kind=BodyKind.GENERAL_BOARD
    )
    prep = BodyFactory(
        cooperation=cooperation,
        name="Ambtelijk vooroverleg",
        slug="vooroverleg",
        kind=BodyKind.CIVIL_SERVANTS_MEETING,
        prepares=board,
    )
    person = PersonFactory(given_name="Anna", family_name="Bos")
    for body in (board, prep):
        MembershipFactory(body=body, person=person, start_date=datetime.date(2020, 1, 1))
    PlanningRule.objects.create(
        body=board, meetings_min=3, meetings_max=4, slots="19:30-21:30", min_gap_days=42
    )
    PlanningRule.objects.create(body=prep, meetings_min=0, meetings_max=0, slots="09:00-11:00")
    PreparationRule.objects.create(body=prep, min_days=14, max_days=28)
    user = UserFactory(username="planner", password=PASSWORD)
    CooperationRole.objects.create(user=user, cooperation=cooperation, role=CooperationRole.Role.EDITOR)
    second_factor_give(user, recovery_codes=("0000000001",))
    year = timezone.localdate().year + 1

    page.goto("/aanmelden/?next=/secretariaat/regio-planland/planning/")
    page.get_by_label("Gebruikersnaam").fill("planner")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_label("Code").fill(StaticToken.objects.get(device__user=user).token)
    page.get_by_role("button", name="Controleren").click()
    # (Selectors by structure: the page's Dutch texts arrive when the lead compiles the translations.)
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"{year} — Regio Planland")

    page.locator(f"form[action='/secretariaat/regio-planland/planning/{year}/'] button").click()
    expect(page.locator(".planner-ok")).to_be_visible(timeout=30_000)
    expect(page.locator("table.planner-month")).to_have_count(12)
    expect(page.locator("li.chip", has_text="Regiobestuur").first).to_be_visible()
    expect(page.locator("td.closed .closed-reason").first).to_be_visible()
    axe(page)
    assert page_problems.all() == []
