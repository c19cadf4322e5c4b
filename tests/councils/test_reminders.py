"""Reminders to clerks, delivered by Django's SMTP backend to a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from naober.councils.models import DeadlineRule, ReminderLog
from naober.councils.reminders import reminders_send
from naober.councils.services import outcome_record
from tests.councils.factories import budget_round, public_dossier, region
from tests.councils.smtp import Inbox

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_reminder_before_the_deadline_and_when_overdue_never_twice(smtp: Inbox) -> None:
    world = region()
    # 12 weeks = 84 days: sent 75 days ago leaves 9 days, inside the default 14-day window.
    soon = budget_round(world, public_dossier(world), days_ago=75)
    late = budget_round(world, public_dossier(world, title="Jaarrekening"), days_ago=90)
    decided = soon.members.get(municipality__slug="aalten")
    outcome_record(member=decided, outcome="agrees", decided_on=TODAY, by=None)

    report = reminders_send(today=TODAY)
    assert report.sent == 3 + 4  # three undecided members of the first round, four overdue in the second
    recipients = sorted(to[0] for to, _message in smtp.messages)
    assert "griffie-aalten@example.org" in recipients  # overdue in the second round
    assert recipients.count("griffie-aalten@example.org") == 1
    subjects = smtp.subjects()
    assert sum(subject.startswith("Deadline approaching") for subject in subjects) == 3
    assert sum(subject.startswith("Deadline passed") for subject in subjects) == 4
    assert any("/gemeenten/doetinchem/griffie/rondes/" in body for body in smtp.bodies())
    assert late.members.filter(status="overdue").count() == 4

    assert reminders_send(today=TODAY).sent == 0
    assert len(smtp.messages) == 7
    assert ReminderLog.objects.count() == 7


def test_configurable_days_before(smtp: Inbox) -> None:
    world = region()
    DeadlineRule.objects.create(cooperation=world.cooperation, kind="budget", weeks=12, remind_days_before=3)
    budget_round(world, public_dossier(world), days_ago=75)  # 9 days left: outside a 3-day window
    assert reminders_send(today=TODAY).sent == 0
    assert reminders_send(today=TODAY + datetime.timedelta(days=6)).sent == 4


def test_the_command_sends_through_the_task(smtp: Inbox) -> None:
    """Tests run tasks immediately (the test settings' backend); `naober serve` hands them to db_worker."""
    world = region()
    budget_round(world, public_dossier(world), days_ago=90)
    call_command("councils_remind")
    assert len(smtp.messages) == 4
    call_command("councils_remind", "--now")
    assert len(smtp.messages) == 4
