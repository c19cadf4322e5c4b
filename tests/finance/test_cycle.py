"""The budget cycle: milestones from configurable rules, the summer-recess warning, the pages."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from naober.finance.cycle import cycle_plan, recess_overlap_days
from naober.finance.models import CycleRules, Milestone, MilestoneKind
from naober.finance.services import cycle_generate, cycle_rules_save
from naober.registry.models import LegalForm
from tests.factories import UserFactory, verified_login
from tests.finance.factories import BudgetFactory, region


def test_the_default_cycle_follows_the_law() -> None:
    planned = {
        m.kind: m
        for m in cycle_plan(rules=CycleRules(), budget_year=2027, board_date=None, regions=["nl-midden"])
    }
    assert planned["kaders"].due_on == datetime.date(2026, 4, 30)
    assert planned["adoption"].due_on == datetime.date(2026, 7, 1)
    assert planned["draft-sent"].due_on == datetime.date(2026, 7, 1) - datetime.timedelta(weeks=12)
    assert planned["opinions-due"].due_on == datetime.date(2026, 7, 1)
    assert planned["province"].due_on == datetime.date(2026, 7, 15)
    assert planned["accounts"].due_on == datetime.date(2026, 7, 15)
    assert planned["opinions-due"].recess_overlap_days == 0  # Midden's summer holiday starts 18 July 2026


def test_an_opinion_window_in_the_summer_recess_is_flagged() -> None:
    board = datetime.date(2026, 9, 10)
    planned = {
        m.kind: m
        for m in cycle_plan(
            rules=CycleRules(), budget_year=2027, board_date=board, regions=["nl-noord", "nl-midden"]
        )
    }
    # Noord: 4 July – 16 August 2026, all 44 days inside the window of 18 June – 10 September
    assert planned["opinions-due"].recess_overlap_days == 44
    assert (
        recess_overlap_days(
            start=datetime.date(2026, 6, 1), end=datetime.date(2026, 6, 30), regions=["nl-zuid"]
        )
        == 0
    )


def test_a_board_date_after_the_province_deadline_is_flagged() -> None:
    planned = {
        m.kind: m
        for m in cycle_plan(
            rules=CycleRules(), budget_year=2027, board_date=datetime.date(2026, 10, 1), regions=[]
        )
    }
    assert planned["province"].after_deadline
    assert planned["province"].due_on == datetime.date(2026, 10, 1)


def test_the_summer_recess_table_is_configurable(settings) -> None:
    settings.NAOBER_SUMMER_RECESS = {"2027": {"nl-midden": ["2027-07-10", "2027-08-22"]}}
    days = recess_overlap_days(
        start=datetime.date(2027, 7, 1), end=datetime.date(2027, 7, 15), regions=["nl-midden"]
    )
    assert days == 6


@pytest.mark.django_db
def test_generating_is_idempotent_and_uses_the_rules() -> None:
    world = region()
    cycle_rules_save(cooperation=world.cooperation, values={"kaders_month": 3, "kaders_day": 31}, by=None)
    BudgetFactory(cooperation=world.cooperation, year=2028, board_treats_on=datetime.date(2027, 6, 24))
    first = cycle_generate(cooperation=world.cooperation, budget_year=2028, by=None)
    again = cycle_generate(cooperation=world.cooperation, budget_year=2028, by=None)
    assert [m.pk for m in first] == [m.pk for m in again]
    assert Milestone.objects.count() == 6
    assert Milestone.objects.get(kind=MilestoneKind.KADERS).due_on == datetime.date(2027, 3, 31)
    assert Milestone.objects.get(kind=MilestoneKind.ADOPTION).due_on == datetime.date(2027, 6, 24)


@pytest.mark.django_db
def test_no_legal_cycle_for_a_network() -> None:
    world = region(legal_form=LegalForm.NETWORK)
    with pytest.raises(ValidationError, match="no Wgr body"):
        cycle_generate(cooperation=world.cooperation, budget_year=2028, by=None)


@pytest.mark.django_db
def test_the_secretariat_generates_milestones_and_the_public_page_shows_them(client) -> None:
    from naober.accounts.models import CooperationRole

    world = region()
    editor = UserFactory()
    CooperationRole.objects.create(
        user=editor, cooperation=world.cooperation, role=CooperationRole.Role.EDITOR
    )
    verified_login(client, editor)
    url = reverse("finance:cycle", args=[world.cooperation.slug])
    assert client.get(url).status_code == 200
    response = client.post(url, {"generate": "1", "budget_year": "2028"})
    assert response.status_code == 302
    assert Milestone.objects.filter(cooperation=world.cooperation, budget_year=2028).count() == 6
    bad = client.post(url, {"save_rules": "1", "kaders_month": "13"})
    assert bad.status_code == 422
    client.logout()
    page = client.get(reverse("finance:budgets", args=[world.cooperation.slug]))
    assert '<time datetime="2027-04-30">' in page.content.decode()


@pytest.mark.django_db
def test_others_get_a_404_on_the_secretariat_pages(client) -> None:
    world = region()
    client.force_login(UserFactory())
    assert client.get(reverse("finance:cycle", args=[world.cooperation.slug])).status_code == 404
    assert client.get(reverse("finance:budget-list", args=[world.cooperation.slug])).status_code == 404


def test_an_unknown_year_falls_back_to_the_span_of_all_regions() -> None:
    from naober.finance.cycle import summer_recess

    # 2026 is in the table; the fallback rule gives the same outer span as its three regions together
    assert summer_recess(region="nl-midden", year=2031) == (
        datetime.date(2031, 7, 5),
        datetime.date(2031, 8, 31),
    )
    assert summer_recess(region="be-vl", year=2031) == (datetime.date(2031, 7, 1), datetime.date(2031, 8, 31))


@pytest.mark.django_db
def test_a_member_finds_the_milestones_of_its_cooperations(django_assert_num_queries) -> None:
    from naober.finance.selectors import milestones_for_municipality

    world = region()
    other = region(slug="regio-anders")
    cycle_generate(cooperation=world.cooperation, budget_year=2028, by=None)
    cycle_generate(cooperation=other.cooperation, budget_year=2028, by=None)
    with django_assert_num_queries(1):
        found = milestones_for_municipality(
            municipality=world.members[0], start=datetime.date(2027, 1, 1), end=datetime.date(2027, 12, 31)
        )
    assert len(found) == 6 and {m.cooperation_id for m in found} == {world.cooperation.pk}


@pytest.mark.django_db
def test_the_cycle_is_a_calendar_feed(client) -> None:
    from icalendar import Calendar

    world = region()
    cycle_generate(cooperation=world.cooperation, budget_year=2028, by=None)
    response = client.get(reverse("finance:cycle-calendar", args=[world.cooperation.slug]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 6
    assert {event.decoded("dtstart") for event in events} >= {datetime.date(2027, 4, 30)}
