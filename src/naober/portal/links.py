"""The public addresses of meetings, agenda items and dossiers: readable, stable, in one place.

A meeting lives at `/<cooperation>/vergaderingen/<year>/<pk>-<slug>/` and a dossier at
`/<cooperation>/dossiers/<pk>-<slug>/`. Only the number counts: an old year or slug (the meeting moved, the
title changed) redirects to the current address, so links keep working. An agenda item is an anchor on its
meeting's page (`#punt-<pk>`). Load meetings with `select_related("cooperation", "body__topic")`.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.text import slugify

from naober.governance.models import Body
from naober.meetings.calendar import meeting_local_start
from naober.meetings.models import AgendaItem, Dossier, Meeting
from naober.registry.models import Cooperation

SLUG_LENGTH = 80


def meeting_slug(meeting: Meeting) -> str:
    start = meeting_local_start(meeting)
    return slugify(f"{meeting.display_title} {start:%Y-%m-%d}")[:SLUG_LENGTH].strip("-") or "vergadering"


def meeting_path(meeting: Meeting) -> str:
    year = meeting_local_start(meeting).year
    return reverse(
        "portal:meeting",
        kwargs={
            "cooperation": meeting.cooperation.slug,
            "year": year,
            "pk": meeting.pk,
            "slug": meeting_slug(meeting),
        },
    )


def agenda_item_path(item: AgendaItem) -> str:
    return f"{meeting_path(item.meeting)}#punt-{item.pk}"


def dossier_slug(dossier: Dossier) -> str:
    return slugify(dossier.title)[:SLUG_LENGTH].strip("-") or "dossier"


def dossier_path(dossier: Dossier, *, cooperation: Cooperation | None = None) -> str:
    slug = (cooperation or dossier.cooperation).slug
    return reverse(
        "portal:dossier", kwargs={"cooperation": slug, "pk": dossier.pk, "slug": dossier_slug(dossier)}
    )


def body_path(body: Body, *, cooperation: Cooperation | None = None) -> str:
    slug = (cooperation or body.cooperation).slug
    return reverse("portal:body", kwargs={"cooperation": slug, "body": body.slug})


def absolute(path: str) -> str:
    """`path` on the public site (`NAOBER_SITE_URL`): for feeds, sitemaps and calendars."""
    return settings.NAOBER_SITE_URL.rstrip("/") + path
