"""Recall and precision of the analyzers on the labelled Dutch queries (tests/search/relevance_corpus.py).

Run `pytest tests/search/test_relevance.py -s` to print the table that docs/search.md shows.
"""

from __future__ import annotations

import datetime
import tempfile
import time
from dataclasses import dataclass

from naober.search.backend import AccessFilter, Kind, SearchDocument, SearchQuery
from naober.search.query import parse
from naober.search.tantivy_backend import TantivyBackend
from tests.search.relevance_corpus import DOCS, QUERIES

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
NOW = datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC)

# (label, analyzer, compound matching)
VARIANTS = [
    ("snowball (tantivy)", "snowball", False),
    ("snowball (tantivy) + compounds", "snowball", True),
    ("porter (classic)", "porter", False),
    ("porter (classic) + compounds", "porter", True),
]


@dataclass
class Score:
    label: str
    recall: float  # mean over queries
    precision: float  # mean over queries that returned anything; an empty answer counts as precision 1
    micro_recall: float
    micro_precision: float
    perfect: int  # queries with exactly the expected hits
    misses: list[str]
    index_ms: float


def corpus_documents() -> list[SearchDocument]:
    return [
        SearchDocument(
            key=key,
            kind=Kind.DOCUMENT,
            title=title,
            text=text,
            url=f"/{key}/",
            date=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(days=int(key[1:])),
            cooperation="regio",
            cooperation_id=1,
            published_at=EPOCH,
            open=True,
        )
        for key, (title, text) in DOCS.items()
    ]


def evaluate(label: str, analyzer: str, compounds: bool) -> Score:
    with tempfile.TemporaryDirectory() as directory:
        backend = TantivyBackend(directory, analyzer=analyzer, compounds=compounds)
        started = time.perf_counter()
        backend.rebuild(corpus_documents())
        index_ms = (time.perf_counter() - started) * 1000
        recalls, precisions, misses = [], [], []
        found_relevant = found_total = relevant_total = perfect = 0
        for text, expected in QUERIES:
            query = SearchQuery(
                terms=parse(text),
                access=AccessFilter(),
                now=NOW,
                page_size=100,
                with_facets=False,
                with_snippets=False,
            )
            got = {hit.key for hit in backend.search(query).hits}
            hits = len(got & expected)
            recalls.append(hits / len(expected))
            precisions.append(hits / len(got) if got else 1.0)
            found_relevant += hits
            found_total += len(got)
            relevant_total += len(expected)
            if got == expected:
                perfect += 1
            else:
                missing = ",".join(sorted(expected - got)) or "-"
                extra = ",".join(sorted(got - expected)) or "-"
                misses.append(f"{text!r}: missing {missing}; extra {extra}")
    return Score(
        label=label,
        recall=sum(recalls) / len(recalls),
        precision=sum(precisions) / len(precisions),
        micro_recall=found_relevant / relevant_total,
        micro_precision=found_relevant / found_total if found_total else 1.0,
        perfect=perfect,
        misses=misses,
        index_ms=index_ms,
    )


def table(scores: list[Score]) -> str:
    lines = [
        f"{len(QUERIES)} queries, {len(DOCS)} documents",
        "",
        "| analyzer | recall | precision | micro recall | micro precision | exact answers |",
        "|---|---|---|---|---|---|",
    ]
    lines.extend(
        f"| {score.label} | {score.recall:.3f} | {score.precision:.3f} | {score.micro_recall:.3f} | "
        f"{score.micro_precision:.3f} | {score.perfect}/{len(QUERIES)} |"
        for score in scores
    )
    return "\n".join(lines)


def evaluate_all() -> list[Score]:
    return [evaluate(label, analyzer, compounds) for label, analyzer, compounds in VARIANTS]


if __name__ == "__main__":  # pragma: no cover - run through pytest -s (Django settings) normally
    for score in evaluate_all():
        print(score.label)
        for miss in score.misses:
            print("   ", miss)
    print(table(evaluate_all()))
