"""The whole run: registry first, then cooperation by cooperation, with progress, timing and the size."""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection

from naober.generate import plan as plans
from naober.generate import registry
from naober.generate.build import Counts, cooperation_write
from naober.generate.scales import Scale


@dataclass
class Report:
    scale: str
    seed: int
    cooperations_written: int
    cooperations_skipped: int
    registry_rows: int
    counts: Counts
    seconds: float
    database_bytes: int


def database_bytes() -> int:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return int(cursor.fetchone()[0])
    name = Path(str(connection.settings_dict["NAME"]))
    return sum(path.stat().st_size for path in (name, Path(f"{name}-wal")) if path.exists())


def analyze() -> None:
    """Fresh planner statistics after a bulk load, as autovacuum (PostgreSQL) or `PRAGMA optimize` (SQLite)
    would make them later: without them the first queries plan for empty tables."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA analysis_limit=1000")  # sampled, as PostgreSQL's ANALYZE is
        cursor.execute("ANALYZE")


def generate(
    scale: Scale, *, seed: int, now: datetime.datetime, progress: Callable[[int, int, Counts, float], None]
) -> Report:
    started = time.perf_counter()
    planned = registry.plan(scale, seed)
    written_registry = registry.ensure(planned, now=now)
    cooperations = plans.cooperations(scale, planned, seed)
    total, written, skipped = Counts(), 0, 0
    media = Path(settings.MEDIA_ROOT)
    for index, cooperation in enumerate(cooperations, start=1):
        counts = cooperation_write(
            cooperation, registry=planned, scale=scale, seed=seed, now=now, media_root=media
        )
        if counts is None:
            skipped += 1
        else:
            written += 1
            total.add(counts)
        progress(index, len(cooperations), total, time.perf_counter() - started)
    analyze()
    return Report(
        scale.name,
        seed,
        written,
        skipped,
        written_registry,
        total,
        time.perf_counter() - started,
        database_bytes(),
    )
