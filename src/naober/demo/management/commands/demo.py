from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone

from naober.accounts.models import User
from naober.accounts.services import user_ensure_demo_second_factor
from naober.demo.loader import (
    DEFAULT_DATA_DIR,
    DEMO_PASSWORD,
    DEMO_USERNAME,
    KINDS,
    DemoDataError,
    LoadReport,
    Outcome,
    SignIn,
    demo_load,
    demo_sign_in_ensure,
)


class DemoCommandError(CommandError):
    """Django prints a CommandError as "<class name>: <message>": this one reads "naober demo: <message>"."""


DemoCommandError.__name__ = "naober demo"


class Command(BaseCommand):
    help = (
        "Load the demo regions (Regio Amersfoort, Regio Achterhoek, Twente, Denderregio) from the YAML data "
        "files shipped with naober. Idempotent: a second run changes nothing. Bad data is refused before "
        "anything is written. Then, for each region without meetings, about a year of meeting history is "
        "generated (--no-history skips it). Outside production it also ensures the sign-in demo / "
        "naober-demo-2026."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=DEFAULT_DATA_DIR,
            help="directory with the *.yaml data files (default: the files shipped with naober)",
        )
        parser.add_argument(
            "--no-history",
            action="store_true",
            help="do not generate the meetings, agendas, dossiers and documents of the demo regions",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        data_dir: Path = options["data_dir"]
        try:
            report = demo_load(data_dir=data_dir)
        except DemoDataError as error:
            raise DemoCommandError(str(error)) from error
        except DatabaseError as error:
            message = " ".join(str(error).split())
            raise DemoCommandError(f"database error: {message} (has `naober migrate` run?)") from error
        self._summary(report, data_dir)
        production = settings.NAOBER_ENV == "production"
        state = None if production else demo_sign_in_ensure()
        if not options["no_history"]:
            # The demo account is the named recipient of the demo's secret items (nobody, in production).
            recipients = [] if production else [User.objects.get(username=DEMO_USERNAME)]
            self._history(secret_recipients=recipients)
            self._extensions()
        if state is None:
            self.stdout.write("No demo sign-in: this is a production installation (NAOBER_ENV=production).")
            return
        if state != SignIn.PRESENT:
            self.stdout.write(f"Demo sign-in {state}.")
        url = f"{settings.NAOBER_SITE_URL}{reverse('login')}"
        self.stdout.write(f"Demo sign-in: {DEMO_USERNAME} / {DEMO_PASSWORD} ({url})")
        # Two-factor sign-in is required for administrators, the demo account included: a published secret.
        secret, code = user_ensure_demo_second_factor(user=User.objects.get(username=DEMO_USERNAME))
        self.stdout.write(
            f"Two-factor code: use an authenticator app with the secret {secret}, "
            f"or the recovery code {code} (works once; every `naober demo` makes a new one)"
        )

    def _history(self, *, secret_recipients: list[Any]) -> None:
        from naober.demo.history import history_generate, window

        first, last = window(timezone.localdate())
        try:
            reports = history_generate(secret_recipients=secret_recipients)
        except ValidationError as error:
            raise DemoCommandError(f"meeting history: {' '.join(error.messages)}") from error
        if reports:
            self.stdout.write(f"Meeting history {first:%d-%m-%Y} – {last:%d-%m-%Y}:")
        for region in reports:
            counts = (
                f"{region.meetings:>4} meetings, {region.items:>5} agenda items, "
                f"{region.dossiers:>3} dossiers, {region.documents:>4} documents"
            )
            state = "(already there, unchanged)" if region.skipped else "(new)"
            self.stdout.write(f"  {region.name:<20}{counts}  {state}")

    def _extensions(self) -> None:
        from naober.demo.extensions import extensions_load

        try:
            lines = extensions_load(today=timezone.localdate())
        except ValidationError as error:
            raise DemoCommandError(f"demo extensions: {' '.join(error.messages)}") from error
        for line in lines:
            self.stdout.write(line)

    def _summary(self, report: LoadReport, data_dir: Path) -> None:
        self.stdout.write(f"Demo data from {data_dir}:")
        for kind in KINDS:
            counts = report.counts[kind]
            total = sum(counts.values())
            created, updated = counts[Outcome.CREATED], counts[Outcome.UPDATED]
            detail = f"{created} new, {updated} changed" if created or updated else "unchanged"
            self.stdout.write(f"  {kind:<20}{total:>5}  ({detail})")
        if not report.changes:
            self.stdout.write("Nothing to do: the database already holds this data.")
