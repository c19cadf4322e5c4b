"""Search benchmark (issue #11, benchmark 2): naober's tantivy search against the databases' own full text.

    .venv/bin/python bench/search.py --database-url URL --data-dir DIR --label LABEL --out bench/results
        [--queries 240] [--seed 11] [--rounds 3] [--like-sample 40] [--no-build --tantivy-build-seconds S]

Corpus: the search documents naober indexes (`naober.search.indexing.all_documents()`: meetings, agenda
items and decisions, dossiers, documents' current text), with their permission fields. Engines, each built
from that same stream and asked the same queries, interleaved:

- `naober`: `search_for` as the search page calls it (viewer → access filter, engine, two label queries);
  `tantivy`: the engine alone through the real query path (`SearchQuery` with the `AccessFilter`, facets and
  snippets, a page of 20); `tantivy_top10`: the engine, hits only, top 10 — comparable with the databases;
- `postgresql` (when DATABASE_URL is PostgreSQL): table `bench_fts` in the same database, `tsv` =
  setweight(to_tsvector('dutch', title), 'A') || to_tsvector('dutch', text), GIN index, `to_tsquery` /
  `phraseto_tsquery` + `ts_rank_cd`, top 10;
- `sqlite_fts5` (when DATABASE_URL is SQLite): DATA_DIR/bench/search-fts.sqlite3, contentless FTS5 over text
  stemmed in Python with snowballstemmer's Dutch (the stemmer tantivy uses), `bm25()`, top 10;
- `like`: a naive scan of the raw title and text (`ILIKE`/`LIKE '%word%'`), newest first, top 10, on a
  sample of the queries (`--like-sample`).

Every engine applies the same permission and facet filters (the clauses of tantivy_query.access_query as SQL
WHERE clauses). Query classes: rare, frequent, and (2-3 words), phrase, prefix, permission (a member of a few
bodies), facet (cooperation/year/kind). Figures: build time and size per engine, p50/p95 per class and
engine, top-10 overlap with tantivy, recall@10 on the labelled Dutch queries
(tests/search/relevance_corpus.py). Writes search-<label>.json and search-<label>.md to --out.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import os
import platform
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CLASSES = ("rare", "frequent", "and", "phrase", "prefix", "permission", "facet")
TOP = 10
SAMPLE_DOCUMENTS = 3000
TARGET_ENGINE_P95_MS = 10.0
NEVER = 2**62
NO_USER = 2**31 - 1  # an account id no one has
_WORD = re.compile(r"[^\W_]+")
_VOCABULARY_WORD = re.compile(r"[^\W\d_]{4,}")


class BenchError(Exception):
    """Bad input: printed as one line, exit code 2."""


# Setup


def _bootstrap(options: argparse.Namespace) -> None:
    """Point Django at the database and data directory asked for, unless it already runs (the smoke test)."""
    for path in (str(ROOT), str(ROOT / "src")):
        if path not in sys.path:
            sys.path.insert(0, path)
    from django.apps import apps

    if apps.ready:
        return
    if options.database_url:
        os.environ["DATABASE_URL"] = options.database_url
    if options.data_dir:
        os.environ["NAOBER_DATA_DIR"] = str(Path(options.data_dir).resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naober.config.settings")
    import django

    django.setup()


def _vendor() -> str:
    from django.db import connection

    return connection.vendor


def _data_dir() -> Path:
    from django.conf import settings

    return Path(settings.DATA_DIR)


# Text for the SQL engines


def fold(text: str) -> str:
    text = text.lower()
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class Stemmer:
    """snowballstemmer's Dutch (the stemmer tantivy runs), cached per word: the vocabulary is small."""

    def __init__(self) -> None:
        import snowballstemmer

        self._stemmer = snowballstemmer.stemmer("dutch")
        self._cache: dict[str, str] = {}

    def word(self, word: str) -> str:
        stem = self._cache.get(word)
        if stem is None:
            stem = self._cache[word] = self._stemmer.stemWord(word)
        return stem

    def text(self, text: str) -> str:
        cache = self._cache
        words = _WORD.findall(fold(text))
        missing = [word for word in set(words) if word not in cache]
        for word in missing:
            cache[word] = self._stemmer.stemWord(word)
        return " ".join([cache[word] for word in words])


@dataclass
class Row:
    """A search document flattened for the SQL engines."""

    key: str
    kind: str
    cooperation: str
    cooperation_id: int
    year: int
    date: int
    level: int
    published_at: int
    secret_until: int
    is_open: int
    meeting_day: int | None
    bodies: list[int]
    recipients: list[int]
    trusted_users: list[int]
    title: str
    text: str


def _row(doc: Any) -> Row:
    from naober.search.tantivy_backend import INDEXED_TEXT_LIMIT

    def seconds(moment: datetime.datetime | None) -> int:
        return NEVER if moment is None else int(moment.timestamp())

    return Row(
        key=doc.key,
        kind=doc.kind,
        cooperation=doc.cooperation,
        cooperation_id=doc.cooperation_id,
        year=doc.year,
        date=int(doc.date.timestamp()),
        level=doc.level,
        published_at=seconds(doc.published_at),
        secret_until=seconds(doc.secret_until) if doc.level >= 2 else 0,
        is_open=int(doc.open),
        meeting_day=doc.meeting_day.toordinal() if doc.meeting_day else None,
        bodies=list(doc.bodies),
        recipients=list(doc.recipients),
        trusted_users=list(doc.trusted_users),
        title=doc.title.replace("\x00", ""),
        text=doc.text[:INDEXED_TEXT_LIMIT].replace("\x00", ""),
    )


# Queries


@dataclass(frozen=True)
class BenchQuery:
    klass: str
    text: str
    member: bool = False
    filters: tuple[tuple[str, Any], ...] = ()

    def filter_dict(self) -> dict[str, Any]:
        return dict(self.filters)


@dataclass
class Sample:
    words: list[list[str]] = field(default_factory=list)  # per document, in order (lowercase, unfolded)
    facets: list[dict[str, Any]] = field(default_factory=list)
    df: Counter[str] = field(default_factory=Counter)


def sample_corpus(rng: random.Random, size: int = SAMPLE_DOCUMENTS) -> Sample:
    """A seeded sample of search documents (built like the index builds them), for the vocabulary."""
    from django.utils import translation

    from naober.search.analysis import STOPWORDS
    from naober.search.documents import BUILDERS, MODELS

    pks = {
        kind: list(model.objects.order_by("pk").values_list("pk", flat=True))
        for kind, model in MODELS.items()
    }
    total = sum(len(found) for found in pks.values()) or 1
    sample = Sample()
    for kind, found in pks.items():
        quota = min(len(found), max(50, size * len(found) // total))
        chosen = sorted(rng.sample(found, quota))
        for start in range(0, len(chosen), 500):
            with translation.override("nl"):
                built = list(BUILDERS[kind](chosen[start : start + 500]))
            for doc in built:
                tokens = _WORD.findall(f"{doc.title}\n{doc.text[:20000]}".lower())
                sample.words.append(tokens)
                sample.facets.append({"cooperation": doc.cooperation, "year": doc.year, "kind": doc.kind})
                sample.df.update(
                    {
                        word
                        for word in tokens
                        if len(word) >= 4 and word.isascii() and word.isalpha() and word not in STOPWORDS
                    }
                )
    return sample


def make_queries(sample: Sample, count: int, rng: random.Random) -> list[BenchQuery]:
    from naober.search.analysis import STOPWORDS

    if not sample.df:
        raise BenchError("the corpus has no words to query: load data first (naober demo / naober generate)")
    by_df = sorted(sample.df.items(), key=lambda item: (-item[1], item[0]))
    frequent = [word for word, _df in by_df[:80]]
    rare = sorted(word for word, df in by_df if df == 1) or sorted(word for word, _df in by_df[-200:])
    medium = sorted(word for word, df in by_df if df >= 2) or frequent
    documents = [index for index, words in enumerate(sample.words) if len(set(words) & set(medium)) >= 3]
    documents = documents or list(range(len(sample.words)))
    per_class = max(1, count // len(CLASSES))
    queries: list[BenchQuery] = []

    def content(word: str) -> bool:
        return len(word) >= 3 and word.isascii() and word.isalpha() and word not in STOPWORDS

    for klass in CLASSES:
        seen: set[str] = set()
        attempts = 0
        while len(seen) < per_class and attempts < per_class * 50:
            attempts += 1
            member = False
            filters: tuple[tuple[str, Any], ...] = ()
            if klass == "rare":
                text = rng.choice(rare)
            elif klass == "frequent":
                text = rng.choice(frequent)
            elif klass == "and":
                words = sorted(set(sample.words[rng.choice(documents)]) & set(medium))
                if len(words) < 2:
                    continue
                text = " ".join(rng.sample(words, min(len(words), rng.choice((2, 3)))))
            elif klass == "phrase":
                words = sample.words[rng.choice(documents)]
                pairs = [(a, b) for a, b in zip(words, words[1:], strict=False) if content(a) and content(b)]
                if not pairs:
                    continue
                text = '"{} {}"'.format(*rng.choice(pairs))
            elif klass == "prefix":
                long = [word for word in medium if len(word) >= 7]
                if not long:
                    continue
                word = rng.choice(long)
                text = word[: rng.choice((4, 5, 6))] + "*"
            elif klass == "permission":
                text = rng.choice(frequent + medium[:400])
                member = True
            else:
                index = rng.choice(range(len(sample.words)))
                words = [word for word in sample.words[index] if word in sample.df]
                if not words:
                    continue
                text = rng.choice(words)
                name = ("cooperation", "year", "kind")[len(seen) % 3]
                filters = ((name, sample.facets[index][name]),)
            marker = f"{text}|{filters}"
            if marker in seen:
                continue
            seen.add(marker)
            queries.append(BenchQuery(klass, text, member, filters))
    return queries


# The reader with a permission filter


@dataclass
class Reader:
    label: str
    viewer: Any  # naober.access.viewer.Viewer
    access: Any  # naober.search.backend.AccessFilter


def member_reader() -> Reader:
    """A person with current memberships of a few bodies (the most bodies, up to five), preferring one with an
    account; without one (the demo's people have none) the reader is that person's memberships under an
    account id no one has, built the way `viewer_for` builds a viewer."""
    from django.db.models import Count, Q
    from django.utils import timezone

    from naober.access.viewer import MemberPeriod, Viewer, viewer_for
    from naober.accounts.models import User
    from naober.governance.models import Membership, MembershipRole
    from naober.search.permissions import access_filter

    today = timezone.localdate()
    current = (
        Membership.objects.filter(start_date__lte=today)
        .filter(Q(end_date__isnull=True) | Q(end_date__gt=today))
        .exclude(role=MembershipRole.GUEST)
    )
    ranked = (
        current.values("person_id", "person__user_id")
        .annotate(bodies=Count("body", distinct=True))
        .filter(bodies__lte=5)
    )
    with_account = ranked.filter(person__user_id__isnull=False).order_by("-bodies", "person__user_id").first()
    found = with_account or ranked.order_by("-bodies", "person_id").first()
    if found is None:
        raise BenchError("no person with a current membership: the permission class needs one")
    if found["person__user_id"] is not None:
        user = User.objects.get(pk=found["person__user_id"])
        viewer = viewer_for(user)
        label = f"member of {found['bodies']} bodies (user {user.pk})"
    else:
        rows = (
            Membership.objects.filter(person_id=found["person_id"])
            .exclude(role=MembershipRole.GUEST)
            .order_by("body_id", "start_date")
            .values_list("body_id", "start_date", "end_date")
        )
        periods = tuple(MemberPeriod(body_id=body, start=start, end=end) for body, start, end in rows)
        viewer = Viewer(user_id=NO_USER, is_authenticated=True, memberships=periods)
        label = f"memberships of person {found['person_id']} ({found['bodies']} bodies; no account)"
    return Reader(label, viewer, access_filter(viewer))


# SQL shared by PostgreSQL and SQLite (placeholders %s; SQLite's own connection gets ?)


class SqlDialect:
    like = "LIKE"

    def has(self, column: str, values: Sequence[int]) -> tuple[str, list[Any]]:
        raise NotImplementedError

    def access(self, access: Any, now: datetime.datetime) -> tuple[str, list[Any]]:
        """tantivy_query.QueryBuilder.access_query, as a WHERE clause."""
        moment = int(now.timestamp())
        params: list[Any] = []
        unlocked = "(d.level <= 1 OR (d.level = 2 AND d.secret_until <= %s))"
        clauses = ["d.published_at <= %s"]
        params.append(moment)
        editor = None
        editor_params: list[Any] = []
        if access.all_cooperations:
            editor = "1 = 1"
        elif access.editor_cooperation_ids:
            ids = sorted(access.editor_cooperation_ids)
            editor = f"d.cooperation_id IN ({', '.join(['%s'] * len(ids))})"
            editor_params = list(ids)
        if editor is not None:
            clauses.append(f"({editor} AND {unlocked})")
            params += [*editor_params, moment]
        trusted: list[str] = []
        trusted_params: list[Any] = []
        if access.member_body_ids:
            sql, values = self.has("bodies", sorted(access.member_body_ids))
            trusted.append(sql)
            trusted_params += values
        for period in access.member_periods:
            sql, values = self.has("bodies", [period.body_id])
            last = NEVER if period.end is None else period.end.toordinal() - 1
            trusted.append(f"({sql} AND d.meeting_day >= %s AND d.meeting_day <= %s)")
            trusted_params += [*values, period.start.toordinal(), last]
        if access.user_id is not None:
            sql, values = self.has("trusted_users", [access.user_id])
            trusted.append(sql)
            trusted_params += values
        if trusted:
            clauses.append(f"(d.is_open = 1 AND {unlocked} AND ({' OR '.join(trusted)}))")
            params += [moment, *trusted_params]
        if access.user_id is not None:
            sql, values = self.has("recipients", [access.user_id])
            either = f"d.is_open = 1 OR ({editor})" if editor else "d.is_open = 1"
            clauses.append(f"({sql} AND ({either}))")
            params += [*values, *editor_params]
        return "(" + " OR ".join(clauses) + ")", params

    def filters(self, filters: dict[str, Any]) -> tuple[str, list[Any]]:
        clauses, params = [], []
        for name in ("cooperation", "year", "kind"):
            if filters.get(name) not in (None, ""):
                clauses.append(f"d.{name} = %s")
                params.append(filters[name])
        if filters.get("body") is not None:
            sql, values = self.has("bodies", [int(filters["body"])])
            clauses.append(sql)
            params += values
        return " AND ".join(clauses) or "1 = 1", params

    def like_sql(self, table: str, terms: Sequence[Any], where: str) -> tuple[str, list[Any]]:
        clauses, params = [], []
        for term in terms:
            pattern = f"%{term.text}%"
            clause = f"(d.title {self.like} %s OR d.text {self.like} %s)"
            clauses.append(f"NOT {clause}" if term.exclude else clause)
            params += [pattern, pattern]
        sql = (
            f"SELECT d.key FROM {table} d WHERE {' AND '.join(clauses)} AND {where} "  # noqa: S608
            f"ORDER BY d.date DESC LIMIT {TOP}"
        )
        return sql, params


class PostgresDialect(SqlDialect):
    like = "ILIKE"

    def has(self, column: str, values: Sequence[int]) -> tuple[str, list[Any]]:
        return f"d.{column} && %s::int[]", [list(values)]

    def match(self, terms: Sequence[Any], originals: dict[str, str]) -> tuple[str, list[Any]]:
        """A tsquery expression: words and prefixes through to_tsquery, phrases through phraseto_tsquery."""
        parts, params = [], []
        for term in terms:
            text = " ".join(originals.get(word, word) for word in term.text.split())
            if term.phrase:
                sql, value = "phraseto_tsquery('dutch', %s)", text
            elif term.prefix:
                sql, value = "to_tsquery('dutch', %s)", f"{text}:*"
            else:
                sql, value = "plainto_tsquery('dutch', %s)", text
            parts.append(f"!!{sql}" if term.exclude else sql)
            params.append(value)
        return "(" + " && ".join(parts) + ")", params

    def search_sql(self, table: str, terms: Sequence[Any], originals: dict[str, str], where: str) -> Any:
        match, params = self.match(terms, originals)
        sql = (
            f"SELECT d.key FROM {table} d, (SELECT {match} AS q) x "  # noqa: S608
            f"WHERE d.tsv @@ x.q AND {where} "
            f"ORDER BY ts_rank_cd(d.tsv, x.q) DESC LIMIT {TOP}"
        )
        return sql, params


class SqliteDialect(SqlDialect):
    def __init__(self, stemmer: Stemmer) -> None:
        self.stemmer = stemmer

    def has(self, column: str, values: Sequence[int]) -> tuple[str, list[Any]]:
        kind = column[0]
        marks = ", ".join(["%s"] * len(values))
        return (
            f"EXISTS (SELECT 1 FROM links l WHERE l.doc = d.id AND l.kind = '{kind}' "  # noqa: S608
            f"AND l.value IN ({marks}))",
            list(values),
        )

    def match(self, terms: Sequence[Any]) -> str:
        wanted: list[str] = []
        unwanted: list[str] = []
        for term in terms:
            stems = " ".join(self.stemmer.word(word) for word in _WORD.findall(fold(term.text)))
            expression = f'"{stems}"*' if term.prefix else f'"{stems}"'
            (unwanted if term.exclude else wanted).append(expression)
        return " AND ".join(wanted) + "".join(f" NOT {expression}" for expression in unwanted)

    def search_sql(self, terms: Sequence[Any], where: str) -> tuple[str, list[Any]]:
        sql = (
            "SELECT d.key FROM fts JOIN docs d ON d.id = fts.rowid "  # noqa: S608
            f"WHERE fts MATCH %s AND {where} ORDER BY bm25(fts, 3.0, 1.0) LIMIT {TOP}"
        )
        return sql, [self.match(terms)]


def _qmarks(sql: str) -> str:
    return sql.replace("%s", "?")


# PostgreSQL engine

PG_COLUMNS = (
    "key",
    "kind",
    "cooperation",
    "cooperation_id",
    "year",
    "date",
    "level",
    "published_at",
    "secret_until",
    "is_open",
    "meeting_day",
    "bodies",
    "recipients",
    "trusted_users",
    "title",
    "text",
)


def pg_create(cursor: Any, table: str, *, temporary: bool = False) -> None:
    cursor.execute(f"DROP TABLE IF EXISTS {table}")
    cursor.execute(
        f"CREATE {'TEMPORARY ' if temporary else ''}TABLE {table} ("
        "id bigserial PRIMARY KEY, key text NOT NULL, kind text NOT NULL, cooperation text NOT NULL, "
        "cooperation_id integer NOT NULL, year integer NOT NULL, date bigint NOT NULL, "
        "level smallint NOT NULL, "
        "published_at bigint NOT NULL, secret_until bigint NOT NULL, is_open smallint NOT NULL, "
        "meeting_day integer, bodies integer[] NOT NULL, recipients integer[] NOT NULL, "
        "trusted_users integer[] NOT NULL, title text NOT NULL, text text NOT NULL, "
        "tsv tsvector GENERATED ALWAYS AS "
        "(setweight(to_tsvector('dutch', title), 'A') || to_tsvector('dutch', text)) STORED)"
    )


def pg_load(cursor: Any, table: str, rows: Iterable[Row], chunk: int = 2000) -> int:
    """COPY the rows in (psycopg 3) chunk by chunk — the rows are read from the same connection, which is
    busy during a COPY; the generated column computes the tsvector."""
    count = 0
    raw = cursor.cursor  # Django's wrapper → psycopg's cursor
    statement = f"COPY {table} ({', '.join(PG_COLUMNS)}) FROM STDIN"
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, chunk)):
        with raw.copy(statement) as copy:
            for row in batch:
                copy.write_row([getattr(row, column) for column in PG_COLUMNS])
        count += len(batch)
    return count


def pg_index(cursor: Any, table: str) -> None:
    cursor.execute(f"CREATE INDEX {table}_tsv ON {table} USING gin (tsv)")
    cursor.execute(f"ANALYZE {table}")


# SQLite FTS5 engine


def sqlite_create(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS links; DROP TABLE IF EXISTS fts;
        CREATE TABLE docs (id INTEGER PRIMARY KEY, key TEXT NOT NULL, kind TEXT NOT NULL,
            cooperation TEXT NOT NULL, cooperation_id INTEGER NOT NULL, year INTEGER NOT NULL,
            date INTEGER NOT NULL, level INTEGER NOT NULL, published_at INTEGER NOT NULL,
            secret_until INTEGER NOT NULL, is_open INTEGER NOT NULL, meeting_day INTEGER,
            title TEXT NOT NULL, text TEXT NOT NULL);
        CREATE TABLE links (doc INTEGER NOT NULL, kind TEXT NOT NULL, value INTEGER NOT NULL,
            PRIMARY KEY (doc, kind, value)) WITHOUT ROWID;
        CREATE VIRTUAL TABLE fts USING fts5(title, text, content='');
        """
    )


def sqlite_load(db: sqlite3.Connection, rows: Iterable[Row], stemmer: Stemmer, batch: int = 2000) -> int:
    count = 0
    docs: list[tuple[Any, ...]] = []
    links: list[tuple[int, str, int]] = []
    stems: list[tuple[int, str, str]] = []

    def flush() -> None:
        with db:
            db.executemany("INSERT INTO docs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", docs)
            db.executemany("INSERT OR IGNORE INTO links VALUES (?,?,?)", links)
            db.executemany("INSERT INTO fts (rowid, title, text) VALUES (?,?,?)", stems)
        docs.clear()
        links.clear()
        stems.clear()

    for row in rows:
        count += 1
        docs.append(
            (count, row.key, row.kind, row.cooperation, row.cooperation_id, row.year, row.date, row.level,
             row.published_at, row.secret_until, row.is_open, row.meeting_day, row.title, row.text)
        )  # fmt: skip
        links.extend((count, "b", value) for value in row.bodies)
        links.extend((count, "r", value) for value in row.recipients)
        links.extend((count, "t", value) for value in row.trusted_users)
        stems.append((count, stemmer.text(row.title), stemmer.text(row.text)))
        if len(docs) >= batch:
            flush()
    flush()
    return count


def sqlite_fts_bytes(db: sqlite3.Connection) -> int | None:
    try:
        found = db.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'fts%' OR name = 'links'"
        ).fetchone()
    except sqlite3.OperationalError:
        return None
    return int(found[0] or 0)


# Engines as arms: each takes a BenchQuery and returns the top keys


@dataclass
class Context:
    now: datetime.datetime
    anonymous: Reader
    member: Reader
    backend: Any


def _terms(text: str) -> tuple[Any, ...]:
    from naober.search.query import parse

    return parse(text)


def _originals(text: str) -> dict[str, str]:
    """Folded word → the word as typed (lowercase), for PostgreSQL, whose 'dutch' does not fold accents."""
    return {fold(word): word for word in _WORD.findall(text.lower())}


def tantivy_arm(context: Context, *, page: bool, top10: bool = False) -> Callable[[BenchQuery], list[str]]:
    from naober.search.backend import Filters, SearchQuery
    from naober.search.services import search_for

    def run(query: BenchQuery) -> list[str]:
        reader = context.member if query.member else context.anonymous
        filters = Filters(**query.filter_dict())
        if page:
            results = search_for(viewer_or_user=reader.viewer, q=query.text, filters=filters, now=context.now)
        else:
            search = SearchQuery(
                terms=_terms(query.text),
                access=reader.access,
                now=context.now,
                filters=filters,
                page_size=TOP if top10 else 20,
                with_facets=not top10,
                with_snippets=not top10,
            )
            results = context.backend.search(search)
        return [hit.key for hit in results.hits[:TOP]]

    return run


def sql_arm(
    context: Context,
    execute: Callable[[str, list[Any]], list[Any]],
    build: Callable[..., tuple[str, list[Any]]],
    dialect: SqlDialect,
) -> Callable[[BenchQuery], list[str]]:
    def run(query: BenchQuery) -> list[str]:
        terms = _terms(query.text)
        if not terms:
            return []
        reader = context.member if query.member else context.anonymous
        access, access_params = dialect.access(reader.access, context.now)
        filters, filter_params = dialect.filters(query.filter_dict())
        sql, params = build(terms, query.text, f"{access} AND {filters}")
        return [row[0] for row in execute(sql, params + access_params + filter_params)]

    return run


def _django_execute(sql: str, params: list[Any]) -> list[Any]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def _django_run(sql: str) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql)


def _sqlite_execute(db: sqlite3.Connection) -> Callable[[str, list[Any]], list[Any]]:
    def execute(sql: str, params: list[Any]) -> list[Any]:
        return db.execute(_qmarks(sql), params).fetchall()

    return execute


# Measuring


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def overlap(got: list[str], reference: list[str]) -> float:
    if not got and not reference:
        return 1.0
    return len(set(got) & set(reference)) / max(len(got), len(reference))


def measure(
    arms: dict[str, Callable[[BenchQuery], list[str]]],
    queries: list[BenchQuery],
    *,
    rounds: int,
    like_sample: set[int],
    seed: int,
) -> tuple[dict[tuple[str, str], list[float]], dict[str, dict[int, list[str]]]]:
    """Run every arm on every query, interleaved (the arms' order rotates per query); one warm-up round."""
    timings: dict[tuple[str, str], list[float]] = {}
    answers: dict[str, dict[int, list[str]]] = {name: {} for name in arms}
    rng = random.Random(seed)
    names = list(arms)
    for round_number in range(rounds + 1):
        order = list(range(len(queries)))
        rng.shuffle(order)
        for position, index in enumerate(order):
            query = queries[index]
            rotated = names[position % len(names) :] + names[: position % len(names)]
            for name in rotated:
                if name == "like" and (index not in like_sample or round_number not in (0, 1)):
                    continue  # like: the sample only, measured once (after a warm-up of the same query)
                started = time.perf_counter()
                keys = arms[name](query)
                elapsed = (time.perf_counter() - started) * 1000
                if round_number == 0:
                    answers[name][index] = keys
                    continue
                timings.setdefault((name, query.klass), []).append(elapsed)
                timings.setdefault((name, "all"), []).append(elapsed)
    return timings, answers


def latency_rows(
    timings: dict[tuple[str, str], list[float]],
    answers: dict[str, dict[int, list[str]]],
    queries: list[BenchQuery],
) -> list[dict[str, Any]]:
    rows = []
    reference = answers.get("tantivy_top10", {})
    for name in answers:
        for klass in (*CLASSES, "all"):
            values = timings.get((name, klass))
            if not values:
                continue
            indexes = [
                i
                for i, q in enumerate(queries)
                if (klass == "all" or q.klass == klass) and i in answers[name]
            ]
            overlaps = [overlap(answers[name][i], reference[i]) for i in indexes if i in reference]
            rows.append(
                {
                    "section": "latency",
                    "engine": name,
                    "class": klass,
                    "queries": len(indexes),
                    "searches": len(values),
                    "p50_ms": round(statistics.median(values), 2),
                    "p95_ms": round(percentile(values, 0.95), 2),
                    "max_ms": round(max(values), 2),
                    "mean_hits": round(statistics.mean(len(answers[name][i]) for i in indexes), 2)
                    if indexes
                    else 0,
                    "overlap_with_tantivy": round(statistics.mean(overlaps), 3) if overlaps else None,
                }
            )
    return rows


# Building


def _directory_bytes(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())


def documents_stream(stats: dict[str, int]) -> Iterator[Any]:
    from naober.search.indexing import all_documents

    for doc in all_documents():
        stats["documents"] = stats.get("documents", 0) + 1
        stats["text_bytes"] = stats.get("text_bytes", 0) + len(doc.text)
        yield doc


def build_tantivy(options: argparse.Namespace, corpus: dict[str, int]) -> dict[str, Any]:
    from naober.search import indexing
    from naober.search.backend import get_backend, search_directory

    backend = get_backend()
    if options.no_build:
        if not backend.available():
            raise BenchError(
                f"--no-build: no current search index in {search_directory()} (run naober reindex)"
            )
        seconds = options.tantivy_build_seconds
        written = backend.stats().documents
    else:
        started = time.perf_counter()
        written = indexing.rebuild()
        seconds = time.perf_counter() - started
    pointer = search_directory() / "CURRENT"
    live = search_directory() / pointer.read_text().strip() if pointer.exists() else None
    size = _directory_bytes(live) if live is not None and live.is_dir() else 0
    corpus.setdefault("documents", written)
    return {
        "section": "build",
        "engine": "tantivy",
        "documents": written,
        "seconds": round(seconds, 2) if seconds is not None else None,
        "documents_per_s": round(written / seconds) if seconds else None,
        "index_bytes": size,
        "total_bytes": size,
        "note": "naober reindex (indexing.rebuild)"
        + (" — not rebuilt, time given" if options.no_build else ""),
    }


def build_postgresql(corpus: dict[str, int]) -> dict[str, Any]:
    from django.db import connection

    stats: dict[str, int] = {}
    with connection.cursor() as cursor:
        started = time.perf_counter()
        pg_create(cursor, "bench_fts")
        written = pg_load(cursor, "bench_fts", (_row(doc) for doc in documents_stream(stats)))
        loaded = time.perf_counter() - started
        pg_index(cursor, "bench_fts")
        seconds = time.perf_counter() - started
        cursor.execute("SELECT pg_total_relation_size('bench_fts'), pg_relation_size('bench_fts_tsv')")
        total, gin = cursor.fetchone()
        cursor.execute("SELECT coalesce(sum(pg_column_size(tsv)), 0) FROM bench_fts")
        tsv = cursor.fetchone()[0]
    corpus.update(stats)
    return {
        "section": "build",
        "engine": "postgresql",
        "documents": written,
        "seconds": round(seconds, 2),
        "documents_per_s": round(written / seconds) if seconds else None,
        "index_bytes": int(gin) + int(tsv),
        "total_bytes": int(total),
        "note": f"COPY + generated tsvector {loaded:.1f} s, GIN {seconds - loaded:.1f} s; "
        "index = GIN + tsv column",
    }


def build_sqlite(
    path: Path, stemmer: Stemmer, corpus: dict[str, int]
) -> tuple[dict[str, Any], sqlite3.Connection]:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    db = sqlite3.connect(str(path), check_same_thread=False)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    stats: dict[str, int] = {}
    started = time.perf_counter()
    sqlite_create(db)
    written = sqlite_load(db, (_row(doc) for doc in documents_stream(stats)), stemmer)
    loaded = time.perf_counter() - started
    with db:
        db.execute("INSERT INTO fts (fts) VALUES ('optimize')")
    seconds = time.perf_counter() - started
    corpus.update(stats)
    db.execute("PRAGMA journal_mode=DELETE")
    fts_bytes = sqlite_fts_bytes(db)
    return {
        "section": "build",
        "engine": "sqlite_fts5",
        "documents": written,
        "seconds": round(seconds, 2),
        "documents_per_s": round(written / seconds) if seconds else None,
        "index_bytes": fts_bytes,
        "total_bytes": path.stat().st_size,
        "note": f"read + stem (Python) + insert {loaded:.1f} s, optimize {seconds - loaded:.1f} s; "
        f"{len(stemmer._cache)} distinct words stemmed",
    }, db


# Recall on the labelled Dutch queries


def recall_rows(vendor: str, stemmer: Stemmer) -> list[dict[str, Any]]:
    from tests.search.relevance_corpus import DOCS, QUERIES

    from naober.search.backend import AccessFilter, Kind, SearchDocument, SearchQuery
    from naober.search.tantivy_backend import TantivyBackend

    epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
    now = datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC)
    documents = [
        SearchDocument(
            key=key, kind=Kind.DOCUMENT, title=title, text=text, url=f"/{key}/",
            date=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(days=int(key[1:])),
            cooperation="regio", cooperation_id=1, published_at=epoch, open=True,
        )
        for key, (title, text) in DOCS.items()
    ]  # fmt: skip
    anonymous = AccessFilter()
    engines: dict[str, Callable[[str], list[str]]] = {}
    cleanup: list[Callable[[], None]] = []
    directory = tempfile.mkdtemp(prefix="naober-bench-recall-")
    cleanup.append(lambda: shutil.rmtree(directory, ignore_errors=True))
    backend = TantivyBackend(directory)
    backend.rebuild(documents)

    def tantivy(text: str) -> list[str]:
        query = SearchQuery(
            terms=_terms(text),
            access=anonymous,
            now=now,
            page_size=TOP,
            with_facets=False,
            with_snippets=False,
        )
        return [hit.key for hit in backend.search(query).hits]

    engines["tantivy"] = tantivy
    rows = [_row(doc) for doc in documents]
    lite = SqliteDialect(stemmer)
    memory = sqlite3.connect(":memory:")
    sqlite_create(memory)
    sqlite_load(memory, rows, stemmer)
    cleanup.append(memory.close)
    where, params = lite.access(anonymous, now)

    def sqlite_fts5(text: str) -> list[str]:
        terms = _terms(text)
        sql, match = lite.search_sql(terms, where)
        return [row[0] for row in memory.execute(_qmarks(sql), match + params)] if terms else []

    def sqlite_like(text: str) -> list[str]:
        terms = _terms(text)
        sql, values = lite.like_sql("docs", terms, where)
        return [row[0] for row in memory.execute(_qmarks(sql), values + params)] if terms else []

    engines["sqlite_fts5"] = sqlite_fts5
    engines["like (sqlite)"] = sqlite_like
    if vendor == "postgresql":
        from django.db import connection

        pg = PostgresDialect()
        with connection.cursor() as cursor:
            pg_create(cursor, "bench_fts_recall", temporary=True)
            pg_load(cursor, "bench_fts_recall", rows)
            pg_index(cursor, "bench_fts_recall")
        pg_where, pg_params = pg.access(anonymous, now)

        def postgresql(text: str) -> list[str]:
            terms = _terms(text)
            sql, values = pg.search_sql("bench_fts_recall", terms, _originals(text), pg_where)
            return [row[0] for row in _django_execute(sql, values + pg_params)] if terms else []

        def pg_like(text: str) -> list[str]:
            terms = _terms(text)
            sql, values = pg.like_sql("bench_fts_recall", terms, pg_where)
            return [row[0] for row in _django_execute(sql, values + pg_params)] if terms else []

        engines["postgresql"] = postgresql
        engines["like (postgresql)"] = pg_like
        cleanup.append(lambda: _django_run("DROP TABLE IF EXISTS bench_fts_recall"))
    result = []
    try:
        for name, engine in engines.items():
            recalls, exact = [], 0
            for text, expected in QUERIES:
                got = set(engine(text)[:TOP])
                hits = len(got & expected)
                recalls.append(hits / min(TOP, len(expected)))
                exact += got == expected
            result.append(
                {
                    "section": "recall",
                    "engine": name,
                    "queries": len(QUERIES),
                    "recall_at_10": round(statistics.mean(recalls), 3),
                    "exact": exact,
                }
            )
    finally:
        for step in reversed(cleanup):
            step()
    return result


# Reporting


def _git_commit() -> str | None:
    try:
        found = subprocess.run(
            ["git", "rev-parse", "HEAD"],  # noqa: S607 - git from PATH, as a developer runs it
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return found.stdout.strip()


def _database_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT version()" if connection.vendor == "postgresql" else "SELECT sqlite_version()")
        return str(cursor.fetchone()[0]).split(" on ")[0]


def meta(options: argparse.Namespace, started: datetime.datetime, extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "benchmark": "search",
        "label": options.label,
        "machine": {
            "node": platform.node(),
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
            "cpus": os.cpu_count(),
        },
        "python": platform.python_version(),
        "db_vendor": _vendor(),
        "db_version": _database_version(),
        "scale": options.label,
        "git_commit": _git_commit(),
        "started_at": started.isoformat(),
        "settings": {
            "queries": options.queries,
            "seed": options.seed,
            "rounds": options.rounds,
            "like_sample": options.like_sample,
            "no_build": options.no_build,
            "top": TOP,
            "target_engine_p95_ms": TARGET_ENGINE_P95_MS,
        },
        **extra,
    }


def markdown(result: dict[str, Any]) -> str:
    info = result["meta"]
    rows = result["rows"]
    lines = [
        f"# Search benchmark — {info['label']} ({info['db_vendor']})",
        "",
        f"{info['corpus'].get('documents', '?')} search documents, "
        f"{info['corpus'].get('text_bytes', 0) / 1e6:.1f} MB of text; {len(result['queries'])} queries, "
        f"{info['settings']['rounds']} rounds after a warm-up; "
        f"reader for `permission`: {info['member_reader']}. "
        f"Commit {str(info['git_commit'])[:10]}, {info['started_at'][:19]}.",
        "",
        "## Build",
        "",
        "| engine | documents | seconds | documents/s | index MB | total MB | note |",
        "|---|---|---|---|---|---|---|",
    ]

    def mb(value: int | None) -> str:
        return "–" if value is None else f"{value / 1e6:.1f}"

    lines += [
        f"| {row['engine']} | {row['documents']} | {'–' if row['seconds'] is None else row['seconds']} "
        f"| {row['documents_per_s'] or '–'} | {mb(row['index_bytes'])} | {mb(row['total_bytes'])} "
        f"| {row['note']} |"
        for row in rows
        if row["section"] == "build"
    ]
    engines = list(dict.fromkeys(row["engine"] for row in rows if row["section"] == "latency"))
    lines += [
        "",
        "## Query latency, p50 / p95 ms (overlap of the top 10 with tantivy_top10)",
        "",
        "| class | " + " | ".join(engines) + " |",
        "|---|" + "---|" * len(engines),
    ]
    cells = {(row["engine"], row["class"]): row for row in rows if row["section"] == "latency"}
    for klass in (*CLASSES, "all"):
        line = [klass]
        for engine in engines:
            row = cells.get((engine, klass))
            if row is None:
                line.append("–")
                continue
            share = row["overlap_with_tantivy"]
            suffix = f" ({share:.2f})" if share is not None and engine != "tantivy_top10" else ""
            line.append(f"{row['p50_ms']:.1f} / {row['p95_ms']:.1f}{suffix}")
        lines.append("| " + " | ".join(line) + " |")
    engine_all = cells.get(("tantivy", "all"))
    if engine_all:
        verdict = "met" if engine_all["p95_ms"] < TARGET_ENGINE_P95_MS else "MISSED"
        lines += [
            "",
            f"Target engine p95 < {TARGET_ENGINE_P95_MS:.0f} ms (with permissions, facets, snippets): "
            f"{engine_all['p95_ms']:.1f} ms — {verdict}.",
        ]
    if info.get("like_note"):
        lines += ["", info["like_note"]]
    lines += [
        "",
        "Arms: `naober` = `search_for` (the search page's call: viewer, engine, labels); "
        "`tantivy` = the engine with permissions, facets, snippets, page of 20; "
        "`tantivy_top10` = hits only, top 10 (as the SQL engines); SQL engines: top 10 with the same "
        "permission and facet filters, no counts or facets.",
        "",
        "## Recall@10 on the labelled Dutch queries (tests/search/relevance_corpus.py)",
        "",
        "| engine | queries | recall@10 | exact answers |",
        "|---|---|---|---|",
    ]
    for row in rows:
        if row["section"] == "recall":
            lines.append(
                f"| {row['engine']} | {row['queries']} | {row['recall_at_10']:.3f} | {row['exact']} |"
            )
    return "\n".join(lines) + "\n"


# Main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", help="DATABASE_URL (default: the environment's)")
    parser.add_argument("--data-dir", help="NAOBER_DATA_DIR (the search index is DATA_DIR/search)")
    parser.add_argument("--label", default="local", help="scale label for the file names (region, national…)")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results"), help="directory for the results")
    parser.add_argument(
        "--queries", type=int, default=245, help="number of queries (≥ 7; 200+ for a real run)"
    )
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--rounds", type=int, default=3, help="measured rounds after one warm-up round")
    parser.add_argument("--like-sample", type=int, default=40, help="queries run through the LIKE scan")
    parser.add_argument("--no-build", action="store_true", help="keep the existing tantivy index")
    parser.add_argument("--tantivy-build-seconds", type=float, help="with --no-build: its build time")
    parser.add_argument("--reuse-sql", action="store_true", help="keep bench_fts / the FTS5 file if present")
    parser.add_argument(
        "--no-sql",
        action="store_true",
        help="tantivy only: no PostgreSQL/SQLite full-text or LIKE arms (their corpus is built through the "
        "same Python path as the index, which takes as long again at national scale)",
    )
    options = parser.parse_args(argv)
    if options.queries < len(CLASSES):
        parser.error(f"--queries must be at least {len(CLASSES)}")
    if options.rounds < 1 or options.like_sample < 0:
        parser.error("--rounds must be ≥ 1 and --like-sample ≥ 0")
    if options.tantivy_build_seconds is not None and not options.no_build:
        parser.error("--tantivy-build-seconds goes with --no-build")
    return options


def run(options: argparse.Namespace) -> dict[str, Any]:
    from django.utils import timezone

    from naober.access.viewer import ANONYMOUS
    from naober.search.backend import AccessFilter, get_backend

    started = timezone.now()
    vendor = _vendor()
    stemmer = Stemmer()
    corpus: dict[str, int] = {}
    rows: list[dict[str, Any]] = [build_tantivy(options, corpus)]
    sqlite_db: sqlite3.Connection | None = None
    fts_path = _data_dir() / "bench" / "search-fts.sqlite3"
    if options.no_sql:
        pass
    elif vendor == "postgresql":
        reuse = options.reuse_sql and bool(
            _django_execute("SELECT to_regclass('bench_fts') IS NOT NULL", [])[0][0]
        )
        if not reuse:
            rows.append(build_postgresql(corpus))
        _django_run("SET jit = off")  # a tuned deployment would; JIT adds 50+ ms to large estimates
    elif vendor == "sqlite":
        if options.reuse_sql and fts_path.exists():
            sqlite_db = sqlite3.connect(str(fts_path), check_same_thread=False)
        else:
            built, sqlite_db = build_sqlite(fts_path, stemmer, corpus)
            rows.append(built)
    rng = random.Random(options.seed)
    sample = sample_corpus(rng)
    queries = make_queries(sample, options.queries, rng)
    member = member_reader()
    context = Context(
        now=timezone.now(),
        anonymous=Reader("anonymous", ANONYMOUS, AccessFilter()),
        member=member,
        backend=get_backend(),
    )
    arms: dict[str, Callable[[BenchQuery], list[str]]] = {
        "naober": tantivy_arm(context, page=True),
        "tantivy": tantivy_arm(context, page=False),
        "tantivy_top10": tantivy_arm(context, page=False, top10=True),
    }
    if options.no_sql:
        pass
    elif vendor == "postgresql":
        pg = PostgresDialect()
        arms["postgresql"] = sql_arm(
            context,
            _django_execute,
            lambda terms, text, where: pg.search_sql("bench_fts", terms, _originals(text), where),
            pg,
        )
        arms["like"] = sql_arm(
            context, _django_execute, lambda terms, text, where: pg.like_sql("bench_fts", terms, where), pg
        )
    elif sqlite_db is not None:
        lite = SqliteDialect(stemmer)
        execute = _sqlite_execute(sqlite_db)
        arms["sqlite_fts5"] = sql_arm(
            context, execute, lambda terms, text, where: lite.search_sql(terms, where), lite
        )
        arms["like"] = sql_arm(
            context, execute, lambda terms, text, where: lite.like_sql("docs", terms, where), lite
        )
    like_sample = set(
        random.Random(options.seed + 1).sample(range(len(queries)), min(options.like_sample, len(queries)))
    )
    timings, answers = measure(
        arms, queries, rounds=options.rounds, like_sample=like_sample, seed=options.seed
    )
    rows += latency_rows(timings, answers, queries)
    rows += recall_rows(vendor, stemmer)
    if sqlite_db is not None:
        sqlite_db.close()
    like_note = (
        f"`like` ran on a sample of {len(like_sample)} of {len(queries)} queries, one measured run each."
        if len(like_sample) < len(queries)
        else ""
    )
    return {
        "meta": meta(
            options,
            started,
            {"corpus": corpus, "member_reader": member.label, "like_note": like_note},
        ),
        "rows": rows,
        "queries": [
            {"class": q.klass, "text": q.text, "member": q.member, "filters": dict(q.filters)}
            for q in queries
        ],
    }


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    try:
        _bootstrap(options)
        result = run(options)
    except BenchError as error:
        print(f"bench/search.py: {error}", file=sys.stderr)
        return 2
    out = Path(options.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"search-{options.label}.json").write_text(json.dumps(result, indent=1, default=str))
    text = markdown(result)
    (out / f"search-{options.label}.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
