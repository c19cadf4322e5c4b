"""Council-involvement channels for the leak matrix (tests/leaks/channels.py lists them).

The leak world has one confidential dossier (qxverdossier). On first use these add, through the services:
a public dossier on the world's published public item (title with qxpubtitel) and a budget round on each
dossier for Soest, whose clerk is the world's `clerk`; Soest's outcome on the public round carries
qxpubbesluit, on the confidential one qxvertoelichting. Reminder mails are then sent once.
"""

from __future__ import annotations

import datetime

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone


def council_world(world):
    cached = getattr(world, "councils", None)
    if cached is not None:
        return cached
    from naober.councils.reminders import reminders_send
    from naober.councils.services import member_plan, outcome_record, round_open
    from naober.meetings.models import Dossier
    from naober.meetings.services.dossier import dossier_create

    today = timezone.localdate()
    public_item = world.meeting.agenda_items.get(title__contains="qxpubtitel")
    public = dossier_create(cooperation=world.cooperation, title="Begroting qxpubtitel")
    public_item.dossier = public
    public_item.save(update_fields=["dossier"])
    confidential = Dossier.objects.get(pk=world.dossier_id)
    rounds = []
    for dossier, text in ((public, "Zienswijze qxpubbesluit"), (confidential, "Zienswijze qxvertoelichting")):
        opened = round_open(
            dossier=dossier, kind="budget", sent_on=today - datetime.timedelta(days=80), by=None
        )
        member = opened.members.get()
        member_plan(member=member, planned_council_date=today + datetime.timedelta(days=2), by=None)
        member.refresh_from_db()
        outcome_record(member=member, outcome="remarks", decided_on=today, text=text, by=None)
        rounds.append(opened)
    # A second member record without an outcome in each round would need a second municipality; reminders
    # go out for rounds still open, so one more round per dossier stays undecided.
    undecided = [
        round_open(
            dossier=dossier, kind="budget_change", sent_on=today - datetime.timedelta(days=80), by=None
        )
        for dossier in (public, confidential)
    ]
    before = len(mail.outbox)
    reminders_send(today=today)
    world.councils = {
        "slug": rounds[0].members.get().municipality.slug,
        "public": public,
        "rounds": rounds + undecided,
        "members": [item.members.get() for item in rounds + undecided],
        "mails": list(mail.outbox[before:]),
    }
    return world.councils


def _text(client: Client, url: str) -> str:
    from tests.leaks.channels import body_text

    return body_text(client, url)


def public_dossier_matrix(client: Client, world, role: str) -> str:
    council = council_world(world)
    slug = world.cooperation.slug
    return "\n".join(
        client.get(url, follow=True).content.decode()
        for url in (f"/{slug}/dossiers/{council['public'].pk}/", f"/{slug}/dossiers/{world.dossier_id}/")
    )


def regional_agenda(client: Client, world, role: str) -> str:
    council = council_world(world)
    return "\n".join(
        _text(client, reverse(name, args=[council["slug"]]))
        for name in ("councils:municipality", "councils:regional-agenda", "councils:regional-agenda-ics")
    )


def clerk_pages(client: Client, world, role: str) -> str:
    council = council_world(world)
    slug = council["slug"]
    urls = [reverse("councils:clerk", args=[slug])]
    urls.extend(reverse("councils:clerk-member", args=[slug, member.pk]) for member in council["members"])
    urls.extend(
        reverse("councils:decision-download", args=[slug, member.pk]) for member in council["members"]
    )
    return "\n".join(_text(client, url) for url in urls)


def secretariat_rounds(client: Client, world, role: str) -> str:
    council = council_world(world)
    slug = world.cooperation.slug
    urls = [reverse("councils:rounds", args=[slug])]
    urls.extend(reverse("councils:round", args=[slug, item.pk]) for item in council["rounds"])
    return "\n".join(_text(client, url) for url in urls)


def reminder_mail(client: Client, world, role: str) -> str:
    address = f"{role}@example.org"
    council = council_world(world)
    return "\n".join(
        f"{message.subject}\n{message.body}" for message in council["mails"] if address in message.to
    )
