"""Queue the council reminders for the background worker; run it daily (cron, systemd timer)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Queue e-mail reminders to council clerks about approaching and passed deadlines."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--now", action="store_true", help="Send the reminders in this process instead of queueing them."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from django.utils import timezone

        if options["now"]:
            from naober.councils.reminders import reminders_send

            report = reminders_send(today=timezone.localdate())
            self.stdout.write(
                f"{report.sent} reminder(s) sent, {report.skipped_no_clerk} member(s) without a clerk"
            )
            return
        from naober.councils.tasks import councils_send_reminders

        result = councils_send_reminders.enqueue()
        self.stdout.write(f"reminders queued ({result.id})")
