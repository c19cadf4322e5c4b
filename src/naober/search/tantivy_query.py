"""Turning a `SearchQuery` into tantivy queries: the words, the filters and the viewer's permissions.

The permission query is part of the query the engine runs, so totals, facet counts and snippets only ever
see documents the viewer may see (docs/search.md, "Permissions"):

    public        published_at <= now
    editors       cooperation_id in the editor's cooperations  AND not secret now
    members       open AND not secret now AND (body in current bodies OR body/meeting_day in a past
                  membership OR trusted_users = user)
    recipients    recipients = user AND (open OR editor of its cooperation)

where "not secret now" is level <= 1 or a secrecy whose lift date has passed.
"""

from __future__ import annotations

import datetime
from typing import Any

from tantivy import FieldType, Occur, Query

from naober.search.analysis import MODIFIER_MIN_CHARS, Analyzer, compound_prefix, compound_suffixes
from naober.search.backend import AccessFilter, Filters, Level, SearchQuery, Term

TITLE_BOOST = 3.0
# Compound matches (analysis.compound_prefix/compound_suffixes) score below a match of the word itself.
COMPOUND_TITLE_BOOST = 1.0
COMPOUND_TEXT_BOOST = 0.3
HIGHLIGHT_CANDIDATES = 2000


def _all(clauses: list[Any]) -> Any:
    return (
        clauses[0] if len(clauses) == 1 else Query.boolean_query([(Occur.Must, clause) for clause in clauses])
    )


def _any(clauses: list[Any]) -> Any:
    if not clauses:
        return Query.empty_query()
    return clauses[0] if len(clauses) == 1 else Query.boolean_query([(Occur.Should, c) for c in clauses])


def _filter(query: Any) -> Any:
    """A clause that filters without changing the score."""
    return Query.const_score_query(query, 0.0)


class QueryBuilder:
    def __init__(self, schema: Any, analyzer: Analyzer, *, compounds: bool = True) -> None:
        self.schema = schema
        self.analyzer = analyzer
        self.compounds = compounds

    # Words

    def _int_range(self, field: str, lower: int | None = None, upper: int | None = None) -> Any:
        return Query.range_query(self.schema, field, FieldType.Integer, lower_bound=lower, upper_bound=upper)

    def _prefix(self, field: str, prefix: str, boost: float) -> Any:
        # Words are folded alphanumerics (analysis.words), so nothing in them is regex syntax.
        return Query.boost_query(Query.regex_query(self.schema, field, f"{prefix}.*"), boost)

    def _stem_clauses(self, stems: list[str]) -> list[Any]:
        if len(stems) == 1:
            title = Query.term_query(self.schema, "title_stem", stems[0])
            text = Query.term_query(self.schema, "text_stem", stems[0])
        else:
            phrase: list[str | tuple[int, str]] = list(stems)
            title = Query.phrase_query(self.schema, "title_stem", phrase)
            text = Query.phrase_query(self.schema, "text_stem", phrase)
        return [Query.boost_query(title, TITLE_BOOST), text]

    def term_query(self, term: Term, searcher: Any = None) -> Any:
        if term.prefix:
            return _any([self._prefix("title", term.text, TITLE_BOOST), self._prefix("text", term.text, 1.0)])
        stems = self.analyzer.stems(term.text)
        if not stems:
            return Query.empty_query()
        clauses = self._stem_clauses(stems)
        if not term.phrase:
            # The word exactly as typed ranks above its other inflections (`woningen` above `wonen`).
            clauses.append(Query.boost_query(Query.term_query(self.schema, "title", term.text), TITLE_BOOST))
            clauses.append(Query.term_query(self.schema, "text", term.text))
        if self.compounds and not term.phrase:
            clauses.extend(self._compound_clauses(term.text, searcher))
        return _any(clauses)

    def _suffix_terms(self, searcher: Any, field: str, suffixes: list[str]) -> list[str]:
        """The reversed words in `field` that end a compound on one of `suffixes` (at least a modifier's
        length more), read from the term dictionary: a regex query with `.{3,}` compiled a Unicode automaton
        of several milliseconds for every word of every search."""
        found: set[str] = set()
        for suffix in suffixes:
            for form, _count in searcher.terms_with_prefix(field, suffix, limit=HIGHLIGHT_CANDIDATES):
                if len(form) >= len(suffix) + MODIFIER_MIN_CHARS:
                    found.add(form)
        return sorted(found)

    def _compound_clauses(self, word: str, searcher: Any = None) -> list[Any]:
        clauses = []
        prefix = compound_prefix(word)
        if prefix is not None:
            clauses.append(self._prefix("title", prefix, COMPOUND_TITLE_BOOST))
            clauses.append(self._prefix("text", prefix, COMPOUND_TEXT_BOOST))
        suffixes = compound_suffixes(word)
        if suffixes:
            pattern = f"({'|'.join(suffixes)}).{{{MODIFIER_MIN_CHARS},}}"
            for field, boost in (("title_rev", COMPOUND_TITLE_BOOST), ("text_rev", COMPOUND_TEXT_BOOST)):
                if searcher is None:
                    found = Query.regex_query(self.schema, field, pattern)
                else:
                    terms = self._suffix_terms(searcher, field, suffixes)
                    if not terms:
                        continue
                    found = Query.term_set_query(self.schema, field, terms)
                clauses.append(Query.boost_query(found, boost))
        return clauses

    def text_query(self, terms: tuple[Term, ...], searcher: Any = None) -> Any:
        """`searcher` (optional) lets compound suffixes be looked up in the term dictionary."""
        wanted = [(Occur.Must, self.term_query(term, searcher)) for term in terms if not term.exclude]
        if not wanted:
            wanted = [(Occur.Must, Query.all_query())]
        unwanted = [(Occur.MustNot, self.term_query(term, searcher)) for term in terms if term.exclude]
        return Query.boolean_query(wanted + unwanted)

    # Filters and permissions

    def filter_clauses(self, filters: Filters, *, skip: str | None = None) -> list[Any]:
        clauses = []
        if filters.cooperation and skip != "cooperation":
            clauses.append(Query.term_query(self.schema, "cooperation", filters.cooperation))
        if filters.body is not None and skip != "body":
            clauses.append(Query.term_query(self.schema, "body", str(filters.body)))
        if filters.year is not None and skip != "year":
            clauses.append(Query.term_query(self.schema, "year", filters.year))
        if filters.kind and skip != "kind":
            clauses.append(Query.term_query(self.schema, "kind", filters.kind))
        return clauses

    def access_query(self, access: AccessFilter, now: datetime.datetime) -> Any:
        moment = int(now.timestamp())
        public = self._int_range("published_at", upper=moment)
        not_secret = _any(
            [
                self._int_range("level", upper=Level.CONFIDENTIAL),
                _all(
                    [
                        self._int_range("level", lower=Level.SECRET),
                        self._int_range("secret_until", upper=moment),
                    ]
                ),
            ]
        )
        is_open = Query.term_query(self.schema, "open", 1)
        clauses = [public]
        editor: Any = None
        if access.all_cooperations:
            editor = Query.all_query()
            clauses.append(not_secret)
        elif access.editor_cooperation_ids:
            editor = Query.term_set_query(
                self.schema, "cooperation_id", sorted(access.editor_cooperation_ids)
            )
            clauses.append(_all([editor, not_secret]))
        trusted = []
        if access.member_body_ids:
            bodies = [str(body) for body in sorted(access.member_body_ids)]
            trusted.append(Query.term_set_query(self.schema, "body", bodies))
        for period in access.member_periods:
            last = None if period.end is None else period.end.toordinal() - 1
            trusted.append(
                _all(
                    [
                        Query.term_query(self.schema, "body", str(period.body_id)),
                        self._int_range("meeting_day", lower=period.start.toordinal(), upper=last),
                    ]
                )
            )
        if access.user_id is not None:
            trusted.append(Query.term_query(self.schema, "trusted_users", access.user_id))
        if trusted:
            clauses.append(_all([is_open, not_secret, _any(trusted)]))
        if access.user_id is not None:
            recipient = Query.term_query(self.schema, "recipients", access.user_id)
            clauses.append(_all([recipient, _any([is_open, editor] if editor is not None else [is_open])]))
        return _any(clauses)

    def full_query(self, query: SearchQuery, *, skip_filter: str | None = None, searcher: Any = None) -> Any:
        clauses = [(Occur.Must, self.text_query(query.terms, searcher))]
        clauses.append((Occur.Must, _filter(self.access_query(query.access, query.now))))
        clauses.extend(
            (Occur.Must, _filter(clause)) for clause in self.filter_clauses(query.filters, skip=skip_filter)
        )
        return Query.boolean_query(clauses)

    # Highlighting

    def highlight_query(self, searcher: Any, terms: tuple[Term, ...], field: str) -> Any:
        """The surface words of `field` that the query matched, as plain terms a SnippetGenerator can mark:
        the stems' inflected forms (`woningen` for `woning`), and the compounds and prefixes."""
        forms: set[str] = set()
        for term in terms:
            if term.exclude:
                continue
            for word in term.text.split():
                forms.update(self._forms(searcher, field, word, prefix=term.prefix, phrase=term.phrase))
        if not forms:
            return Query.empty_query()
        return Query.term_set_query(self.schema, field, sorted(forms))

    def _forms(self, searcher: Any, field: str, word: str, *, prefix: bool, phrase: bool) -> set[str]:
        if prefix:
            return {
                form for form, _count in searcher.terms_with_prefix(field, word, limit=HIGHLIGHT_CANDIDATES)
            }
        stems = self.analyzer.stems(word)
        start = word[: max(3, _common_prefix(word, stems[0] if stems else word) - 1)]
        candidates = searcher.terms_with_prefix(field, start, limit=HIGHLIGHT_CANDIDATES)
        forms = {form for form, _count in candidates if self.analyzer.stems(form) == stems}
        if self.compounds and not phrase:
            base = compound_prefix(word)
            if base is not None:
                found = searcher.terms_with_prefix(field, base, limit=HIGHLIGHT_CANDIDATES)
                forms.update(form for form, _count in found)
            for suffix in compound_suffixes(word):
                found = searcher.terms_with_prefix(f"{field}_rev", suffix, limit=HIGHLIGHT_CANDIDATES)
                forms.update(
                    form[::-1] for form, _count in found if len(form) >= len(suffix) + MODIFIER_MIN_CHARS
                )
        return forms


def _common_prefix(first: str, second: str) -> int:
    length = 0
    for left, right in zip(first, second, strict=False):
        if left != right:
            break
        length += 1
    return length
