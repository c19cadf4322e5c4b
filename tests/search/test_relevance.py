"""Dutch analysis chosen by measurement: recall and precision of each analyzer on 72 labelled queries.

`pytest tests/search/test_relevance.py -s` prints the table shown in docs/search.md.
"""

from __future__ import annotations

from naober.search.analysis import CHOSEN
from tests.search.relevance import VARIANTS, evaluate_all, table
from tests.search.relevance_corpus import DOCS, QUERIES


def f1(recall: float, precision: float) -> float:
    return 2 * recall * precision / (recall + precision)


def test_the_labelled_set_is_large_enough() -> None:
    assert len(QUERIES) >= 50
    assert all(expected <= DOCS.keys() for _query, expected in QUERIES)


def test_the_chosen_analyzer_is_the_best_measured_and_good_enough() -> None:
    scores = evaluate_all()
    print("\n" + table(scores))
    chosen = next(
        score
        for score, (_label, analyzer, compounds) in zip(scores, VARIANTS, strict=True)
        if analyzer == CHOSEN and compounds
    )
    print(f"\n{chosen.label} (in use) — queries not answered exactly:")
    for miss in chosen.misses:
        print("   ", miss)
    assert chosen.recall >= 0.95
    assert chosen.precision >= 0.9
    assert f1(chosen.recall, chosen.precision) == max(f1(score.recall, score.precision) for score in scores)
