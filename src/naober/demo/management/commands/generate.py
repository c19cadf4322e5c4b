from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError
from django.utils import timezone

from naober.generate.build import Counts
from naober.generate.run import generate
from naober.generate.scales import SCALES


class GenerateCommandError(CommandError):
    """Printed as "naober generate: <message>" (Django prints a CommandError's class name first)."""


GenerateCommandError.__name__ = "naober generate"


class Command(BaseCommand):
    help = (
        "Generate a deterministic synthetic dataset (region, province or national scale) for benchmarks: "
        "municipalities, cooperations, bodies, people, ten years of meetings, agenda items, decisions, "
        "dossiers, documents with Dutch text, council rounds and budgets. One transaction per cooperation: "
        "run it again after an interruption and it carries on."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", choices=sorted(SCALES), default="region", help="size (default region)")
        parser.add_argument(
            "--seed", type=int, default=1, help="random seed; the same seed gives the same data"
        )
        parser.add_argument("--years", type=int, help="years of history (default 10)")
        parser.add_argument("--cooperations", type=int, help="override the number of cooperations")
        parser.add_argument("--json", action="store_true", help="print the report as JSON")
        parser.add_argument("--quiet", action="store_true", help="no progress lines")

    def handle(self, *args: Any, **options: Any) -> None:
        scale = SCALES[options["scale"]]
        if options["years"] is not None:
            if not 1 <= options["years"] <= 30:
                raise GenerateCommandError("--years must lie between 1 and 30.")
            scale = scale.with_years(options["years"])
        if options["cooperations"] is not None:
            if options["cooperations"] < 1:
                raise GenerateCommandError("--cooperations must be at least 1.")
            scale = scale.with_cooperations(options["cooperations"])
        tty = sys.stderr.isatty()

        def progress(index: int, total: int, counts: Counts, seconds: float) -> None:
            if options["quiet"]:
                return
            eta = seconds / index * (total - index)
            line = (
                f"cooperation {index}/{total} · {counts.meetings:,} meetings · "
                f"{counts.agenda_items:,} items · "
                f"{counts.documents:,} documents · {seconds:,.0f} s, about {eta:,.0f} s to go"
            )
            if tty:
                self.stderr.write(f"\r{line}", ending="")
            elif index == total or index % max(1, total // 20) == 0:
                self.stderr.write(line)

        try:
            report = generate(scale, seed=options["seed"], now=timezone.now(), progress=progress)
        except DatabaseError as error:
            raise GenerateCommandError(f"the database refused the data: {error}") from error
        if tty and not options["quiet"]:
            self.stderr.write("")
        data = {
            "scale": report.scale,
            "seed": report.seed,
            "cooperations_written": report.cooperations_written,
            "cooperations_skipped": report.cooperations_skipped,
            "registry_rows": report.registry_rows,
            **report.counts.__dict__,
            "seconds": round(report.seconds, 1),
            "database_bytes": report.database_bytes,
        }
        if options["json"]:
            self.stdout.write(json.dumps(data))
            return
        counts = report.counts
        self.stdout.write(
            f"Generated {report.scale} (seed {report.seed}): "
            f"{report.cooperations_written} cooperations written, "
            f"{report.cooperations_skipped} already there; {counts.meetings:,} meetings, "
            f"{counts.agenda_items:,} agenda items, {counts.documents:,} documents "
            f"({counts.text_bytes / 1e6:,.0f} MB text), {counts.dossiers:,} dossiers, "
            f"{counts.rounds:,} council "
            f"rounds in {report.seconds:,.0f} s; database {report.database_bytes / 1e6:,.0f} MB."
        )
