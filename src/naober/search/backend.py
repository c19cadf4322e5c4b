"""The search interface: what callers hand to an engine and what they get back.

Nothing here knows tantivy. A backend indexes `SearchDocument`s (one per meeting, agenda item, decision,
dossier or document, with its permission fields) and answers a `SearchQuery` — the parsed words, the filters
and an `AccessFilter` that the backend must apply *inside* the engine, so that totals, facet counts and
snippets are computed on what the viewer may see. `get_backend()` picks the engine from the setting
`NAOBER_SEARCH_BACKEND`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PAGE_SIZE = 20
MAX_PAGES = 50


class Level:
    """How closed a search document is (its most closed part): the `level` field."""

    PUBLIC = 0
    CONFIDENTIAL = 1
    SECRET = 2


class Kind:
    MEETING = "meeting"
    AGENDA_ITEM = "agenda_item"
    DECISION = "decision"
    DOSSIER = "dossier"
    DOCUMENT = "document"

    ALL = (MEETING, AGENDA_ITEM, DECISION, DOSSIER, DOCUMENT)


@dataclass(frozen=True)
class SearchDocument:
    """One object as the engine sees it. `key` is stable (`agenda_item:42`), so updates replace it.

    Permission fields (docs/search.md): `level`; `published_at` — from when anyone may see it (None: not
    public, or not yet published); `secret_until` — when a secret level falls back to confidential (None:
    not before it is lifted by hand); `open` — its meeting (or, for a dossier, a meeting it was on) is
    published, which members and recipients need too; `cooperation_id` for editors; `bodies` whose members
    may see confidential content (also the body facet); `meeting_day` for members whose membership covered
    the meeting's day; `recipients` who may see it while secret; `trusted_users` who may see it as members
    do (recipients of a secrecy on it or on what contains it, lifted ones included).
    """

    key: str
    kind: str
    title: str
    text: str
    url: str
    date: datetime.datetime
    cooperation: str
    cooperation_id: int
    bodies: tuple[int, ...] = ()
    meeting_day: datetime.date | None = None
    level: int = Level.PUBLIC
    published_at: datetime.datetime | None = None
    secret_until: datetime.datetime | None = None
    open: bool = False
    recipients: tuple[int, ...] = ()
    trusted_users: tuple[int, ...] = ()

    @property
    def year(self) -> int:
        return self.date.year


@dataclass(frozen=True)
class MemberPeriod:
    """A past or future membership: trusted for meetings of `body_id` on days in [start, end)."""

    body_id: int
    start: datetime.date
    end: datetime.date | None


@dataclass(frozen=True)
class AccessFilter:
    """What a reader may see, in engine-neutral terms. The default is the anonymous public."""

    user_id: int | None = None
    all_cooperations: bool = False
    editor_cooperation_ids: frozenset[int] = frozenset()
    member_body_ids: frozenset[int] = frozenset()
    member_periods: tuple[MemberPeriod, ...] = ()

    @property
    def is_anonymous(self) -> bool:
        return self.user_id is None and not self.all_cooperations and not self.editor_cooperation_ids


class Sort:
    RELEVANCE = "relevance"
    NEWEST = "newest"
    OLDEST = "oldest"

    ALL = (RELEVANCE, NEWEST, OLDEST)


@dataclass(frozen=True)
class Filters:
    cooperation: str | None = None
    body: int | None = None
    year: int | None = None
    kind: str | None = None


@dataclass(frozen=True)
class Term:
    """One part of a user query: a word, a prefix (`woning*`) or a phrase (`"regionale energiestrategie"`)."""

    text: str
    prefix: bool = False
    phrase: bool = False
    exclude: bool = False


@dataclass(frozen=True)
class SearchQuery:
    terms: tuple[Term, ...]
    access: AccessFilter
    now: datetime.datetime
    filters: Filters = Filters()
    sort: str = Sort.RELEVANCE
    page: int = 1
    page_size: int = PAGE_SIZE
    with_facets: bool = True
    with_snippets: bool = True


@dataclass(frozen=True)
class SearchHit:
    key: str
    kind: str
    title: str
    url: str
    date: datetime.datetime
    cooperation: str
    bodies: tuple[int, ...]
    snippet: str  # HTML: escaped text, matches in <b>
    title_html: str  # HTML: escaped title, matches in <b>
    score: float


@dataclass(frozen=True)
class FacetBucket:
    value: str
    count: int
    label: str = ""


@dataclass
class SearchResults:
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    page_size: int = PAGE_SIZE
    facets: dict[str, list[FacetBucket]] = field(default_factory=dict)
    # Display names by facet and value (filled in by services.search_for): {"body": {"12": "BO Wonen"}}
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    index_unavailable: bool = False
    query_error: bool = False

    @property
    def pages(self) -> int:
        return min(MAX_PAGES, -(-self.total // self.page_size)) if self.total else 0

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


@dataclass(frozen=True)
class IndexStats:
    documents: int
    path: str
    version: str
    analyzer: str
    available: bool


class SearchBackend(Protocol):
    def available(self) -> bool:
        """Is there an index of the current version to search in?"""

    def index(self, documents: Iterable[SearchDocument]) -> int:
        """Add or replace documents by key; returns how many were written."""

    def delete(self, keys: Iterable[str]) -> None: ...

    def search(self, query: SearchQuery) -> SearchResults: ...

    def clear(self) -> None:
        """Start over with an empty index of the current version."""

    def rebuild(self, documents: Iterable[SearchDocument]) -> int:
        """Build a complete new index from `documents` beside the current one, then swap atomically."""

    def stats(self) -> IndexStats: ...


BACKENDS = {"tantivy": "naober.search.tantivy_backend.TantivyBackend"}
_backends: dict[str, SearchBackend] = {}


def get_backend() -> SearchBackend:
    """The configured backend, one instance per process (it keeps the opened index)."""
    from django.utils.module_loading import import_string

    name = getattr(settings, "NAOBER_SEARCH_BACKEND", "tantivy")
    if name not in BACKENDS:
        raise ImproperlyConfigured(
            f"NAOBER_SEARCH_BACKEND must be one of {', '.join(BACKENDS)}, not {name!r}."
        )
    directory = str(search_directory())
    cache_key = f"{name}:{directory}"
    if cache_key not in _backends:
        _backends[cache_key] = import_string(BACKENDS[name])(directory)
    return _backends[cache_key]


def search_directory() -> Path:
    configured = getattr(settings, "NAOBER_SEARCH_DIR", None)
    return Path(configured) if configured else Path(settings.DATA_DIR) / "search"
