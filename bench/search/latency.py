"""Search latency and indexing speed of the tantivy backend on a synthetic Dutch corpus.

    .venv/bin/python bench/search/latency.py --documents 50000

Documents are random mixes of the sentences of the labelled test corpus (tests/search/relevance_corpus.py),
~1-4 kB each, spread over 20 cooperations and all permission levels; the queries are the 72 labelled ones,
run as an anonymous visitor and as a member of two bodies (the permission clauses are part of every query).
No database is involved: this measures the engine and the query building only.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naober.config.test_settings")

import django  # noqa: E402

django.setup()

from tests.search.relevance_corpus import DOCS, QUERIES  # noqa: E402

from naober.search.backend import AccessFilter, Kind, Level, SearchDocument, SearchQuery  # noqa: E402
from naober.search.query import parse  # noqa: E402
from naober.search.tantivy_backend import TantivyBackend  # noqa: E402

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def corpus(count: int, seed: int = 7) -> list[SearchDocument]:
    rng = random.Random(seed)
    sentences = [s.strip() + "." for _title, text in DOCS.values() for s in text.split(".") if s.strip()]
    titles = [title for title, _text in DOCS.values()]
    base = datetime.datetime(2016, 1, 1, tzinfo=datetime.UTC)
    documents = []
    for number in range(count):
        level = rng.choices([Level.PUBLIC, Level.CONFIDENTIAL, Level.SECRET], weights=[80, 15, 5])[0]
        documents.append(
            SearchDocument(
                key=f"document:{number}",
                kind=rng.choice(Kind.ALL),
                title=rng.choice(titles),
                text=" ".join(rng.choices(sentences, k=rng.randint(10, 40))),
                url=f"/x/{number}/",
                date=base + datetime.timedelta(hours=number % 87600),
                cooperation=f"regio-{number % 20}",
                cooperation_id=number % 20,
                bodies=(number % 300,),
                meeting_day=(base + datetime.timedelta(hours=number % 87600)).date(),
                level=level,
                published_at=EPOCH if level == Level.PUBLIC else None,
                open=True,
                recipients=(number % 50,) if level == Level.SECRET else (),
            )
        )
    return documents


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-compounds", action="store_true", help="without compound matching, to compare")
    options = parser.parse_args()
    documents = corpus(options.documents)
    size = sum(len(doc.text) for doc in documents) / len(documents)
    with tempfile.TemporaryDirectory() as directory:
        backend = TantivyBackend(directory, compounds=not options.no_compounds)
        started = time.perf_counter()
        backend.rebuild(documents)
        seconds = time.perf_counter() - started
        print(
            f"indexed {len(documents)} documents (~{size / 1000:.1f} kB) in {seconds:.1f} s "
            f"({len(documents) / seconds:.0f} documents/s)"
        )
        now = datetime.datetime.now(tz=datetime.UTC)
        readers = {
            "anonymous": AccessFilter(),
            "member of 2 bodies": AccessFilter(user_id=7, member_body_ids=frozenset({3, 42})),
        }
        for label, access in readers.items():
            for facets, snippets in ((False, False), (False, True), (True, True)):
                timings = []
                for _round in range(options.rounds):
                    for text, _expected in QUERIES:
                        query = SearchQuery(
                            terms=parse(text),
                            access=access,
                            now=now,
                            with_facets=facets,
                            with_snippets=snippets,
                        )
                        begun = time.perf_counter()
                        backend.search(query)
                        timings.append((time.perf_counter() - begun) * 1000)
                timings.sort()
                p95 = timings[int(len(timings) * 0.95)]
                parts = ("facets " if facets else "") + ("snippets" if snippets else "")
                print(
                    f"{label:20} {parts or 'hits only':16} p50 {statistics.median(timings):5.1f} ms"
                    f"  p95 {p95:5.1f} ms  ({len(timings)} searches, pages of 20)"
                )


if __name__ == "__main__":
    main()
