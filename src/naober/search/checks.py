"""A system check that warns when the search index is missing or was built by another version.

It needs the database (is there anything to index?), so it runs where Django runs database checks:
`naober check --database default` and `naober migrate`. A fresh, empty installation gets no warning.
"""

from __future__ import annotations

from typing import Any

from django.core import checks
from django.db import DatabaseError


def search_index(app_configs: Any = None, databases: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    from naober.search.backend import get_backend
    from naober.search.indexing import count_all

    if not databases:
        return []  # as Django's database checks: only with `check --database` and in `migrate`
    try:
        stats = get_backend().stats()
    except Exception as error:  # noqa: BLE001 - a check reports, it does not crash the command
        return [checks.Warning(f"The search index cannot be read: {error}", id="naober.search.W002")]
    if stats.available:
        return []
    try:
        if count_all() == 0:
            return []  # nothing to find yet; the first change builds the index
    except DatabaseError:
        return []  # not migrated yet
    return [
        checks.Warning(
            f"The search index in {stats.path} is missing or outdated: "
            "searches find nothing until it is rebuilt.",
            hint="Run `naober reindex` (the background worker also rebuilds it after the first search).",
            id="naober.search.W001",
        )
    ]


def register() -> None:
    checks.register(search_index, checks.Tags.database)
