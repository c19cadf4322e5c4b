"""Services: budgets, lines and keys, versions; bad input refused whole, every write audited."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from naober.core.models import AuditEntry
from naober.finance.contributions import budget_compute
from naober.finance.models import Budget, BudgetLine, BudgetStatus, CostKeyShare
from naober.finance.services import (
    LineInput,
    budget_adopt,
    budget_change_create,
    budget_create,
    budget_line_save,
    budget_send,
    budget_update,
)
from tests.factories import MunicipalityFactory, UserFactory
from tests.finance.factories import line, published_budget, region

pytestmark = pytest.mark.django_db


def test_a_line_is_shared_and_audited_with_the_cooperation() -> None:
    world = region()
    budget = budget_create(cooperation=world.cooperation, year=2026, by=None)
    saved = line(budget, amount="600.00", equal_fraction=Decimal("0.5"))
    result = budget_compute(budget)
    shares = result.lines[0].shares
    # 300 equally (100 each) + 300 by population (50, 100, 150); the topic-only member pays nothing here
    assert [shares[m.pk] for m in world.members] == [Decimal("150.00"), Decimal("200.00"), Decimal("250.00")]
    assert world.topic_only.pk not in shares
    entry = AuditEntry.objects.filter(object_type="finance.budgetline", object_id=str(saved.pk)).get()
    assert entry.cooperation_id == world.cooperation.pk


def test_a_topic_line_includes_the_members_taking_part_in_that_topic_only() -> None:
    world = region()
    budget = budget_create(cooperation=world.cooperation, year=2026, by=None)
    line(
        budget,
        name="Woondeal",
        amount=None,
        key_kind="per-inhabitant",
        per_inhabitant=Decimal(2),
        topic=world.topic,
    )
    shares = budget_compute(budget).lines[0].shares
    assert shares[world.topic_only.pk] == Decimal("10000.00")
    assert sum(shares.values()) == Decimal(2 * 65000)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"amount": Decimal("-1.00")}, "Line “Lijn”: the amount may not be negative."),
        (
            {"key_kind": "percentages", "percentages": "half"},
            "Line “Lijn”: the percentages add up to 50 %, not to 100 %.",
        ),
        (
            {"key_kind": "participants", "participants": "outsider"},
            "Buiten is not a member of this cooperation",
        ),
        ({"key_kind": "service-fee", "host": "outsider"}, "Buiten is not a member of this cooperation"),
    ],
)
def test_bad_input_is_refused_naming_member_and_line_and_nothing_is_written(changes, message) -> None:
    world = region()
    outsider = MunicipalityFactory(name="Buiten")
    budget = budget_create(cooperation=world.cooperation, year=2026, by=None)
    if changes.get("percentages") == "half":
        changes["percentages"] = {world.members[0]: Decimal(50)}
    if changes.get("participants") == "outsider":
        changes["participants"] = [world.members[0], outsider]
    if changes.get("host") == "outsider":
        changes["host"] = outsider
    data = LineInput(
        name="Lijn", key_kind=changes.pop("key_kind", "equal-and-population"), amount=Decimal(100)
    )
    for name, value in changes.items():
        setattr(data, name, value)
    with pytest.raises(ValidationError) as error:
        budget_line_save(budget=budget, data=data, by=None)
    assert message in " ".join(error.value.messages)
    assert not BudgetLine.objects.exists()
    assert not CostKeyShare.objects.exists()


def test_a_missing_population_figure_is_refused_naming_the_member() -> None:
    world = region()
    budget = budget_create(
        cooperation=world.cooperation, year=2024, population_reference_date=datetime.date(2023, 1, 1), by=None
    )
    with pytest.raises(ValidationError) as error:
        line(budget, name="Lijn")
    assert f"Line “Lijn”: no population figure for {world.members[0].name} at the reference date." in str(
        error.value
    )


def test_changing_the_reference_date_to_one_without_figures_is_refused() -> None:
    world = region()
    budget = budget_create(cooperation=world.cooperation, year=2026, by=None)
    line(budget, name="Lijn")
    with pytest.raises(ValidationError):
        budget_update(
            budget=budget,
            by=None,
            title="",
            population_reference_date=datetime.date(2020, 1, 1),
            board_treats_on=None,
            note="",
        )
    budget.refresh_from_db()
    assert budget.population_reference_date is None


def test_a_percentage_table_must_add_up_to_exactly_100() -> None:
    world = region()
    budget = budget_create(cooperation=world.cooperation, year=2026, by=None)
    table = {
        world.members[0]: Decimal("18.3"),
        world.members[1]: Decimal("4.3"),
        world.members[2]: Decimal("77.4"),
    }
    line(budget, name="Jeugdzorg", amount="1000000.00", key_kind="percentages", percentages=table)
    shares = budget_compute(budget).lines[0].shares
    assert shares[world.members[0].pk] == Decimal("183000.00")
    table[world.members[2]] = Decimal("77.3")
    with pytest.raises(ValidationError, match="99.9"):
        line(budget, name="Jeugdzorg 2", amount="1000.00", key_kind="percentages", percentages=table)


def test_sending_publishes_opens_a_round_and_adopting_amends_the_previous_version() -> None:
    from naober.councils.models import ConsultationRound

    world = region()
    budget = budget_create(cooperation=world.cooperation, year=2026, by=None)
    line(budget, amount="900.00")
    budget_send(budget=budget, sent_on=datetime.date(2025, 4, 1), by=None)
    budget.refresh_from_db()
    assert budget.status == BudgetStatus.SENT and budget.dossier is not None
    consultation = ConsultationRound.objects.get(dossier=budget.dossier)
    assert consultation.deadline == datetime.date(2025, 4, 1) + datetime.timedelta(weeks=12)
    with pytest.raises(ValidationError):
        budget_line_save(
            budget=budget,
            data=LineInput(name="Laat", key_kind="equal-and-population", amount=Decimal(1)),
            by=None,
        )
    budget_adopt(budget=budget, adopted_on=datetime.date(2025, 7, 1), by=None)
    change = budget_change_create(budget=budget, by=None)
    assert change.version == 2 and change.lines.count() == 1
    changed_line = change.lines.get()
    budget_line_save(
        budget=change,
        line=changed_line,
        data=LineInput(name="Algemeen", key_kind="equal-and-population", amount=Decimal(1200)),
        by=None,
    )
    with pytest.raises(ValidationError, match="Send the draft to the councils first"):
        budget_adopt(budget=change, adopted_on=datetime.date(2026, 3, 1), by=None)
    budget_send(budget=change, sent_on=datetime.date(2026, 1, 10), by=None)
    budget_adopt(budget=change, adopted_on=datetime.date(2026, 4, 1), by=None)
    budget.refresh_from_db()
    assert budget.status == BudgetStatus.AMENDED
    assert Budget.objects.get(pk=change.pk).status == BudgetStatus.ADOPTED


def test_a_change_without_effect_on_contributions_may_be_adopted_without_the_procedure() -> None:
    world = region()
    budget = published_budget(world)
    change = budget_change_create(budget=budget, by=None)
    budget_adopt(budget=change, adopted_on=datetime.date(2026, 2, 1), by=None)
    assert Budget.objects.get(pk=change.pk).status == BudgetStatus.ADOPTED


def test_only_editors_of_the_cooperation_write() -> None:
    world = region()
    with pytest.raises(PermissionDenied):
        budget_create(cooperation=world.cooperation, year=2026, by=UserFactory())
    assert not Budget.objects.exists()


def test_one_budget_per_year_changes_go_through_versions() -> None:
    world = region()
    budget_create(cooperation=world.cooperation, year=2026, by=None)
    with pytest.raises(ValidationError, match="already has a budget"):
        budget_create(cooperation=world.cooperation, year=2026, by=None)
