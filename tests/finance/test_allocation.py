"""The pure allocation: worked examples of rules.md §4 and properties (Hypothesis)."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from naober.finance.allocation import AllocationError, Key, KeyKind, Member, allocate, largest_remainder

TWENTE = [
    ("GM0141", "Almelo", 74000),
    ("GM0147", "Borne", 24500),
    ("GM1774", "Dinkelland", 26500),
    ("GM0153", "Enschede", 161000),
    ("GM0158", "Haaksbergen", 24500),
    ("GM0163", "Hellendoorn", 36500),
    ("GM0164", "Hengelo", 82500),
    ("GM1735", "Hof van Twente", 35500),
    ("GM0168", "Losser", 22800),
    ("GM0173", "Oldenzaal", 32000),
    ("GM1742", "Rijssen-Holten", 39000),
    ("GM0183", "Tubbergen", 21800),
    ("GM1700", "Twenterand", 34000),
    ("GM0189", "Wierden", 25000),
]


def members(rows):
    return [Member(code=code, name=name, population=population) for code, name, population in rows]


def test_twelve_euros_per_inhabitant_across_twente() -> None:
    result = allocate(
        line="Agenda voor Twente",
        total=None,
        key=Key(kind=KeyKind.PER_INHABITANT, per_inhabitant=Decimal(12)),
        members=members(TWENTE),
    )
    population = sum(row[2] for row in TWENTE)
    assert result.total == Decimal(12 * population)
    assert result.shares["GM0153"] == Decimal("1932000.00")  # Enschede: 161,000 × €12
    assert result.shares["GM0183"] == Decimal("261600.00")  # Tubbergen: 21,800 × €12
    assert sum(result.shares.values()) == result.total


def test_half_equal_half_by_population() -> None:
    rows = [("GM0001", "A", 10000), ("GM0002", "B", 30000)]
    result = allocate(
        line="EU-zaken",
        total=Decimal("100000.00"),
        key=Key(kind=KeyKind.EQUAL_AND_POPULATION, equal_fraction=Decimal("0.5")),
        members=members(rows),
    )
    # 50,000 equally (25,000 each) + 50,000 by population (12,500 and 37,500)
    assert result.shares == {"GM0001": Decimal("37500.00"), "GM0002": Decimal("62500.00")}


def test_percentage_table_like_drenthe_youth_care() -> None:
    rows = [("GM0106", "Assen", 68000), ("GM1680", "Aa en Hunze", 25000), ("GM0109", "Coevorden", 35000)]
    key = Key(
        kind=KeyKind.PERCENTAGES,
        percentages={"GM0106": Decimal("18.3"), "GM1680": Decimal("4.3"), "GM0109": Decimal("77.4")},
    )
    result = allocate(line="Jeugdzorg", total=Decimal("1000000.00"), key=key, members=members(rows))
    assert result.shares == {
        "GM0106": Decimal("183000.00"),
        "GM1680": Decimal("43000.00"),
        "GM0109": Decimal("774000.00"),
    }


def test_rounding_gives_the_left_over_cents_to_the_largest_remainders_then_by_code() -> None:
    rows = [("GM0003", "C", 1), ("GM0001", "A", 1), ("GM0002", "B", 1)]
    result = allocate(
        line="Drie", total=Decimal("1.00"), key=Key(kind=KeyKind.EQUAL_AND_POPULATION), members=members(rows)
    )
    assert result.shares == {"GM0001": Decimal("0.34"), "GM0002": Decimal("0.33"), "GM0003": Decimal("0.33")}


def test_service_fee_is_paid_by_the_others_to_the_host() -> None:
    rows = [("GM0307", "Amersfoort", 160000), ("GM0308", "Baarn", 25000), ("GM0313", "Bunschoten", 25000)]
    result = allocate(
        line="Bureau",
        total=Decimal("50000.00"),
        key=Key(kind=KeyKind.SERVICE_FEE, host="GM0307"),
        members=members(rows),
    )
    assert result.shares == {
        "GM0307": Decimal("0.00"),
        "GM0308": Decimal("25000.00"),
        "GM0313": Decimal("25000.00"),
    }


@pytest.mark.parametrize(
    ("key", "total", "rows", "message"),
    [
        (
            Key(kind=KeyKind.PERCENTAGES, percentages={"GM0001": Decimal(60), "GM0002": Decimal(30)}),
            Decimal(100),
            [("GM0001", "Aalten", 1), ("GM0002", "Berkelland", 1)],
            "“Lijn”: the percentages add up to 90 %, not to 100 %.",
        ),
        (
            Key(kind=KeyKind.PER_INHABITANT, per_inhabitant=Decimal(12)),
            None,
            [("GM0001", "Aalten", 1), ("GM0002", "Berkelland", None)],
            "Line “Lijn”: no population figure for Berkelland at the reference date.",
        ),
        (
            Key(kind=KeyKind.EQUAL_AND_POPULATION),
            Decimal(-5),
            [("GM0001", "Aalten", 1)],
            "Line “Lijn”: the amount may not be negative.",
        ),
        (
            Key(kind=KeyKind.PERCENTAGES, percentages={"GM0001": Decimal(50), "GM9999": Decimal(50)}),
            Decimal(100),
            [("GM0001", "Aalten", 1)],
            "Line “Lijn”: Elders is not a member of this cooperation for this budget.",
        ),
        (
            Key(kind=KeyKind.PARTICIPANTS, participants=frozenset({"GM9999"})),
            Decimal(100),
            [("GM0001", "Aalten", 1)],
            "Line “Lijn”: Elders is not a member of this cooperation for this budget.",
        ),
        (
            Key(kind=KeyKind.PERCENTAGES, percentages={"GM0001": Decimal(110), "GM0002": Decimal(-10)}),
            Decimal(100),
            [("GM0001", "Aalten", 1), ("GM0002", "Berkelland", 1)],
            "Line “Lijn”: the percentage of Berkelland may not be negative.",
        ),
    ],
)
def test_bad_input_is_refused_naming_member_and_line(key, total, rows, message) -> None:
    with pytest.raises(AllocationError) as error:
        allocate(line="Lijn", total=total, key=key, members=members(rows), names={"GM9999": "Elders"})
    assert message in str(error.value)


# Properties ------------------------------------------------------------------------------------------------

member_rows = st.lists(
    st.tuples(st.integers(min_value=0, max_value=9999), st.integers(min_value=1, max_value=1_000_000)),
    min_size=1,
    max_size=20,
    unique_by=lambda row: row[0],
).map(lambda rows: [Member(code=f"GM{code:04d}", name=f"M{code}", population=pop) for code, pop in rows])
amounts = st.decimals(min_value=0, max_value=Decimal("99999999.99"), places=2)
fractions = st.decimals(min_value=0, max_value=1, places=4)
rates = st.decimals(min_value=0, max_value=100, places=4)


@st.composite
def keys(draw, members):
    kind = draw(st.sampled_from(list(KeyKind)))
    codes = [member.code for member in members]
    if kind == KeyKind.PER_INHABITANT:
        return Key(kind=kind, per_inhabitant=draw(rates))
    if kind == KeyKind.PERCENTAGES:
        cents = draw(
            st.lists(st.integers(min_value=0, max_value=10000), min_size=len(codes), max_size=len(codes))
        )
        total = sum(cents)
        if total == 0:
            cents[0], total = 1, 1
        # whole hundredths of a percent, adding up to exactly 100
        scaled = largest_remainder(10000, dict(zip(codes, cents, strict=True)))
        return Key(kind=kind, percentages={code: Decimal(value) / 100 for code, value in scaled.items()})
    if kind == KeyKind.PARTICIPANTS:
        chosen = draw(st.lists(st.sampled_from(codes), min_size=1, unique=True))
        return Key(kind=kind, participants=frozenset(chosen), equal_fraction=draw(fractions))
    if kind == KeyKind.SERVICE_FEE:
        if len(codes) < 2:
            return Key(kind=KeyKind.EQUAL_AND_POPULATION, equal_fraction=draw(fractions))
        return Key(kind=kind, host=draw(st.sampled_from(codes)))
    return Key(kind=kind, equal_fraction=draw(fractions))


@st.composite
def cases(draw):
    found = draw(member_rows)
    return found, draw(keys(found)), draw(amounts)


@settings(max_examples=300, deadline=None)
@given(cases())
def test_shares_always_add_up_to_the_total(case) -> None:
    found, key, total = case
    result = allocate(line="L", total=total, key=key, members=found)
    assert sum(result.shares.values()) == result.total
    assert all(share >= 0 and share == share.quantize(Decimal("0.01")) for share in result.shares.values())
    assert set(result.shares) == {member.code for member in found}


@settings(max_examples=300, deadline=None)
@given(cases(), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_input_order(case, rnd: random.Random) -> None:
    found, key, total = case
    shuffled = list(found)
    rnd.shuffle(shuffled)
    assert allocate(line="L", total=total, key=key, members=found) == allocate(
        line="L", total=total, key=key, members=shuffled
    )


@settings(max_examples=300, deadline=None)
@given(member_rows, rates)
def test_more_inhabitants_never_pay_less_per_inhabitant(found, rate) -> None:
    result = allocate(
        line="L", total=None, key=Key(kind=KeyKind.PER_INHABITANT, per_inhabitant=rate), members=found
    )
    for one in found:
        for other in found:
            if one.population > other.population:
                assert result.shares[one.code] >= result.shares[other.code]


@settings(max_examples=300, deadline=None)
@given(cases())
def test_a_member_outside_the_topic_pays_nothing(case) -> None:
    found, _key, total = case
    participants = frozenset(member.code for member in found[: max(1, len(found) // 2)])
    key = Key(kind=KeyKind.PARTICIPANTS, participants=participants, equal_fraction=Decimal("0.5"))
    result = allocate(line="L", total=total, key=key, members=found)
    assert all(result.shares[member.code] == 0 for member in found if member.code not in participants)
    assert sum(result.shares[code] for code in participants) == total
