"""What the feeds and the sitemap publish: always the public view (`ANONYMOUS`), whoever asks.

Calendar clients and feed readers send no cookies, and a feed address is shared freely; so feeds never
depend on who is signed in, and only public, published content goes into them.
"""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from naober.access.rules import dossiers_visible_q, meetings_visible_q
from naober.access.viewer import ANONYMOUS
from naober.governance.models import Body
from naober.meetings.models import AgendaItem, Dossier, Meeting
from naober.portal.selectors.common import DocumentRow, document_rows
from naober.portal.selectors.lists import decisions_visible, documents_visible
from naober.registry.models import Cooperation

CALENDAR_HISTORY = datetime.timedelta(days=400)
CALENDAR_LIMIT = 1000
ATOM_ENTRIES = 50


def calendar_meetings(*, cooperation: Cooperation, body: Body | None = None) -> list[Meeting]:
    """Public meetings from a little over a year ago on (one query), at most `CALENDAR_LIMIT`."""
    meetings = Meeting.objects.filter(
        meetings_visible_q(ANONYMOUS), cooperation=cooperation, start__gte=timezone.now() - CALENDAR_HISTORY
    )
    if body is not None:
        joint = Meeting.joint_bodies.through.objects.filter(body=body).values("meeting_id")
        meetings = meetings.filter(body=body) | meetings.filter(pk__in=joint)
    meetings = meetings.select_related("cooperation", "body", "body__topic").order_by("start", "id")
    return list(meetings[:CALENDAR_LIMIT])


def feed_decisions(*, cooperation: Cooperation) -> list[AgendaItem]:
    return list(decisions_visible(cooperation=cooperation, viewer=ANONYMOUS)[:ATOM_ENTRIES])


def feed_documents(*, cooperation: Cooperation) -> list[DocumentRow]:
    documents = list(
        documents_visible(cooperation=cooperation, viewer=ANONYMOUS).select_related("dossier")[:ATOM_ENTRIES]
    )
    # A public document outside any meeting belongs to a dossier that is public too (the rules say so).
    dossiers = {doc.dossier.pk: doc.dossier for doc in documents if doc.meeting_id is None and doc.dossier}
    return document_rows(documents, dossiers=dossiers)


def sitemap_meetings() -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(meetings_visible_q(ANONYMOUS))
        .select_related("cooperation", "body", "body__topic")
        .order_by("start", "id")
    )


def sitemap_dossiers() -> QuerySet[Dossier]:
    return Dossier.objects.filter(dossiers_visible_q(ANONYMOUS)).select_related("cooperation").order_by("pk")
