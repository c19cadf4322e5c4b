"""`naober reindex`: rebuild the search index from the database, beside the live one, then swap it in."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from naober.search.backend import get_backend
from naober.search.indexing import DEFAULT_BATCH_SIZE, count_all, rebuild

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Rebuild the search index from the database (atomically: searches keep working meanwhile)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help=f"Objects read from the database at a time (default {DEFAULT_BATCH_SIZE}).",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=1,
            help="Worker processes that build the documents from the database while this one writes them "
            "(default 1; 2 or more speeds up a large rebuild on a machine with several cores).",
        )
        parser.add_argument("--quiet-progress", action="store_true", help="No progress bar on stderr.")

    def handle(self, *args: Any, **options: Any) -> None:
        batch_size = max(1, int(options["batch_size"]))
        total = count_all()
        done = 0
        started = time.monotonic()
        show = not options["quiet_progress"]

        def progress(count: int) -> None:
            nonlocal done
            done += count
            if show:
                share = done / total if total else 1.0
                filled = int(BAR_WIDTH * share)
                bar = "#" * filled + "." * (BAR_WIDTH - filled)
                self.stderr.write(f"\r[{bar}] {done}/{total} objects ({share:.0%})", ending="")
                self.stderr.flush()

        if not 1 <= options["jobs"] <= 64:
            raise CommandError("--jobs must lie between 1 and 64.")
        written = rebuild(batch_size=batch_size, progress=progress, jobs=options["jobs"])
        if show:
            self.stderr.write("")
        stats = get_backend().stats()
        seconds = time.monotonic() - started
        self.stdout.write(
            f"Indexed {written} search documents from {total} objects in {seconds:.1f} s "
            f"({stats.analyzer} analyzer, schema {stats.version}) into {stats.path}."
        )
