"""The members' contributions to budgets: loads lines, keys, members and population figures for many budgets
in a fixed number of queries, and shares every line with `naober.finance.allocation`."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from naober.finance.allocation import AllocationError, Key, KeyKind, Member, allocate
from naober.finance.models import Budget, BudgetLine, CostKey, CostKeyShare
from naober.registry.models import Municipality, Participation, PopulationFigure

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class MemberInfo:
    """A member municipality of a budget with the population figure that counts for it."""

    municipality: Municipality
    population: int | None
    figure_date: datetime.date | None
    source: str
    approximate: bool
    takes_part_in_all: bool
    topic_ids: frozenset[int]

    def pays_for(self, line: BudgetLine) -> bool:
        """Members taking part in chosen topics only pay for lines of those topics."""
        return self.takes_part_in_all or (line.topic_id is not None and line.topic_id in self.topic_ids)


@dataclass
class LineResult:
    line: BudgetLine
    total: Decimal | None
    shares: dict[int, Decimal]  # by municipality pk
    error: str = ""


@dataclass
class BudgetResult:
    budget: Budget
    members: list[MemberInfo]
    lines: list[LineResult] = field(default_factory=list)

    @cached_property
    def totals(self) -> dict[int, Decimal]:
        """Each member's total; read once the lines are complete."""
        totals = {member.municipality.pk: ZERO for member in self.members}
        for result in self.lines:
            for municipality_id, amount in result.shares.items():
                totals[municipality_id] = totals.get(municipality_id, ZERO) + amount
        return totals

    @property
    def total(self) -> Decimal:
        return sum((result.total or ZERO for result in self.lines), ZERO)

    @property
    def errors(self) -> list[str]:
        return [result.error for result in self.lines if result.error]

    @property
    def sources(self) -> list[str]:
        return sorted({member.source for member in self.members if member.source})

    @property
    def any_approximate(self) -> bool:
        return any(member.approximate for member in self.members)

    def share_of(self, municipality_id: int) -> list[tuple[LineResult, Decimal]]:
        return [(result, result.shares.get(municipality_id, ZERO)) for result in self.lines]


def membership_date(budget: Budget) -> datetime.date:
    """Who is a member for a budget: the members on 1 January of its year."""
    return datetime.date(budget.year, 1, 1)


def _members(budgets: Sequence[Budget]) -> dict[int, list[MemberInfo]]:
    cooperation_ids = {budget.cooperation_id for budget in budgets}
    participations = list(
        Participation.objects.filter(
            cooperation_id__in=cooperation_ids, municipality__isnull=False, role=Participation.Role.MEMBER
        )
        .select_related("municipality")
        .prefetch_related("topics")
    )
    municipality_ids = {item.municipality_id for item in participations if item.municipality_id is not None}
    latest = max((budget.reference_date for budget in budgets), default=datetime.date.min)
    figures: dict[int, list[PopulationFigure]] = {}
    for row in PopulationFigure.objects.filter(
        municipality_id__in=municipality_ids, reference_date__lte=latest
    ).order_by("municipality_id", "-reference_date"):
        figures.setdefault(row.municipality_id, []).append(row)
    found: dict[int, list[MemberInfo]] = {}
    for budget in budgets:
        on = membership_date(budget)
        rows = []
        for item in participations:
            if item.cooperation_id != budget.cooperation_id or item.municipality is None:
                continue
            if not (item.joined_on <= on and (item.left_on is None or item.left_on > on)):
                continue
            figure = next(
                (
                    f
                    for f in figures.get(item.municipality.pk, [])
                    if f.reference_date <= budget.reference_date
                ),
                None,
            )
            rows.append(
                MemberInfo(
                    municipality=item.municipality,
                    population=figure.count if figure else None,
                    figure_date=figure.reference_date if figure else None,
                    source=figure.source if figure else "",
                    approximate=figure.approximate if figure else False,
                    takes_part_in_all=item.scope == Participation.Scope.FULL,
                    topic_ids=frozenset(topic.pk for topic in item.topics.all()),
                )
            )
        found[budget.pk] = sorted(rows, key=lambda row: row.municipality.name)
    return found


def budget_members(budget: Budget) -> list[MemberInfo]:
    return _members([budget])[budget.pk]


def _key(cost_key: CostKey) -> tuple[Key, dict[str, str]]:
    shares = list(cost_key.shares.all())
    names = {share.municipality.code: share.municipality.name for share in shares}
    if cost_key.host is not None:
        names[cost_key.host.code] = cost_key.host.name
    key = Key(
        kind=KeyKind(cost_key.kind),
        per_inhabitant=cost_key.per_inhabitant,
        equal_fraction=cost_key.equal_fraction,
        percentages={
            share.municipality.code: share.percentage for share in shares if share.percentage is not None
        }
        if cost_key.kind == KeyKind.PERCENTAGES
        else {},
        participants=frozenset(share.municipality.code for share in shares)
        if cost_key.kind == KeyKind.PARTICIPANTS
        else frozenset(),
        host=cost_key.host.code if cost_key.host is not None else None,
    )
    return key, names


def line_compute(line: BudgetLine, members: list[MemberInfo]) -> LineResult:
    cost_key: CostKey | None = getattr(line, "cost_key", None)
    if cost_key is None:
        message = _("Line “%(line)s”: choose a cost key.") % {"line": line.name}
        return LineResult(line=line, total=line.amount, shares={}, error=message)
    payers = [member for member in members if member.pays_for(line)]
    by_code = {member.municipality.code: member.municipality.pk for member in payers}
    key, names = _key(cost_key)
    try:
        allocation = allocate(
            line=line.name,
            total=line.amount,
            key=key,
            members=[
                Member(code=m.municipality.code, name=m.municipality.name, population=m.population)
                for m in payers
            ],
            names=names,
        )
    except AllocationError as error:
        return LineResult(line=line, total=line.amount, shares={}, error=str(error))
    return LineResult(
        line=line,
        total=allocation.total,
        shares={by_code[code]: amount for code, amount in allocation.shares.items()},
    )


def budgets_compute(budgets: Sequence[Budget]) -> dict[int, BudgetResult]:
    """Every budget's lines shared among its members; a line that cannot be shared carries its error."""
    budgets = list(budgets)
    if not budgets:
        return {}
    members = _members(budgets)
    shares = CostKeyShare.objects.select_related("municipality").order_by("municipality__code")
    lines = (
        BudgetLine.objects.filter(budget__in=budgets)
        .select_related("cost_key__host", "topic")
        .prefetch_related(Prefetch("cost_key__shares", queryset=shares))
        .order_by("budget_id", "position", "pk")
    )
    results = {budget.pk: BudgetResult(budget=budget, members=members[budget.pk]) for budget in budgets}
    for line in lines:
        result = results[line.budget_id]
        line.budget = result.budget  # no query for line.budget
        result.lines.append(line_compute(line, result.members))
    return results


def budget_compute(budget: Budget) -> BudgetResult:
    return budgets_compute([budget])[budget.pk]


@dataclass(frozen=True)
class MemberChange:
    municipality: Municipality
    now: Decimal
    before: Decimal | None

    @property
    def difference(self) -> Decimal | None:
        return None if self.before is None else self.now - self.before


def member_changes(current: BudgetResult, previous: BudgetResult | None) -> list[MemberChange]:
    """Each member's total now and in the previous version or year (None: it was no member then)."""
    before = previous.totals if previous is not None else {}
    totals = current.totals
    return [
        MemberChange(
            municipality=member.municipality,
            now=totals.get(member.municipality.pk, ZERO),
            before=before.get(member.municipality.pk) if previous is not None else None,
        )
        for member in current.members
    ]
