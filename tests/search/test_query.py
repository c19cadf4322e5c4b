"""Reading the search box, and the Dutch analysis helpers."""

from __future__ import annotations

import pytest

from naober.search.analysis import (
    PorterAnalyzer,
    SnowballAnalyzer,
    compound_prefix,
    compound_suffixes,
    fold,
    words,
)
from naober.search.backend import Term
from naober.search.query import MAX_TERMS, parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("woningen", (Term("woningen"),)),
        ("De Woningen", (Term("woningen"),)),  # function words go, case folds
        ("de", (Term("de"),)),  # …unless nothing else is left
        ("woning*", (Term("woning", prefix=True),)),
        ('"regionale energiestrategie"', (Term("regionale energiestrategie", phrase=True),)),
        ('"de regio"', (Term("de regio", phrase=True),)),  # phrases keep their words
        ("“regionale energiestrategie”", (Term("regionale energiestrategie", phrase=True),)),
        ('"woningen"', (Term("woningen"),)),
        ("jeugdzorg -wachtlijst", (Term("jeugdzorg"), Term("wachtlijst", exclude=True))),
        ('-"beschermd wonen" zorg', (Term("beschermd wonen", phrase=True, exclude=True), Term("zorg"))),
        ("covid-19", (Term("covid 19", phrase=True),)),
        ("financiële", (Term("financiele"),)),
        ("regio's", (Term("regio"),)),
        ('"unbalanced quote', (Term("unbalanced"), Term("quote"))),
        ("-alleen", ()),
        ("* - ** ()", ()),
        ("w*", (Term("w"),)),  # a one-letter prefix is too broad: a word
        ("woning woning", (Term("woning"),)),
        ("title:woning", (Term("title woning", phrase=True),)),
    ],
)
def test_parse(text: str, expected: tuple[Term, ...]) -> None:
    assert parse(text) == expected


def test_parse_limits_the_query() -> None:
    assert len(parse(" ".join(f"woord{number}" for number in range(100)))) == MAX_TERMS
    assert parse("x" * 10_000) == ()  # one word longer than any indexed word


def test_words_fold_and_drop_clitics() -> None:
    assert [word for word, _start, _end in words("Regio's Coöperatie, ĳzer; 2026/2027")] == [
        "regio",
        "cooperatie",
        "ijzer",
        "2026",
        "2027",
    ]
    assert fold("Financiële") == "financiele"


def test_the_two_stemmers_differ_as_measured() -> None:
    snowball, porter = SnowballAnalyzer(), PorterAnalyzer()
    assert snowball.stems("gemeenten") == snowball.stems("gemeentes") == ["meen"]
    assert porter.stems("gemeenten") == ["gemeent"] != porter.stems("gemeentes")
    assert snowball.stems("huisjes") == snowball.stems("huis")
    assert porter.stems("woningen") == porter.stems("woning") == ["woning"]


def test_compound_parts() -> None:
    assert compound_prefix("woningen") == "woning"
    assert compound_prefix("woningbouw") == "woningbouw"
    assert compound_prefix("wet") is None
    assert "groz" in compound_suffixes("zorg")  # …jeugdzorg, reversed
    assert "nedar" in compound_suffixes("raad")  # …gemeenteraden
    assert compound_suffixes("wet") == []
