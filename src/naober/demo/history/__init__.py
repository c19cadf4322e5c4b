"""A year of meetings for the demo regions: about ten months of history and three months ahead.

`history_generate()` runs after the demo data is loaded (`naober demo`, unless `--no-history`). For each demo
region it plans the meetings of its bodies, agendas, travelling dossiers, decisions, attendance, actions and
documents as plain data (plan.py; deterministic for a given day), then writes the plan through the meeting
services (build.py). A region that already has meetings is left alone, so a second run adds nothing.
The text of the documents is extracted by the background worker (`naober serve` starts one), as for uploads.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection

from django.contrib.auth.base_user import AbstractBaseUser
from django.utils import timezone

from naober.demo.history.build import RegionReport, Writer, region_context
from naober.demo.history.plan import plan_history
from naober.demo.history.schedule import has_schedule, window
from naober.meetings.models import AgendaItem, Document, Dossier
from naober.registry.models import Cooperation

__all__ = ["RegionReport", "history_generate", "plan_history", "region_context", "window"]


def history_generate(
    *,
    today: datetime.date | None = None,
    slugs: Collection[str] | None = None,
    secret_recipients: Collection[AbstractBaseUser] = (),
) -> list[RegionReport]:
    """Generate the history of every demo region (or those in `slugs`) that has no meetings yet.

    Secret items are made secret with a Woo ground and `secret_recipients` as their named recipients
    (in the demo: the demo account); with none, nobody can read them — secrecy fails closed.
    """
    today = today or timezone.localdate()
    reports = []
    for cooperation in Cooperation.objects.order_by("name"):
        if not has_schedule(cooperation.slug) or (slugs is not None and cooperation.slug not in slugs):
            continue
        if cooperation.meetings.exists():
            reports.append(
                RegionReport(
                    name=cooperation.name,
                    meetings=cooperation.meetings.count(),
                    items=AgendaItem.objects.filter(meeting__cooperation=cooperation).count(),
                    dossiers=Dossier.objects.filter(cooperation=cooperation).count(),
                    documents=Document.objects.filter(cooperation=cooperation).count(),
                    skipped=True,
                )
            )
            continue
        context = region_context(cooperation)
        writer = Writer(
            cooperation, context, plan_history(context, today), secret_recipients=secret_recipients
        )
        reports.append(writer.write())
    return reports
