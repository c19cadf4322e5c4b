"""The read path of finance. Every selector takes the viewer and filters with `naober.finance.rules`."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q

from naober.access.viewer import Viewer
from naober.finance.contributions import BudgetResult, MemberChange, budgets_compute, member_changes
from naober.finance.models import Budget, BudgetStatus, Milestone
from naober.finance.rules import budgets_visible_q
from naober.registry.models import Cooperation, Municipality, Participation

ZERO = Decimal("0.00")


def budget_list(*, cooperation: Cooperation, viewer: Viewer) -> list[Budget]:
    return list(
        Budget.objects.filter(budgets_visible_q(viewer), cooperation=cooperation).order_by(
            "-year", "-version"
        )
    )


def _effective(budgets: Iterable[Budget]) -> dict[tuple[int, int], Budget]:
    """Per cooperation and year the version that counts: the adopted one, else the latest visible draft."""
    chosen: dict[tuple[int, int], Budget] = {}
    for budget in sorted(budgets, key=lambda b: b.version):
        key = (budget.cooperation_id, budget.year)
        current = chosen.get(key)
        if current is None or current.status != BudgetStatus.ADOPTED or budget.status == BudgetStatus.ADOPTED:
            chosen[key] = budget
    return chosen


def effective_budgets(
    *, cooperation_ids: Iterable[int], years: Iterable[int], viewer: Viewer
) -> dict[tuple[int, int], Budget]:
    budgets = Budget.objects.filter(
        budgets_visible_q(viewer), cooperation_id__in=list(cooperation_ids), year__in=list(years)
    ).select_related("cooperation")
    return _effective(budgets)


@dataclass
class BudgetPage:
    budget: Budget
    result: BudgetResult
    versions: list[Budget]
    previous_version: BudgetResult | None
    previous_year: BudgetResult | None
    version_changes: list[MemberChange]
    year_changes: list[MemberChange]
    milestones: list[Milestone]


def budget_page(
    *, cooperation: Cooperation, year: int, viewer: Viewer, version: int | None = None
) -> BudgetPage:
    """A budget with its contributions, compared per member with the version before and the year before.
    Raises Budget.DoesNotExist when the viewer may see no such budget."""
    visible = list(
        Budget.objects.filter(budgets_visible_q(viewer), cooperation=cooperation, year__in=[year, year - 1])
        .select_related("cooperation", "dossier")
        .order_by("version")
    )
    versions = [budget for budget in visible if budget.year == year]
    if version is not None:
        budget = next((b for b in versions if b.version == version), None)
    else:
        budget = _effective(versions).get((cooperation.pk, year))
    if budget is None:
        raise Budget.DoesNotExist
    previous_version = next((b for b in reversed(versions) if b.version < budget.version), None)
    previous_year = _effective(b for b in visible if b.year == year - 1).get((cooperation.pk, year - 1))
    results = budgets_compute([b for b in (budget, previous_version, previous_year) if b is not None])
    result = results[budget.pk]
    before_version = results[previous_version.pk] if previous_version else None
    before_year = results[previous_year.pk] if previous_year else None
    return BudgetPage(
        budget=budget,
        result=result,
        versions=versions,
        previous_version=before_version,
        previous_year=before_year,
        version_changes=member_changes(result, before_version) if before_version else [],
        year_changes=member_changes(result, before_year) if before_year else [],
        milestones=milestone_list(cooperation=cooperation, budget_year=year),
    )


def milestone_list(*, cooperation: Cooperation, budget_year: int) -> list[Milestone]:
    """Milestones are planning dates from public law: public."""
    return list(Milestone.objects.filter(cooperation=cooperation, budget_year=budget_year).order_by("due_on"))


def milestone_all(*, cooperation: Cooperation) -> list[Milestone]:
    return list(Milestone.objects.filter(cooperation=cooperation).order_by("due_on", "kind"))


def milestone_years(*, cooperation: Cooperation) -> list[int]:
    return sorted(
        set(Milestone.objects.filter(cooperation=cooperation).values_list("budget_year", flat=True)),
        reverse=True,
    )


# The municipality's statement -------------------------------------------------------------------------------


@dataclass
class StatementLine:
    name: str
    kind: str
    key: str
    host: str
    now: Decimal | None
    before: Decimal | None

    @property
    def difference(self) -> Decimal | None:
        if self.now is None or self.before is None:
            return None
        return self.now - self.before


@dataclass
class StatementPart:
    """What the municipality pays to one cooperation."""

    cooperation: Cooperation
    budget_now: Budget | None
    budget_before: Budget | None
    lines: list[StatementLine] = field(default_factory=list)
    population: int | None = None
    figure_date: datetime.date | None = None
    source: str = ""
    errors: list[str] = field(default_factory=list)

    @property
    def total_now(self) -> Decimal | None:
        return sum((line.now or ZERO for line in self.lines), ZERO) if self.budget_now else None

    @property
    def total_before(self) -> Decimal | None:
        return sum((line.before or ZERO for line in self.lines), ZERO) if self.budget_before else None


@dataclass
class Statement:
    municipality: Municipality
    year: int
    parts: list[StatementPart]

    @property
    def total_now(self) -> Decimal:
        return sum((part.total_now or ZERO for part in self.parts), ZERO)

    @property
    def total_before(self) -> Decimal:
        return sum((part.total_before or ZERO for part in self.parts), ZERO)


def statement_years(*, municipality: Municipality, viewer: Viewer) -> list[int]:
    cooperation_ids = Participation.objects.filter(municipality=municipality).values("cooperation_id")
    return sorted(
        set(
            Budget.objects.filter(budgets_visible_q(viewer), cooperation_id__in=cooperation_ids).values_list(
                "year", flat=True
            )
        ),
        reverse=True,
    )


def _add_lines(part: StatementPart, result: BudgetResult, municipality_id: int, *, now: bool) -> None:
    lines = {(line.name, line.kind): line for line in part.lines}
    member = next((m for m in result.members if m.municipality.pk == municipality_id), None)
    if now and member is not None:
        part.population, part.figure_date, part.source = member.population, member.figure_date, member.source
    for item in result.lines:
        if item.error:
            part.errors.append(item.error)
        amount = item.shares.get(municipality_id)
        if amount is None:
            continue
        cost_key = getattr(item.line, "cost_key", None)
        # Keyed by the kind as shown: the lines already in the part carry only that.
        found = lines.get((item.line.name, item.line.get_kind_display()))
        if found is None:
            found = StatementLine(
                name=item.line.name,
                kind=item.line.get_kind_display(),
                key=cost_key.get_kind_display() if cost_key else "",
                host=cost_key.host.name if cost_key and cost_key.host else "",
                now=None,
                before=None,
            )
            part.lines.append(found)
            lines[(found.name, found.kind)] = found
        if now:
            found.now = amount
            found.key = cost_key.get_kind_display() if cost_key else found.key
            found.host = cost_key.host.name if cost_key and cost_key.host else ""
        else:
            found.before = amount


def municipality_statement(*, municipality: Municipality, viewer: Viewer, year: int) -> Statement:
    """What the municipality pays to each cooperation it belongs to, for what, in `year` and the year
    before — from the budgets the viewer may see (public: sent or adopted). A bounded number of queries."""
    start, end = datetime.date(year - 1, 1, 1), datetime.date(year, 12, 31)
    cooperation_ids = set(
        Participation.objects.filter(municipality=municipality, joined_on__lte=end)
        .filter(Q(left_on__isnull=True) | Q(left_on__gt=start))
        .values_list("cooperation_id", flat=True)
    )
    chosen = effective_budgets(cooperation_ids=cooperation_ids, years=[year, year - 1], viewer=viewer)
    results = budgets_compute(list(chosen.values()))
    cooperations = {budget.cooperation_id: budget.cooperation for budget in chosen.values()}
    parts = []
    for cooperation_id, cooperation in sorted(cooperations.items(), key=lambda item: item[1].name):
        now = chosen.get((cooperation_id, year))
        before = chosen.get((cooperation_id, year - 1))
        part = StatementPart(cooperation=cooperation, budget_now=now, budget_before=before)
        if now is not None:
            _add_lines(part, results[now.pk], municipality.pk, now=True)
        if before is not None:
            _add_lines(part, results[before.pk], municipality.pk, now=False)
        if part.lines or part.errors:
            parts.append(part)
    return Statement(municipality=municipality, year=year, parts=parts)


def milestones_for_municipality(
    *, municipality: Municipality, start: datetime.date, end: datetime.date
) -> list[Milestone]:
    """The budget-cycle milestones between `start` and `end` of every cooperation the municipality is a
    member of on the milestone's date (for a member's regional agenda). One query."""
    members = Participation.objects.filter(
        municipality=municipality, role=Participation.Role.MEMBER, cooperation_id=OuterRef("cooperation_id")
    ).filter(
        Q(joined_on__lte=OuterRef("due_on")) & (Q(left_on__isnull=True) | Q(left_on__gt=OuterRef("due_on")))
    )
    return list(
        Milestone.objects.filter(Exists(members), due_on__gte=start, due_on__lte=end)
        .select_related("cooperation")
        .order_by("due_on", "cooperation__name")
    )
