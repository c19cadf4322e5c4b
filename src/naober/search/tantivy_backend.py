"""The embedded tantivy engine behind the search interface (BM25 top-k; one writer, many readers)."""

from __future__ import annotations

import datetime
import html
import logging
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import tantivy

from naober.search.analysis import (
    CHOSEN,
    MAX_TOKEN_CHARS,
    REVERSED_MIN_CHARS,
    fold,
)
from naober.search.backend import (
    MAX_PAGES,
    FacetBucket,
    IndexStats,
    SearchDocument,
    SearchHit,
    SearchQuery,
    SearchResults,
    Sort,
    Term,
)
from naober.search.tantivy_index import NEVER, SCHEMA_VERSION, IndexDirectory, IndexUnavailable
from naober.search.tantivy_query import QueryBuilder

logger = logging.getLogger(__name__)

FACETS = ("cooperation", "body", "year", "kind")
FACET_SIZE = 50
SNIPPET_CHARS = 240
FALLBACK_SNIPPET_CHARS = 200
INDEXED_TEXT_LIMIT = 200_000  # characters of a document's text that are indexed and can be snippeted
COMMIT_EVERY = 5_000


def _seconds(moment: datetime.datetime | None) -> int:
    return NEVER if moment is None else int(moment.timestamp())


_FOLDED: dict[str, str] = {}
_FOLDED_LIMIT = 500_000


def _folded(token: str) -> str:
    folded = _FOLDED.get(token)
    if folded is None:
        folded = fold(token)
        if len(_FOLDED) < _FOLDED_LIMIT:
            _FOLDED[token] = folded
    return folded


_LONG_WORD = re.compile(rf"[^\W_]{{{REVERSED_MIN_CHARS},}}")


def reversed_text(text: str) -> str:
    """The terms of `analysis.reversed_words` — the longer words, folded and reversed — joined by spaces for
    the whitespace-tokenized `*_rev` fields: no Python object per token (it took half of a rebuild's time).
    Shorter words, and the clitic after an apostrophe (`regio's`), never reach the minimum length."""
    found = []
    for token in _LONG_WORD.findall(text):
        folded = token.lower() if token.isascii() else _folded(token)
        if REVERSED_MIN_CHARS <= len(folded) <= MAX_TOKEN_CHARS:
            found.append(folded[::-1])
    return " ".join(found)


class TantivyBackend:
    def __init__(self, path: str, *, analyzer: str = CHOSEN, compounds: bool = True) -> None:
        self.directory = IndexDirectory(path, analyzer)
        self.builder = QueryBuilder(self.directory.schema, self.directory.analyzer, compounds=compounds)

    # Writing

    def _document(self, item: SearchDocument) -> Any:
        analyzer = self.directory.analyzer
        text = item.text[:INDEXED_TEXT_LIMIT]
        doc = tantivy.Document()
        doc.add_text("key", item.key)
        doc.add_text("kind", item.kind)
        doc.add_text("cooperation", item.cooperation)
        doc.add_integer("cooperation_id", item.cooperation_id)
        for body in item.bodies:
            doc.add_text("body", str(body))
        doc.add_text("url", item.url)
        doc.add_date("date", item.date)
        doc.add_integer("year", item.year)
        doc.add_text("title", item.title)
        doc.add_text("text", text)
        for field, value in (("title_stem", item.title), ("text_stem", text)):
            analysed = analyzer.index_value(value)
            if isinstance(analysed, str):
                doc.add_text(field, analysed)
            else:
                doc.add_pre_tokenized_text(field, analysed)
        doc.add_text("title_rev", reversed_text(item.title))
        doc.add_text("text_rev", reversed_text(text))
        doc.add_integer("level", item.level)
        doc.add_integer("published_at", _seconds(item.published_at))
        doc.add_integer("secret_until", _seconds(item.secret_until) if item.level >= 2 else 0)
        doc.add_integer("open", int(item.open))
        if item.meeting_day is not None:
            doc.add_integer("meeting_day", item.meeting_day.toordinal())
        for user in item.recipients:
            doc.add_integer("recipients", user)
        for user in item.trusted_users:
            doc.add_integer("trusted_users", user)
        return doc

    def _write(self, index: Any, documents: Iterable[SearchDocument], deletions: Iterable[str]) -> int:
        with self.directory.write_lock:
            writer = self.directory.writer(index)
            written = 0
            try:
                for key in deletions:
                    writer.delete_documents_by_term("key", key)
                for item in documents:
                    writer.delete_documents_by_term("key", item.key)
                    writer.add_document(self._document(item))
                    written += 1
                    if written % COMMIT_EVERY == 0:
                        writer.commit()
                writer.commit()
            except BaseException:
                writer.rollback()
                raise
            finally:
                writer.wait_merging_threads()
        return written

    def index(self, documents: Iterable[SearchDocument]) -> int:
        return self._write(self.directory.open(), documents, ())

    def delete(self, keys: Iterable[str]) -> None:
        self._write(self.directory.open(), (), list(keys))

    def rebuild(self, documents: Iterable[SearchDocument]) -> int:
        name, index = self.directory.create()
        try:
            written = self._write(index, documents, ())
        except BaseException:
            self.directory.discard(name)
            raise
        self.directory.publish(name)
        return written

    def clear(self) -> None:
        self.rebuild(())

    def available(self) -> bool:
        try:
            self.directory.open()
        except IndexUnavailable:
            return False
        return True

    def stats(self) -> IndexStats:
        try:
            documents = self.directory.open().searcher().num_docs
            available = True
        except IndexUnavailable:
            documents, available = 0, False
        return IndexStats(
            documents=documents,
            path=str(self.directory.root),
            version=str(SCHEMA_VERSION),
            analyzer=self.directory.analyzer.name,
            available=available,
        )

    # Searching

    def search(self, query: SearchQuery) -> SearchResults:
        page = max(1, min(query.page, MAX_PAGES))
        results = SearchResults(page=page, page_size=query.page_size)
        try:
            index = self.directory.open()
        except IndexUnavailable:
            results.index_unavailable = True
            return results
        searcher = index.searcher()
        try:
            self._run(searcher, query, results)
        except Exception:  # noqa: BLE001 - a search box never fails: retry with every part as a plain word
            # Should not happen (queries are built, not parsed from user input).
            logger.exception("search failed; retrying with plain words")
            plain = tuple(
                Term(word) for term in query.terms if not term.exclude for word in term.text.split()
            )
            retry = replace(query, terms=plain)
            results = SearchResults(page=page, page_size=query.page_size, query_error=True)
            try:
                self._run(searcher, retry, results)
            except Exception:  # noqa: BLE001 - still no 500: an empty result that says so
                logger.exception("plain search failed too")
        return results

    def _run(self, searcher: Any, query: SearchQuery, results: SearchResults) -> None:
        full = self.builder.full_query(query, searcher=searcher)
        offset = (results.page - 1) * query.page_size
        options: dict[str, Any] = {"limit": query.page_size, "offset": offset, "count": True}
        if query.sort in (Sort.NEWEST, Sort.OLDEST):
            options["order_by_field"] = "date"
            options["order"] = tantivy.Order.Desc if query.sort == Sort.NEWEST else tantivy.Order.Asc
        found = searcher.search(full, **options)
        results.total = found.count or 0
        results.hits = self._hits(searcher, query, found.hits)
        if query.with_facets:
            results.facets = self._facets(searcher, query, full)

    def _hits(self, searcher: Any, query: SearchQuery, found: list[tuple[Any, Any]]) -> list[SearchHit]:
        if not found:
            return []
        snippets = titles = None
        if query.with_snippets:
            schema = self.directory.schema
            text_query = self.builder.highlight_query(searcher, query.terms, "text")
            title_query = self.builder.highlight_query(searcher, query.terms, "title")
            snippets = tantivy.SnippetGenerator.create(searcher, text_query, schema, "text")
            snippets.set_max_num_chars(SNIPPET_CHARS)
            titles = tantivy.SnippetGenerator.create(searcher, title_query, schema, "title")
            titles.set_max_num_chars(1000)
        hits = []
        for order_key, address in found:
            doc = searcher.doc(address)
            title = doc.get_first("title") or ""
            snippet, title_html = "", ""
            if snippets is not None and titles is not None:
                snippet = snippets.snippet_from_doc(doc).to_html()
                if not snippet:  # matched in the title only: show the start of the text
                    snippet = html.escape((doc.get_first("text") or "")[:FALLBACK_SNIPPET_CHARS])
                title_html = titles.snippet_from_doc(doc).to_html()
            hits.append(
                SearchHit(
                    key=doc.get_first("key"),
                    kind=doc.get_first("kind"),
                    title=title,
                    url=doc.get_first("url") or "",
                    date=doc.get_first("date"),
                    cooperation=doc.get_first("cooperation") or "",
                    bodies=tuple(int(body) for body in doc.get_all("body")),
                    snippet=snippet,
                    title_html=title_html or html.escape(title),
                    score=float(order_key) if query.sort == Sort.RELEVANCE else 0.0,
                )
            )
        return hits

    def _facets(self, searcher: Any, query: SearchQuery, full: Any) -> dict[str, list[FacetBucket]]:
        """Counts per facet value on the permission-filtered query. A facet with a chosen value is counted
        without its own filter, so the other values stay visible to switch to."""
        spec = {name: {"terms": {"field": name, "size": FACET_SIZE}} for name in FACETS}
        selected = {name for name in FACETS if getattr(query.filters, name) not in (None, "")}
        unselected = {name: spec[name] for name in FACETS if name not in selected}
        answers: dict[str, Any] = searcher.aggregate(full, unselected) if unselected else {}
        for name in selected:
            own = self.builder.full_query(query, skip_filter=name, searcher=searcher)
            answers.update(searcher.aggregate(own, {name: spec[name]}))
        facets: dict[str, list[FacetBucket]] = {}
        for name in FACETS:
            buckets = answers.get(name, {}).get("buckets", [])
            facets[name] = [
                FacetBucket(value=str(bucket["key"]), count=int(bucket["doc_count"]))
                for bucket in buckets
                if int(bucket["doc_count"]) > 0
            ]
        return facets
