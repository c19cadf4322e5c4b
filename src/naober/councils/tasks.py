"""Background work of council involvement, run by `naober db_worker` (started by `naober serve`)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task


@task()
def councils_send_reminders() -> int:
    from naober.councils.reminders import reminders_send

    return reminders_send(today=timezone.localdate()).sent
