"""Reminders to council clerks: some days before a member's deadline, and once it has passed.

`reminders_send(today=...)` is run by the background worker (`councils_send_reminders` task, queued by the
`naober councils_remind` command, e.g. daily from cron or a systemd timer). Each reminder is recorded in
`ReminderLog` under a unique key (member, reason, deadline) inside the same transaction as the sending, so
a reminder is never sent twice for the same reason, and a failed sending is retried on the next run.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from naober.access.rules import dossiers_visible_q
from naober.access.viewer import ANONYMOUS
from naober.councils.mail import clerk_addresses, send
from naober.councils.models import MemberStatus, ReminderLog, ReminderReason, RoundMember, RoundStatus
from naober.councils.selectors import sent_to_councils_q
from naober.councils.services import overdue_mark, remind_days_before
from naober.meetings.models import Dossier

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReminderReport:
    sent: int
    skipped_no_clerk: int


def _due(today: datetime.date) -> list[tuple[RoundMember, str]]:
    members = (
        RoundMember.objects.filter(round__status=RoundStatus.OPEN, outcome="")
        .exclude(status=MemberStatus.WITHDRAWN)
        .select_related("round", "round__dossier", "round__cooperation", "municipality")
        .order_by("deadline", "pk")
    )
    due: list[tuple[RoundMember, str]] = []
    rules: dict[tuple[int, str], int] = {}
    for member in members:
        key = (member.round.cooperation_id, member.round.kind)
        if key not in rules:
            rules[key] = remind_days_before(cooperation_id=key[0], kind=key[1])
        if today > member.deadline:
            due.append((member, ReminderReason.OVERDUE))
        elif today >= member.deadline - datetime.timedelta(days=rules[key]):
            due.append((member, ReminderReason.BEFORE_DEADLINE))
    return due


def _message(member: RoundMember, reason: str, *, public: bool) -> tuple[str, str]:
    """The reminder; the dossier's title only when it is public (clerks see what the public sees)."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "member": member,
            "round": member.round,
            "title": member.round.dossier.title if public else _("(not public)"),
            "overdue": reason == ReminderReason.OVERDUE,
            "url": settings.NAOBER_SITE_URL
            + reverse("councils:clerk-member", args=[member.municipality.slug, member.pk]),
        }
        if reason == ReminderReason.OVERDUE:
            subject = _("Deadline passed: %(reference)s (%(municipality)s)")
        else:
            subject = _("Deadline approaching: %(reference)s (%(municipality)s)")
        subject = subject % {
            "reference": member.round.dossier.reference,
            "municipality": member.municipality.name,
        }
        return subject, render_to_string("councils/email/reminder.txt", context)


def reminders_send(*, today: datetime.date) -> ReminderReport:
    due = _due(today)
    clerks = clerk_addresses(sorted({member.municipality_id for member, _reason in due}))
    public_ids = set(
        Dossier.objects.filter(
            Q(dossiers_visible_q(ANONYMOUS)) | sent_to_councils_q(),
            pk__in={member.round.dossier_id for member, _reason in due},
        ).values_list("pk", flat=True)
    )
    sent = skipped = 0
    for member, reason in due:
        if reason == ReminderReason.OVERDUE:
            overdue_mark(member=member, today=today)
        to = clerks.get(member.municipality_id, [])
        if not to:
            skipped += 1
            continue
        try:
            with transaction.atomic():
                ReminderLog.objects.create(
                    member=member, reason=reason, deadline=member.deadline, recipients=len(to)
                )
                subject, body = _message(member, reason, public=member.round.dossier_id in public_ids)
                send(to=to, subject=subject, body=body)
        except IntegrityError:
            continue  # reminded already for this reason
        sent += 1
    log.info("council reminders: %d sent, %d members without a clerk", sent, skipped)
    return ReminderReport(sent=sent, skipped_no_clerk=skipped)
