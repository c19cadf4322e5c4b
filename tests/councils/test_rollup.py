"""The roll-up under every rule kind, as a table: ties, abstentions, missing answers, members who left."""

from __future__ import annotations

from decimal import Decimal

import pytest

from naober.councils.rollup import Result, RuleSpec, Vote, roll_up

A, R, D, M, X, N = "agrees", "remarks", "disagrees", "amends", "declines", "none"


def votes(
    *outcomes: str,
    populations: tuple[int, ...] = (),
    left: tuple[int, ...] = (),
    identical=None,
    participants=None,
) -> list[Vote]:
    result = []
    for index, outcome in enumerate(outcomes):
        result.append(
            Vote(
                key=f"m{index}",
                name=f"Gemeente {index}",
                outcome=outcome,
                population=populations[index] if populations else 10_000,
                identical=(identical[index] if identical else (True if outcome in (A, R) else None)),
                participant=participants[index] if participants else True,
                left=index in left,
            )
        )
    return result


MAJ = RuleSpec(kind="majority")
TWO_THIRDS = RuleSpec(kind="majority", fraction=Decimal("0.6667"), strictly_more=False)
MAJ_POP = RuleSpec(kind="majority", population_fraction=Decimal("0.5"))
UNANIMITY = RuleSpec(kind="unanimity")
TABLE = RuleSpec(kind="weighted_table", weights={"m0": 3, "m1": 2, "m2": 1, "m3": 1})
POP = RuleSpec(kind="weighted_population")
TWENTE = RuleSpec(kind="twente")
IDENTICAL = RuleSpec(kind="consensus_identical")
OPT_IN = RuleSpec(kind="opt_in")

CASES = [
    # id, rule, votes, financial, closed, expected
    ("majority adopted", MAJ, votes(A, A, R, D), False, False, Result.ADOPTED),
    ("majority tie is no majority", MAJ, votes(A, A, D, D), False, False, Result.NOT_ADOPTED),
    (
        "abstentions count against a majority of members",
        MAJ,
        votes(A, A, X, X, D),
        False,
        False,
        Result.NOT_ADOPTED,
    ),
    ("amends is not in favour", MAJ, votes(A, M, M), False, False, Result.NOT_ADOPTED),
    ("missing answers leave it pending", MAJ, votes(A, A, D, ""), False, False, Result.PENDING),
    (
        "missing answers cannot change a reached majority",
        MAJ,
        votes(A, A, A, ""),
        False,
        False,
        Result.ADOPTED,
    ),
    (
        "missing answers cannot save a lost majority",
        MAJ,
        votes(D, D, D, ""),
        False,
        False,
        Result.NOT_ADOPTED,
    ),
    ("closed: silence is no response", MAJ, votes(A, A, D, ""), False, True, Result.NOT_ADOPTED),
    ("member who left does not count", MAJ, votes(A, A, D, D, left=(3,)), False, False, Result.ADOPTED),
    ("two thirds reached at exactly two thirds", TWO_THIRDS, votes(A, A, D), False, False, Result.ADOPTED),
    ("two thirds missed", TWO_THIRDS, votes(A, D, D), False, False, Result.NOT_ADOPTED),
    (
        "majority but too little population",
        MAJ_POP,
        votes(A, A, D, populations=(10, 10, 100)),
        False,
        False,
        Result.NOT_ADOPTED,
    ),
    (
        "majority and population",
        MAJ_POP,
        votes(A, A, D, populations=(100, 10, 10)),
        False,
        False,
        Result.ADOPTED,
    ),
    ("unanimity", UNANIMITY, votes(A, R, A), False, False, Result.ADOPTED),
    ("unanimity broken by one abstention", UNANIMITY, votes(A, A, X), False, False, Result.NOT_ADOPTED),
    (
        "unanimity without a member who left",
        UNANIMITY,
        votes(A, A, D, left=(2,)),
        False,
        False,
        Result.ADOPTED,
    ),
    ("unanimity pending", UNANIMITY, votes(A, A, ""), False, False, Result.PENDING),
    ("fixed table adopted by the big member", TABLE, votes(A, D, A, D), False, False, Result.ADOPTED),
    ("fixed table tie", TABLE, votes(D, A, A, D), False, False, Result.NOT_ADOPTED),
    (
        "fixed table: a member without weight",
        RuleSpec(kind="weighted_table", weights={"m0": 1}),
        votes(D, A, A),
        False,
        False,
        Result.NOT_ADOPTED,
    ),
    ("population weighted", POP, votes(A, D, D, populations=(60, 20, 19)), False, False, Result.ADOPTED),
    ("population weighted tie", POP, votes(A, D, populations=(50, 50)), False, False, Result.NOT_ADOPTED),
    (
        "twente general: one member one vote",
        TWENTE,
        votes(A, D, D, populations=(90, 5, 5)),
        False,
        False,
        Result.NOT_ADOPTED,
    ),
    (
        "twente financial: by population",
        TWENTE,
        votes(A, D, D, populations=(90, 5, 5)),
        True,
        False,
        Result.ADOPTED,
    ),
    ("identical in all members", IDENTICAL, votes(A, A, A), False, False, Result.ADOPTED),
    (
        "one text differs",
        IDENTICAL,
        votes(A, A, A, identical=(True, True, False)),
        False,
        False,
        Result.NOT_ADOPTED,
    ),
    ("identical pending", IDENTICAL, votes(A, A, ""), False, False, Result.PENDING),
    (
        "opt-in: only participants decide",
        OPT_IN,
        votes(A, A, D, participants=(True, True, False)),
        False,
        False,
        Result.ADOPTED,
    ),
    (
        "opt-in: a participant disagrees",
        OPT_IN,
        votes(A, D, A, participants=(True, True, False)),
        False,
        False,
        Result.NOT_ADOPTED,
    ),
    (
        "opt-in without participants",
        OPT_IN,
        votes(A, participants=(False,)),
        False,
        False,
        Result.NOT_ADOPTED,
    ),
    ("nobody left to count", MAJ, votes(A, left=(0,)), False, False, Result.NOT_ADOPTED),
    ("no response everywhere", UNANIMITY, votes(N, N), False, False, Result.NOT_ADOPTED),
]


@pytest.mark.parametrize(
    ("rule", "cast", "financial", "closed", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_roll_up(rule: RuleSpec, cast: list[Vote], financial: bool, closed: bool, expected: Result) -> None:
    assert roll_up(rule, cast, financial=financial, closed=closed).result == expected


def test_the_reason_says_why() -> None:
    cast = votes(A, A, A, A, A, A, A, D, "", populations=(20, 10, 10, 10, 10, 10, 11, 10, 9))
    result = roll_up(UNANIMITY, cast, closed=True)
    assert result.reason == "7 of 9 members, 81 % of the population; rule requires all members: not adopted"


def test_reasons_name_abstentions_left_members_and_awaited_answers() -> None:
    result = roll_up(MAJ, votes(A, A, D, "", left=(2,)))
    assert "1 answer awaited" in result.reason
    assert "1 member no longer counts" in result.reason
    assert "more than half of the members" in result.reason


def test_unknown_rule_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown"):
        roll_up(RuleSpec(kind="dictator"), votes(A))
