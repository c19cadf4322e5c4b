"""The portal's long lists: decisions across meetings, dossiers and documents; each paged, each filtered by
the access rules for the viewer, each a fixed number of queries per page."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce, ExtractYear

from naober.access.rules import agenda_items_visible_q, documents_visible_q, dossiers_visible_q
from naober.access.viewer import Viewer
from naober.governance.models import Body
from naober.meetings.models import AgendaItem, Document, Dossier, Meeting
from naober.portal.selectors.common import (
    DocumentRow,
    Listing,
    current_versions,
    document_rows,
    local_midnight,
    paginate,
    visible_dossiers,
    zone_of,
)
from naober.registry.models import Cooperation, Topic


def _meeting_of_body(body: Body, prefix: str) -> Q:
    joint = Meeting.joint_bodies.through.objects.filter(body=body).values("meeting_id")
    mine = Q(**{f"{prefix}body": body}) | Q(**{f"{prefix}pk__in": joint})
    return Q(**{f"{prefix}cooperation_id": body.cooperation_id}) & mine  # see selectors/meetings.py


@dataclass(frozen=True)
class DecisionFilter:
    body: Body | None = None
    topic: Topic | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    outcome: str = ""


@dataclass(frozen=True)
class DecisionRow:
    item: AgendaItem
    dossier: Dossier | None  # only when the viewer may see it


def decisions_visible(*, cooperation: Cooperation, viewer: Viewer) -> QuerySet[AgendaItem]:
    """Agenda items with a decision that the viewer may see, newest meeting first."""
    return (
        AgendaItem.objects.filter(agenda_items_visible_q(viewer), meeting__cooperation=cooperation)
        .exclude(outcome="")
        .select_related("meeting", "meeting__cooperation", "meeting__body", "meeting__body__topic")
        .order_by("-meeting__start", "-meeting_id", "position")
    )


def decision_list(
    *, cooperation: Cooperation, viewer: Viewer, filters: DecisionFilter, page_number: str | None
) -> Listing[DecisionRow]:
    items = decisions_visible(cooperation=cooperation, viewer=viewer)
    if filters.body is not None:
        items = items.filter(_meeting_of_body(filters.body, "meeting__"))
    if filters.topic is not None:
        joint = Meeting.joint_bodies.through.objects.filter(body__topic=filters.topic).values("meeting_id")
        items = items.filter(
            Q(dossier__topic=filters.topic) | Q(meeting__body__topic=filters.topic) | Q(meeting_id__in=joint)
        )
    if filters.date_from is not None:
        items = items.filter(meeting__start__gte=local_midnight(cooperation, filters.date_from))
    if filters.date_to is not None:
        next_day = filters.date_to + datetime.timedelta(days=1)
        items = items.filter(meeting__start__lt=local_midnight(cooperation, next_day))
    if filters.outcome:
        items = items.filter(outcome=filters.outcome)
    page = paginate(items, page_number=page_number)
    found: list[AgendaItem] = list(page.object_list)
    dossiers = visible_dossiers(viewer=viewer, ids=[item.dossier_id for item in found])
    rows = [DecisionRow(item=item, dossier=dossiers.get(item.dossier_id or 0)) for item in found]
    return Listing(rows=rows, page=page)


def dossiers_visible(*, cooperation: Cooperation, viewer: Viewer) -> QuerySet[Dossier]:
    return (
        Dossier.objects.filter(dossiers_visible_q(viewer), cooperation=cooperation)
        .select_related("cooperation", "topic")
        .order_by("-created", "-id")
    )


def dossier_list(
    *,
    cooperation: Cooperation,
    viewer: Viewer,
    topic: Topic | None,
    status: str,
    page_number: str | None,
) -> Listing[Dossier]:
    dossiers = dossiers_visible(cooperation=cooperation, viewer=viewer)
    if topic is not None:
        dossiers = dossiers.filter(topic=topic)
    if status:
        dossiers = dossiers.filter(status=status)
    page = paginate(dossiers, page_number=page_number)
    return Listing(rows=list(page.object_list), page=page)


@dataclass(frozen=True)
class DocumentFilter:
    kind: str = ""
    body: Body | None = None
    year: int | None = None


def documents_visible(*, cooperation: Cooperation, viewer: Viewer) -> QuerySet[Document]:
    """Visible documents, newest first, with their meeting (for the link) and current version."""
    return (
        Document.objects.filter(documents_visible_q(viewer), cooperation=cooperation)
        .select_related(
            "cooperation", "meeting", "meeting__cooperation", "meeting__body", "meeting__body__topic"
        )
        .prefetch_related(current_versions())
        .order_by("-created", "-id")
    )


# A document's date on the documents page: its meeting's, else when it was added (a dossier's own).
DOCUMENT_DATE = Coalesce("meeting__start", "created")


def document_years(*, cooperation: Cooperation, viewer: Viewer) -> list[int]:
    documents = Document.objects.filter(documents_visible_q(viewer), cooperation=cooperation)
    years = (
        documents.annotate(year=ExtractYear(DOCUMENT_DATE, tzinfo=zone_of(cooperation)))
        .values_list("year", flat=True)
        .order_by("-year")
        .distinct()
    )
    return list(years)


def document_list(
    *, cooperation: Cooperation, viewer: Viewer, filters: DocumentFilter, page_number: str | None
) -> Listing[DocumentRow]:
    documents = (
        documents_visible(cooperation=cooperation, viewer=viewer)
        .annotate(dated=DOCUMENT_DATE)
        .order_by("-dated", "-id")
    )
    if filters.kind:
        documents = documents.filter(kind=filters.kind)
    if filters.body is not None:
        documents = documents.filter(_meeting_of_body(filters.body, "meeting__"))
    if filters.year is not None:
        documents = documents.filter(
            dated__gte=local_midnight(cooperation, datetime.date(filters.year, 1, 1)),
            dated__lt=local_midnight(cooperation, datetime.date(filters.year + 1, 1, 1)),
        )
    page = paginate(documents, page_number=page_number)
    dossier_only = [doc.dossier_id for doc in page.object_list if doc.meeting_id is None]
    dossiers = visible_dossiers(viewer=viewer, ids=dossier_only)
    return Listing(rows=document_rows(page.object_list, dossiers=dossiers), page=page)
