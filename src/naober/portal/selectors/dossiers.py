"""A dossier on the portal: its route through the bodies and its documents."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from naober.access.rules import agenda_items_visible_q, documents_visible_q, dossiers_visible_q
from naober.access.viewer import Viewer
from naober.meetings.models import AgendaItem, Consultation, Document, Dossier, Meeting, MeetingStatus
from naober.portal.selectors.common import DocumentRow, current_versions, document_rows
from naober.registry.models import Cooperation


def dossier_get(*, cooperation: Cooperation, viewer: Viewer, pk: int) -> Dossier | None:
    """The dossier if the viewer may see it; None for missing and invisible alike."""
    return (
        Dossier.objects.filter(dossiers_visible_q(viewer), cooperation=cooperation, pk=pk)
        .select_related("cooperation", "topic")
        .first()
    )


@dataclass(frozen=True)
class RouteStep:
    """One step of the route. `item` and `meeting` are set only when the viewer may see the agenda item:
    of a step treated in an item they may not see, they learn the body and role, as for a planned step."""

    step: Consultation
    item: AgendaItem | None
    meeting: Meeting | None
    state: str  # "done", "planned", "cancelled" or "" (not for this viewer to know)


def _state(item: AgendaItem | None, meeting: Meeting | None, treated: bool) -> str:
    if item is None or meeting is None:
        return "" if treated else "planned"
    if meeting.status == MeetingStatus.CANCELLED:
        return "cancelled"
    if item.outcome or meeting.status == MeetingStatus.HELD or meeting.start <= timezone.now():
        return "done"
    return "planned"


def dossier_route(*, dossier: Dossier, viewer: Viewer) -> list[RouteStep]:
    """The steps in order (two queries): body and role always, meeting and outcome where the viewer may."""
    steps = list(
        Consultation.objects.filter(dossier=dossier)
        .select_related(
            "body",
            "body__topic",
            "agenda_item",
            "agenda_item__meeting",
            "agenda_item__meeting__cooperation",
            "agenda_item__meeting__body",
            "agenda_item__meeting__body__topic",
        )
        .order_by("position")
    )
    wanted = [step.agenda_item_id for step in steps if step.agenda_item_id is not None]
    visible = set(
        AgendaItem.objects.filter(agenda_items_visible_q(viewer), pk__in=wanted).values_list("pk", flat=True)
    )
    route = []
    for step in steps:
        item = step.agenda_item if step.agenda_item_id in visible else None
        meeting = item.meeting if item is not None else None
        route.append(RouteStep(step, item, meeting, _state(item, meeting, step.agenda_item_id is not None)))
    return route


def dossier_documents(*, dossier: Dossier, viewer: Viewer) -> list[DocumentRow]:
    """The dossier's visible documents (also those on its agenda items), newest first."""
    documents = (
        Document.objects.filter(documents_visible_q(viewer), dossier=dossier)
        .select_related("meeting", "meeting__cooperation", "meeting__body", "meeting__body__topic")
        .prefetch_related(current_versions())
        .order_by("-created", "-id")
    )
    return document_rows(documents, dossiers={dossier.pk: dossier})
