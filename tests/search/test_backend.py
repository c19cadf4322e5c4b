"""The tantivy backend on hand-made search documents (no database): Dutch analysis, query forms, facets,
sorting, pages, snippets, and an index that is missing or outdated."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from naober.search.backend import (
    MAX_PAGES,
    AccessFilter,
    Filters,
    Kind,
    SearchDocument,
    SearchQuery,
    SearchResults,
    Sort,
)
from naober.search.query import parse
from naober.search.tantivy_backend import TantivyBackend
from naober.search.tantivy_index import META_FILE, POINTER_FILE

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
NOW = datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC)


def doc(key: str, title: str, text: str = "", **fields: object) -> SearchDocument:
    values: dict[str, object] = {
        "kind": Kind.AGENDA_ITEM,
        "url": f"/ra/vergaderingen/1/#punt-{key}",
        "date": datetime.datetime(2026, 3, 1, 14, tzinfo=datetime.UTC),
        "cooperation": "ra",
        "cooperation_id": 1,
        "bodies": (7,),
        "published_at": EPOCH,
        "open": True,
    }
    values.update(fields)
    return SearchDocument(key=key, title=title, text=text, **values)


def search(backend: TantivyBackend, q: str, **options: object) -> SearchResults:
    return backend.search(SearchQuery(terms=parse(q), access=AccessFilter(), now=NOW, **options))


def keys(results: SearchResults) -> list[str]:
    return [hit.key for hit in results.hits]


@pytest.fixture
def backend(tmp_path: Path) -> TantivyBackend:
    engine = TantivyBackend(str(tmp_path / "search"))
    engine.rebuild(
        [
            doc("m1", "BO Wonen", "Vergadering in Amersfoort", kind=Kind.MEETING),
            doc("a1", "Woningbouwprogramma 2026", "De gemeenten bouwen woningen.", kind=Kind.DECISION),
            doc("a2", "Jeugdzorg", "Inkoop van specialistische jeugdzorg door de gemeente."),
            doc(
                "d1",
                "Regionale energiestrategie",
                "De regionale energiestrategie wijst zoekgebieden aan.",
                kind=Kind.DOSSIER,
                cooperation="fv",
                cooperation_id=2,
                bodies=(8,),
                date=datetime.datetime(2025, 5, 1, tzinfo=datetime.UTC),
            ),
            doc(
                "x1",
                "Energie in de regio",
                "Een strategie voor regionale samenwerking en energie.",
                kind=Kind.DOCUMENT,
                date=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
            ),
            doc("x2", "Bijlage", "Een woning voor <script>alert(1)</script> & starters.", kind=Kind.DOCUMENT),
        ]
    )
    return engine


def test_each_kind_is_indexed_and_found_with_its_fields(backend: TantivyBackend) -> None:
    results = search(backend, "vergadering amersfoort")
    assert keys(results) == ["m1"]
    hit = results.hits[0]
    assert (hit.kind, hit.title, hit.cooperation, hit.bodies) == (Kind.MEETING, "BO Wonen", "ra", (7,))
    assert hit.url == "/ra/vergaderingen/1/#punt-m1"
    assert hit.date == datetime.datetime(2026, 3, 1, 14, tzinfo=datetime.UTC)
    assert hit.score > 0
    assert {hit.kind for hit in search(backend, "regio*").hits} == {Kind.DOSSIER, Kind.DOCUMENT}
    assert keys(search(backend, "woningbouwprogramma")) == ["a1"]
    assert backend.stats().documents == 6


def test_dutch_inflections_match(backend: TantivyBackend) -> None:
    assert "x2" in keys(search(backend, "woningen"))  # woning
    assert "a1" in keys(search(backend, "woning"))  # woningen, woningbouwprogramma
    assert set(keys(search(backend, "gemeente"))) == {"a1", "a2"}  # gemeenten
    assert "d1" in keys(search(backend, "zoekgebied"))  # zoekgebieden


def test_all_words_must_match(backend: TantivyBackend) -> None:
    assert keys(search(backend, "jeugdzorg gemeente")) == ["a2"]
    assert keys(search(backend, "jeugdzorg woningen")) == []
    assert keys(search(backend, "de jeugdzorg")) == ["a2"]  # function words are not required


def test_phrases_want_the_words_in_order(backend: TantivyBackend) -> None:
    assert set(keys(search(backend, "regionale energie"))) == {"d1", "x1"}  # energiestrategie: a compound
    assert keys(search(backend, '"regionale energiestrategie"')) == ["d1"]
    assert keys(search(backend, '"energiestrategie regionale"')) == []
    assert keys(search(backend, "“Regionale Energiestrategie”")) == ["d1"]  # curly quotes, capitals


def test_prefixes_and_compounds(backend: TantivyBackend) -> None:
    assert set(keys(search(backend, "woning*"))) == {"a1", "x2"}
    assert keys(search(backend, "woningbouw")) == ["a1"]  # woningbouwprogramma
    assert keys(search(backend, "zorg")) == ["a2"]  # jeugdzorg
    assert set(keys(search(backend, "strategie"))) == {"d1", "x1"}  # energiestrategie, strategie


def test_exclusions(backend: TantivyBackend) -> None:
    assert keys(search(backend, "gemeente -jeugdzorg")) == ["a1"]
    assert parse("-jeugdzorg") == ()  # nothing to look for: the page shows no results


def test_facets_count_the_matches_and_keep_other_values_of_a_chosen_facet(backend: TantivyBackend) -> None:
    results = search(backend, "energie*")
    facets = {
        name: {bucket.value: bucket.count for bucket in buckets} for name, buckets in results.facets.items()
    }
    assert facets == {
        "cooperation": {"ra": 1, "fv": 1},
        "body": {"7": 1, "8": 1},
        "year": {"2024": 1, "2025": 1},
        "kind": {"dossier": 1, "document": 1},
    }
    chosen = search(backend, "energie*", filters=Filters(cooperation="fv"))
    assert keys(chosen) == ["d1"]
    assert {bucket.value: bucket.count for bucket in chosen.facets["cooperation"]} == {"ra": 1, "fv": 1}
    assert {bucket.value for bucket in chosen.facets["kind"]} == {"dossier"}
    assert keys(search(backend, "energie*", filters=Filters(year=2024))) == ["x1"]
    assert keys(search(backend, "energie*", filters=Filters(body=8))) == ["d1"]
    assert keys(search(backend, "energie*", filters=Filters(kind=Kind.DOCUMENT))) == ["x1"]


def test_filters_alone_browse_by_date(backend: TantivyBackend) -> None:
    results = backend.search(
        SearchQuery(
            terms=(), access=AccessFilter(), now=NOW, filters=Filters(cooperation="ra"), sort=Sort.NEWEST
        )
    )
    assert results.total == 5
    assert keys(results)[-1] == "x1"


def test_sorting_by_relevance_and_date(backend: TantivyBackend) -> None:
    assert keys(search(backend, "energie"))[0] == "x1"  # in its title
    assert keys(search(backend, "energie*", sort=Sort.NEWEST)) == ["d1", "x1"]
    assert keys(search(backend, "energie*", sort=Sort.OLDEST)) == ["x1", "d1"]


def test_pages(tmp_path: Path) -> None:
    engine = TantivyBackend(str(tmp_path / "search"))
    base = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    engine.rebuild(
        doc(f"p{number:02d}", f"Verkeersveiligheid {number}", date=base + datetime.timedelta(days=number))
        for number in range(45)
    )
    first = search(engine, "verkeersveiligheid", sort=Sort.OLDEST)
    assert (first.total, first.pages, len(first.hits), first.has_previous, first.has_next) == (
        45,
        3,
        20,
        False,
        True,
    )
    assert keys(first)[:2] == ["p00", "p01"]
    last = search(engine, "verkeersveiligheid", sort=Sort.OLDEST, page=3)
    assert keys(last) == [f"p{number}" for number in range(40, 45)]
    assert not last.has_next
    beyond = search(engine, "verkeersveiligheid", page=MAX_PAGES + 10)
    assert beyond.page == MAX_PAGES
    assert beyond.hits == []


def test_snippets_mark_the_matches_and_escape_the_text(backend: TantivyBackend) -> None:
    hit = next(hit for hit in search(backend, "woningen").hits if hit.key == "x2")
    assert "<b>woning</b>" in hit.snippet
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet
    decision = search(backend, "woningbouw").hits[0]
    assert "<b>Woningbouwprogramma</b>" in decision.title_html
    assert "<b>woningen</b>" not in decision.snippet  # not the word searched for
    assert "<b>jeugdzorg</b>" in search(backend, "zorg").hits[0].snippet  # a compound, marked
    assert (
        "<b>gemeenten</b>"
        in search(backend, "gemeente").hits[-1].snippet + search(backend, "gemeente").hits[0].snippet
    )


@pytest.mark.parametrize(
    "q",
    [
        '"unbalanced',
        "*",
        "-",
        "woning**",
        "title:woning",
        "((woning",
        "a AND OR NOT",
        "\\",
        "*woning",
        "é" * 600,
        "-*",
    ],
)
def test_odd_input_never_fails(backend: TantivyBackend, q: str) -> None:
    results = search(backend, q)
    assert not results.query_error
    assert results.total == len(results.hits)


def test_delete_and_replace(backend: TantivyBackend) -> None:
    backend.delete(["a2"])
    assert keys(search(backend, "jeugdzorg")) == []
    backend.index([doc("a1", "Woningbouwprogramma 2027", "Herzien.", kind=Kind.DECISION)])
    assert keys(search(backend, "herzien")) == ["a1"]
    assert backend.stats().documents == 5
    backend.clear()
    assert backend.stats().documents == 0
    assert backend.available()


def test_a_missing_index_is_reported_not_raised(tmp_path: Path) -> None:
    engine = TantivyBackend(str(tmp_path / "nothing-here"))
    assert not engine.available()
    assert search(engine, "woning").index_unavailable
    assert not engine.stats().available


def test_an_index_of_another_version_or_analyzer_counts_as_missing(backend: TantivyBackend) -> None:
    root = backend.directory.root
    live = root / (root / POINTER_FILE).read_text()
    meta = json.loads((live / META_FILE).read_text())
    (live / META_FILE).write_text(json.dumps({**meta, "schema": meta["schema"] - 1}))
    assert search(backend, "woning").index_unavailable
    (live / META_FILE).write_text(json.dumps({**meta, "analyzer": "porter"}))
    assert search(backend, "woning").index_unavailable
    (live / META_FILE).write_text(json.dumps(meta))
    assert not search(backend, "woning").index_unavailable
    (root / POINTER_FILE).write_text("index-gone")
    assert search(backend, "woning").index_unavailable


def test_a_rebuild_swaps_the_whole_index_at_once(backend: TantivyBackend) -> None:
    root = backend.directory.root
    before = (root / POINTER_FILE).read_text()
    backend.rebuild([doc("n1", "Nieuw")])
    after = (root / POINTER_FILE).read_text()
    assert after != before
    assert not (root / before).exists()
    assert keys(search(backend, "nieuw")) == ["n1"]
    assert keys(search(backend, "jeugdzorg")) == []


def test_a_failed_rebuild_leaves_the_live_index_alone(backend: TantivyBackend) -> None:
    def broken() -> object:
        yield doc("n1", "Nieuw")
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        backend.rebuild(broken())
    assert keys(search(backend, "jeugdzorg")) == ["a2"]
    assert len(list(backend.directory.root.glob("index-*"))) == 1


def test_an_engine_error_falls_back_to_plain_words(
    backend: TantivyBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = backend.builder.full_query
    calls: list[object] = []

    def failing_once(query: SearchQuery, **options: object) -> object:
        calls.append(query)
        if len(calls) == 1:
            raise ValueError("engine says no")
        return original(query, **options)

    monkeypatch.setattr(backend.builder, "full_query", failing_once)
    results = search(backend, '"gemeente jeugdzorg"')
    assert results.query_error
    assert keys(results) == ["a2"]  # as the words gemeente and jeugdzorg
