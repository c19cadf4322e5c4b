"""The finance demo on the shipped demo regions: budgets for all four, Doetinchem's statement, the cycle."""

from __future__ import annotations

import datetime

import pytest

from naober.access.viewer import ANONYMOUS
from naober.core.models import AuditEntry
from naober.demo.loader import demo_load
from naober.finance import demo
from naober.finance.models import Budget, BudgetStatus, Milestone
from naober.finance.selectors import municipality_statement
from naober.registry.models import Municipality

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


def test_the_demo_loads_once_and_shows_doetinchem_its_contributions() -> None:
    demo_load()
    lines = demo.load(today=TODAY)
    assert "finance:" in lines[0]
    slugs = set(Budget.objects.values_list("cooperation__slug", flat=True))
    assert slugs == {"regio-achterhoek", "twente", "regio-amersfoort", "denderregio"}
    for slug in slugs:
        for year in (2025, 2026):
            assert Budget.objects.filter(
                cooperation__slug=slug, year=year, status=BudgetStatus.ADOPTED
            ).exists()
    next_year = Budget.objects.get(cooperation__slug="regio-achterhoek", year=2027)
    assert next_year.status == BudgetStatus.SENT and next_year.dossier is not None
    statement = municipality_statement(
        municipality=Municipality.objects.get(slug="doetinchem"), viewer=ANONYMOUS, year=2026
    )
    assert [part.cooperation.slug for part in statement.parts] == ["regio-achterhoek"]
    part = statement.parts[0]
    assert len(part.lines) == 5 and all(
        line.now is not None and line.before is not None for line in part.lines
    )
    assert not part.errors
    assert statement.total_now > statement.total_before > 0
    assert Milestone.objects.filter(cooperation__slug="regio-achterhoek", budget_year=2027).count() == 6
    assert Milestone.objects.filter(cooperation__slug="regio-achterhoek", budget_year=2028).count() == 6
    entries = AuditEntry.objects.count()
    demo.load(today=TODAY)
    assert AuditEntry.objects.count() == entries
