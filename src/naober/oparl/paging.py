"""External lists: keyset pagination over one or more sources, each ordered by primary key.

A list may chain sources (a Body's organisations are its bodies, then its member municipalities, then its
partners); the opaque cursor names the source and the last primary key served, so every page is an indexed
range scan (`pk > n ORDER BY pk LIMIT k`) whatever its depth, and rows added meanwhile never shift a page.
Each page costs a fixed number of queries per source.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from naober.oparl.params import Cursor, ListParams
from naober.oparl.serialize.base import Json


@dataclass(frozen=True)
class Source:
    kind: str
    fetch: Callable[[int, int], Sequence[Any]]  # (after primary key, at most n rows) → rows by pk ascending
    render: Callable[[list[Any]], list[Json]]
    key: Callable[[Any], int] = lambda row: int(row.pk)


def filtered(queryset: QuerySet[Any], params: ListParams) -> QuerySet[Any]:
    """The four date filters on the annotated moments (selectors.stamped)."""
    conditions = {
        "oparl_created__gte": params.created_since,
        "oparl_created__lte": params.created_until,
        "oparl_modified__gte": params.modified_since,
        "oparl_modified__lte": params.modified_until,
    }
    return queryset.filter(**{key: value for key, value in conditions.items() if value is not None})


def stamps_match(created: datetime.datetime, modified: datetime.datetime, params: ListParams) -> bool:
    """The date filters, for rows that do not come from a queryset."""
    return (
        (params.created_since is None or created >= params.created_since)
        and (params.created_until is None or created <= params.created_until)
        and (params.modified_since is None or modified >= params.modified_since)
        and (params.modified_until is None or modified <= params.modified_until)
    )


def queryset_source(
    kind: str, queryset: QuerySet[Any], params: ListParams, render: Callable[[list[Any]], list[Json]]
) -> Source:
    rows = filtered(queryset, params).order_by("pk")

    def fetch(after: int, count: int) -> Sequence[Any]:
        return list(rows.filter(pk__gt=after)[:count])

    return Source(kind, fetch, render)


@dataclass(frozen=True)
class Page:
    data: list[Json]
    next_cursor: str


def page(sources: Sequence[Source], params: ListParams) -> Page:
    kinds = tuple(source.kind for source in sources)
    start, after = 0, 0
    if params.cursor:
        cursor = Cursor.decode(params.cursor, kinds)
        start, after = kinds.index(cursor.kind), cursor.pk
    wanted = params.limit + 1
    taken: list[tuple[Source, Any]] = []
    for source in sources[start:]:
        rows = source.fetch(after, wanted - len(taken))
        taken.extend((source, row) for row in rows)
        if len(taken) >= wanted:
            break
        after = 0
    more = len(taken) > params.limit
    taken = taken[: params.limit]
    data: list[Json] = []
    for source in sources:
        rows = [row for owner, row in taken if owner is source]
        if rows:
            data.extend(source.render(rows))
    next_cursor = ""
    if more and taken:
        last_source, last_row = taken[-1]
        next_cursor = Cursor(last_source.kind, last_source.key(last_row)).encode()
    return Page(data, next_cursor)


def list_json(url: str, params: ListParams, result: Page) -> Json:
    links: dict[str, str] = {"first": url + params.query()}
    if result.next_cursor:
        links["next"] = url + params.query(cursor=result.next_cursor)
    return {
        "data": result.data,
        "pagination": {"elementsPerPage": params.limit},
        "links": links,
    }
