"""In real Chromium: follow a project from its goal to a decision and its dossier, check the indicator chart
and the milestone timeline render, and run axe-core on every new page type."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from naober.strategy import services
from naober.strategy.models import Event, Milestone
from tests.browser.conftest import AxeCheck, PageProblems
from tests.strategy.factories import agenda_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_goal_to_project_to_decision_with_chart_and_axe(
    page: Page, axe: AxeCheck, page_problems: PageProblems
) -> None:
    agenda = agenda_make()
    today = timezone.localdate()
    services.milestone_save(
        milestone=Milestone(project=agenda.project, title="Afsprakenkader", due_on=today, reached_on=today),
        by=None,
    )
    services.milestone_save(
        milestone=Milestone(
            project=agenda.project,
            title="Evaluatie",
            due_on=agenda.programme.end_date - datetime.timedelta(days=5),
        ),
        by=None,
    )
    event = services.event_save(
        event=Event(cooperation=agenda.cooperation, programme=agenda.programme, kind="regional-day",
                    title="Regiodag", date=today, report="Een goed gesprek."),
        by=None,
    )  # fmt: skip

    page.goto(f"/{agenda.cooperation.slug}/")
    page.get_by_role("navigation", name=re.compile(agenda.cooperation.name)).get_by_role(
        "link", name=re.compile("Strategische agenda|Strategic agenda")
    ).click()
    axe(page)
    page.get_by_role("link", name=agenda.programme.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(agenda.programme.title)
    axe(page)

    page.get_by_role("link", name=re.compile(r"1\. Betaalbaar wonen")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Betaalbaar wonen")
    axe(page)
    page.get_by_role("link", name="Regionale woondeal uitvoeren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Regionale woondeal uitvoeren")

    chart = page.locator("figure.indicator-chart svg[role=img]")
    expect(chart).to_have_count(1)
    expect(chart.locator("rect")).to_have_count(3)
    expect(chart.locator("circle.chart-point")).to_have_count(3)
    expect(chart.locator("text.chart-value")).to_have_count(3)
    expect(chart.locator(".chart-target text")).to_contain_text("500")
    box = chart.locator("rect").first.bounding_box()
    assert box is not None and box["height"] > 0 and box["width"] > 0
    expect(page.locator("figure.indicator-chart table td").first).to_be_visible()
    expect(page.locator(".timeline__step")).to_have_count(2)
    expect(page.locator(".timeline__step--reached .timeline__state")).to_be_visible()
    axe(page)

    project_url = page.url
    page.get_by_role("link", name=re.compile("Woondeal vaststellen")).click()
    expect(page).to_have_url(re.compile(rf"#punt-{agenda.decision.pk}$"))
    expect(page.locator(f"#punt-{agenda.decision.pk}")).to_contain_text("Woondeal vaststellen")

    page.goto(project_url)
    page.get_by_role("link", name=re.compile("Regionale woondeal$")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Regionale woondeal")
    expect(page.locator(".serves")).to_contain_text("Regionale woondeal uitvoeren")
    assert "zqgeheim" not in page.content()

    page.goto(f"/{agenda.cooperation.slug}/strategische-agenda/evenementen/")
    axe(page)
    page.get_by_role("link", name="Regiodag").click()
    expect(page).to_have_url(re.compile(rf"/evenementen/{event.pk}/$"))
    axe(page)
    assert page_problems.all() == []


def test_editor_records_a_value_in_the_secretariat_with_axe(page: Page, axe: AxeCheck) -> None:
    from django_otp.plugins.otp_static.models import StaticToken

    from tests.factories import second_factor_give

    agenda = agenda_make()
    agenda.editor.set_password("geheim-wachtwoord-42")
    agenda.editor.save()
    second_factor_give(agenda.editor, recovery_codes=("1234567890",))
    page.goto("/aanmelden/?next=/secretariaat/")
    page.get_by_label("Gebruikersnaam").fill(agenda.editor.username)
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord-42")
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_label("Code").fill(StaticToken.objects.values_list("token", flat=True)[0])
    page.get_by_role("button", name="Controleren").click()

    page.goto(f"/secretariaat/{agenda.cooperation.slug}/")
    page.get_by_role("link", name=re.compile("Strategische agenda|Strategic agenda")).click()
    axe(page)
    page.get_by_role("link", name=agenda.programme.title).click()
    axe(page)
    page.get_by_role("link", name="Regionale woondeal uitvoeren").click()
    axe(page)
    form = page.locator("form#measurement")
    form.get_by_label(re.compile("Indicator")).select_option(label="Woningen gebouwd")
    form.get_by_label(re.compile("Gemeten op|Measured on")).fill(timezone.localdate().isoformat())
    form.get_by_label(re.compile("Waarde|Value")).fill("410")
    form.get_by_role("button").click()
    expect(page.locator(".messages")).to_be_visible()
    page.goto(agenda.url(agenda.project))
    expect(page.locator("figure.indicator-chart text.chart-value")).to_have_count(4)
    expect(page.locator("figure.indicator-chart table")).to_contain_text("410")
