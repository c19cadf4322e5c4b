"""How a budget line's amount is shared among the members: pure functions, no database.

Shares are computed exactly (fractions), then rounded to cents with the largest-remainder method: every
member first gets its exact share rounded down to a cent, and the cents left over go one by one to the
largest remainders; equal remainders go by municipality code. So the members' amounts add up to the line's
total exactly, and the result does not depend on the order in which the members are given
(shared/domain/rules.md §4).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.translation import gettext as _

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


class KeyKind(enum.StrEnum):
    """The cost-sharing keys of rules.md §4 (the model's choices use the same values)."""

    PER_INHABITANT = "per-inhabitant"
    EQUAL_AND_POPULATION = "equal-and-population"
    PERCENTAGES = "percentages"
    PARTICIPANTS = "participants"
    SERVICE_FEE = "service-fee"


class AllocationError(ValueError):
    """Bad input: the message names the line and, where there is one, the member."""


@dataclass(frozen=True)
class Member:
    """A member municipality as the computation sees it; `population` None when no figure is known."""

    code: str
    name: str
    population: int | None


@dataclass(frozen=True)
class Key:
    """A line's cost key.

    - PER_INHABITANT: `per_inhabitant` euros for every inhabitant; the line's total follows from it.
    - EQUAL_AND_POPULATION: `equal_fraction` of the total in equal parts, the rest by population.
    - PERCENTAGES: `percentages` by municipality code, adding up to exactly 100.
    - PARTICIPANTS: only the `participants` (codes) pay: `equal_fraction` equally, the rest by population.
    - SERVICE_FEE: the members other than the `host` pay the host's fee, by population.
    """

    kind: KeyKind
    per_inhabitant: Decimal | None = None
    equal_fraction: Decimal = Decimal(0)
    percentages: Mapping[str, Decimal] = field(default_factory=dict)
    participants: frozenset[str] = frozenset()
    host: str | None = None


@dataclass(frozen=True)
class Allocation:
    total: Decimal
    shares: dict[str, Decimal]  # by municipality code, every member present (0.00 for those who don't pay)


def _cents(amount: Decimal) -> int:
    return int((amount / CENT).to_integral_value())


def largest_remainder(total_cents: int, weights: Mapping[str, Fraction]) -> dict[str, int]:
    """Split `total_cents` in proportion to `weights` (non-negative, not all zero) in whole cents."""
    weight_sum = sum(weights.values(), Fraction(0))
    exact = {code: total_cents * weight / weight_sum for code, weight in weights.items()}
    floors = {code: share.numerator // share.denominator for code, share in exact.items()}
    left = total_cents - sum(floors.values())
    ranked = sorted(exact, key=lambda code: (-(exact[code] - floors[code]), code))
    for code in ranked[:left]:
        floors[code] += 1
    return floors


def _require_population(line: str, members: Iterable[Member]) -> None:
    for member in members:
        if member.population is None:
            raise AllocationError(
                _("Line “%(line)s”: no population figure for %(member)s at the reference date.")
                % {"line": line, "member": member.name}
            )


def _mixed_weights(members: Sequence[Member], equal_fraction: Fraction) -> dict[str, Fraction]:
    """Weights for "a fraction in equal parts, the rest by population"."""
    population = sum(member.population or 0 for member in members)
    count = len(members)
    weights = {}
    for member in members:
        by_population = Fraction(member.population or 0, population) if population else Fraction(0)
        weights[member.code] = equal_fraction / count + (1 - equal_fraction) * by_population
    return weights


def _check_known(
    line: str, codes: Iterable[str], members: Mapping[str, Member], names: Mapping[str, str]
) -> None:
    for code in sorted(codes):
        if code not in members:
            raise AllocationError(
                _("Line “%(line)s”: %(member)s is not a member of this cooperation for this budget.")
                % {"line": line, "member": names.get(code, code)}
            )


def allocate(
    *,
    line: str,
    total: Decimal | None,
    key: Key,
    members: Sequence[Member],
    names: Mapping[str, str] | None = None,
) -> Allocation:
    """Share one line among `members`. `names` gives names for codes that are no member (for messages)."""
    names = names or {}
    by_code = {member.code: member for member in sorted(members, key=lambda member: member.code)}
    ordered = list(by_code.values())
    if key.kind == KeyKind.PER_INHABITANT:
        rate = key.per_inhabitant
        if rate is None or rate < 0:
            raise AllocationError(
                _("Line “%(line)s”: give a non-negative amount per inhabitant.") % {"line": line}
            )
        _require_population(line, ordered)
        exact_total = rate * sum(member.population or 0 for member in ordered)
        total = exact_total.quantize(CENT, rounding=ROUND_HALF_UP)
        weights = {member.code: Fraction(member.population or 0) for member in ordered}
        return _result(line, total, weights, ordered)
    if total is None or total < 0:
        raise AllocationError(_("Line “%(line)s”: the amount may not be negative.") % {"line": line})
    if total != total.quantize(CENT):
        raise AllocationError(_("Line “%(line)s”: the amount must be in whole cents.") % {"line": line})
    if key.kind == KeyKind.PERCENTAGES:
        return _result(line, total, _percentage_weights(line, key, by_code, names), ordered)
    fraction = Fraction(key.equal_fraction)
    if not 0 <= fraction <= 1:
        raise AllocationError(
            _("Line “%(line)s”: the part in equal shares must lie between 0 and 1.") % {"line": line}
        )
    if key.kind == KeyKind.EQUAL_AND_POPULATION:
        payers = ordered
    elif key.kind == KeyKind.PARTICIPANTS:
        _check_known(line, key.participants, by_code, names)
        payers = [member for member in ordered if member.code in key.participants]
        if not payers:
            raise AllocationError(_("Line “%(line)s”: name at least one participant.") % {"line": line})
    else:  # SERVICE_FEE
        if key.host is None:
            raise AllocationError(_("Line “%(line)s”: name the host municipality.") % {"line": line})
        _check_known(line, [key.host], by_code, names)
        payers = [member for member in ordered if member.code != key.host]
        fraction = Fraction(0)
    if fraction < 1:
        _require_population(line, payers)
    weights = dict.fromkeys(by_code, Fraction(0))
    weights.update(_mixed_weights(payers, fraction) if payers else {})
    return _result(line, total, weights, ordered)


def _percentage_weights(
    line: str, key: Key, members: Mapping[str, Member], names: Mapping[str, str]
) -> dict[str, Fraction]:
    _check_known(line, key.percentages, members, names)
    for code in sorted(key.percentages):
        if key.percentages[code] < 0:
            raise AllocationError(
                _("Line “%(line)s”: the percentage of %(member)s may not be negative.")
                % {"line": line, "member": members[code].name}
            )
    summed = sum(key.percentages.values(), Decimal(0))
    if summed != HUNDRED:
        raise AllocationError(
            _("Line “%(line)s”: the percentages add up to %(sum)s %%, not to 100 %%.")
            % {"line": line, "sum": f"{summed.normalize():f}"}
        )
    return {code: Fraction(key.percentages.get(code, Decimal(0))) for code in members}


def _result(line: str, total: Decimal, weights: dict[str, Fraction], members: Sequence[Member]) -> Allocation:
    if total == 0 or not any(weights.values()):
        if total != 0:
            raise AllocationError(
                _("Line “%(line)s”: nobody pays for it; check the key and the population.") % {"line": line}
            )
        return Allocation(total=total, shares={member.code: Decimal("0.00") for member in members})
    cents = largest_remainder(_cents(total), weights)
    return Allocation(total=total, shares={code: Decimal(amount) * CENT for code, amount in cents.items()})
