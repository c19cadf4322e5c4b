"""The combined result of a round under a decision rule: a pure function, no database.

`roll_up(rule, votes, financial=..., closed=...)` counts the members' outcomes under the rule and says why
("7 of 9 members, 81 % of the population; rule requires all members: not adopted"). Definitions:

- In favour: *agrees* and *agrees with remarks*. Against, abstaining (*declines*), *amends* and *no
  response* are not in favour: a majority of members is a majority of all members, not of votes cast.
- Members who left the cooperation or were withdrawn from the round do not count at all.
- While a round is open, members without an outcome are undecided: the result is *adopted* or *not adopted*
  only when no remaining answer can change it, else *pending*. Once closed, silence is no response.
- A tie is not a majority (a simple majority is *more than* half); the chair's casting vote belongs to a
  body's own meeting, not to a count of councils.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

IN_FAVOUR = frozenset({"agrees", "remarks"})


class Result(StrEnum):
    ADOPTED = "adopted"
    NOT_ADOPTED = "not_adopted"
    PENDING = "pending"


@dataclass(frozen=True)
class RuleSpec:
    """A decision rule as plain data (the `DecisionRule` model, or a default)."""

    kind: str  # a `RuleKind` value
    fraction: Decimal = Decimal("0.5")
    strictly_more: bool = True
    population_fraction: Decimal | None = None
    weights: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Vote:
    """One member's answer. `outcome` is an `Outcome` value, or "" while undecided."""

    key: str  # the municipality's slug (for a fixed vote table)
    name: str
    outcome: str = ""
    population: int = 0
    identical: bool | None = None
    participant: bool = True  # takes part in the topic (opt-in rules)
    left: bool = False  # left the cooperation, or withdrawn from the round

    @property
    def in_favour(self) -> bool:
        return self.outcome in IN_FAVOUR


@dataclass(frozen=True)
class RollUp:
    result: Result
    reason: str
    in_favour: int
    counted: int
    awaited: int
    population_share: Decimal | None


def _percent(share: Decimal) -> str:
    return str((share * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def _share(part: int, whole: int) -> Decimal:
    return Decimal(part) / Decimal(whole) if whole else Decimal(0)


# Shares are stored with four decimals: "at least 0.6667" means at least two thirds.
STORED_PRECISION = Decimal("0.00005")


def _reaches(share: Decimal, needed: Decimal, strictly_more: bool) -> bool:
    return share > needed if strictly_more else share >= needed - STORED_PRECISION


def _fraction_words(needed: Decimal, strictly_more: bool, what: str) -> str:
    if needed == 1:
        return _("all %(what)s") % {"what": what}
    named = {
        Decimal("0.5"): _("half"),
        Decimal("0.6667"): _("two thirds"),
        Decimal("0.75"): _("three quarters"),
    }
    words = named.get(needed.quantize(Decimal("0.0001")), f"{_percent(needed)} %")
    if strictly_more:
        return _("more than %(share)s of the %(what)s") % {"share": words, "what": what}
    return _("at least %(share)s of the %(what)s") % {"share": words, "what": what}


@dataclass(frozen=True)
class _Count:
    adopted: bool
    in_favour: int
    counted: int
    population_share: Decimal | None
    requirement: str
    tally: str


def _members_tally(votes: Sequence[Vote]) -> tuple[int, int, str]:
    yes = sum(1 for vote in votes if vote.in_favour)
    tally = ngettext("%(yes)d of %(count)d member", "%(yes)d of %(count)d members", len(votes)) % {
        "yes": yes,
        "count": len(votes),
    }
    return yes, len(votes), tally


def _population(votes: Sequence[Vote]) -> tuple[Decimal, str]:
    total = sum(vote.population for vote in votes)
    share = _share(sum(vote.population for vote in votes if vote.in_favour), total)
    return share, _("%(share)s %% of the population") % {"share": _percent(share)}


def _count_all(votes: Sequence[Vote], *, identical: bool) -> _Count:
    yes, count, tally = _members_tally(votes)
    population, population_words = _population(votes)
    adopted = count > 0 and yes == count
    requirement = _("rule requires all members")
    if identical:
        same = sum(1 for vote in votes if vote.in_favour and vote.identical)
        tally += ", " + ngettext(
            "%(same)d with the identical text", "%(same)d with the identical text", same
        ) % {"same": same}
        adopted = adopted and same == count
        requirement = _("rule requires identical decisions in all members")
    return _Count(adopted, yes, count, population, requirement, f"{tally}, {population_words}")


def _count_members(votes: Sequence[Vote], rule: RuleSpec) -> _Count:
    yes, count, tally = _members_tally(votes)
    population, population_words = _population(votes)
    adopted = count > 0 and _reaches(_share(yes, count), rule.fraction, rule.strictly_more)
    requirement = _("rule requires %(needed)s") % {
        "needed": _fraction_words(rule.fraction, rule.strictly_more, _("members"))
    }
    if rule.population_fraction is not None:
        adopted = adopted and _reaches(population, rule.population_fraction, False)
        requirement += " " + _("and %(needed)s") % {
            "needed": _fraction_words(rule.population_fraction, False, _("population"))
        }
    return _Count(adopted, yes, count, population, requirement, f"{tally}, {population_words}")


def _count_weighted(votes: Sequence[Vote], rule: RuleSpec, weights: Mapping[str, int], what: str) -> _Count:
    yes, count, tally = _members_tally(votes)
    total = sum(weights.get(vote.key, 0) for vote in votes)
    for_votes = sum(weights.get(vote.key, 0) for vote in votes if vote.in_favour)
    share = _share(for_votes, total)
    adopted = total > 0 and _reaches(share, rule.fraction, rule.strictly_more)
    tally += ", " + _("%(yes)s of %(total)s weighted votes (%(share)s %%)") % {
        "yes": for_votes,
        "total": total,
        "share": _percent(share),
    }
    requirement = _("rule requires %(needed)s") % {
        "needed": _fraction_words(rule.fraction, rule.strictly_more, what)
    }
    population, _words = _population(votes)
    return _Count(adopted, yes, count, population, requirement, tally)


def _count(votes: Sequence[Vote], rule: RuleSpec, *, financial: bool) -> _Count:
    kind = rule.kind
    if kind == "unanimity":
        return _count_all(votes, identical=False)
    if kind == "consensus_identical":
        return _count_all(votes, identical=True)
    if kind == "opt_in":
        result = _count_all([vote for vote in votes if vote.participant], identical=False)
        return replace(result, requirement=_("rule requires every participating member"))
    if kind == "majority" or (kind == "twente" and not financial):
        return _count_members(votes, rule)
    if kind == "weighted_table":
        return _count_weighted(votes, rule, rule.weights, _("weighted votes"))
    if kind in ("weighted_population", "twente"):
        weights = {vote.key: vote.population for vote in votes}
        result = _count_weighted(votes, rule, weights, _("population"))
        if kind == "twente":
            return replace(result, requirement=result.requirement + " " + _("(financial decision)"))
        return result
    raise ValueError(f"unknown decision rule {kind!r}")


def roll_up(
    rule: RuleSpec, votes: Sequence[Vote], *, financial: bool = False, closed: bool = False
) -> RollUp:
    """The combined result of `votes` under `rule`, with the reason in words."""
    counting = [vote for vote in votes if not vote.left]
    if closed:
        counting = [vote if vote.outcome else replace(vote, outcome="none") for vote in counting]
    awaited = sum(1 for vote in counting if not vote.outcome)
    left = len(votes) - len(counting)
    if awaited:
        best = _count(
            [vote if vote.outcome else replace(vote, outcome="agrees", identical=True) for vote in counting],
            rule,
            financial=financial,
        )
        worst = _count(
            [vote if vote.outcome else replace(vote, outcome="none") for vote in counting],
            rule,
            financial=financial,
        )
        if worst.adopted:
            result, shown = Result.ADOPTED, worst
        elif not best.adopted:
            result, shown = Result.NOT_ADOPTED, worst
        else:
            result, shown = Result.PENDING, worst
    else:
        shown = _count(counting, rule, financial=financial)
        result = Result.ADOPTED if shown.adopted else Result.NOT_ADOPTED
    verdict = {
        Result.ADOPTED: _("adopted"),
        Result.NOT_ADOPTED: _("not adopted"),
        Result.PENDING: _("not decided yet"),
    }[result]
    parts = [shown.tally]
    if awaited:
        parts.append(
            ngettext("%(count)d answer awaited", "%(count)d answers awaited", awaited) % {"count": awaited}
        )
    if left:
        parts.append(
            ngettext("%(count)d member no longer counts", "%(count)d members no longer count", left)
            % {"count": left}
        )
    reason = "; ".join([", ".join(parts), f"{shown.requirement}: {verdict}"])
    return RollUp(
        result=result,
        reason=reason,
        in_favour=shown.in_favour,
        counted=shown.counted,
        awaited=awaited,
        population_share=shown.population_share,
    )
