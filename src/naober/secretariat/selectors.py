"""Reads for the secretariat UI, always through the editor check and the visibility rules of
`naober.access.rules`: an editor who is no recipient of a secret item sees a numbered placeholder instead."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from naober.access.rules import (
    AgendaRow,
    agenda_items_visible_q,
    agenda_rows,
    documents_visible_q,
    dossier_visible,
    dossiers_visible_q,
    visible_item_ids,
)
from naober.access.viewer import Viewer
from naober.accounts.permissions import AnyUser, can_edit_cooperation, cooperations_editable_by
from naober.governance.models import Membership
from naober.governance.selectors import membership_current_q
from naober.meetings.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    Document,
    DocumentVersion,
    Dossier,
    Meeting,
    MeetingChange,
    MeetingDay,
    MeetingStatus,
)
from naober.meetings.services.agenda import agenda_items_in_order
from naober.registry.models import Cooperation


def cooperation_for_editor(*, user: AnyUser, slug: str) -> Cooperation:
    """The cooperation, or 404 — also when the user may not edit it (reveal nothing)."""
    cooperation = cooperations_editable_by(user=user).filter(slug=slug).first()
    if cooperation is None:
        raise Http404
    return cooperation


def meeting_for_editor(*, user: AnyUser, cooperation: Cooperation, pk: int) -> Meeting:
    meeting = (
        Meeting.objects.filter(pk=pk, cooperation=cooperation)
        .select_related("body", "body__topic", "body__prepares", "cooperation", "meeting_day")
        .first()
    )
    if meeting is None or not can_edit_cooperation(user=user, cooperation_id=cooperation.pk):
        raise Http404
    return meeting


def dossier_for_editor(*, viewer: Viewer, cooperation: Cooperation, pk: int) -> Dossier:
    """The dossier, or 404 — also for a secret dossier the editor is no recipient of."""
    dossier = Dossier.objects.filter(pk=pk, cooperation=cooperation).select_related("topic").first()
    if dossier is None or not viewer.may_edit(cooperation.pk) or not dossier_visible(viewer, dossier):
        raise Http404
    return dossier


@dataclass(frozen=True)
class DossierRow:
    """A dossier in a list; `hidden` ones (secret, not for this reader) show their reference only."""

    pk: int
    reference: str
    dossier: Dossier | None

    @property
    def hidden(self) -> bool:
        return self.dossier is None


def meeting_list(*, cooperation: Cooperation, upcoming: bool, limit: int = 50) -> QuerySet[Meeting]:
    now = timezone.now()
    meetings = (
        Meeting.objects.filter(cooperation=cooperation)
        .select_related("body", "body__topic")
        .annotate(item_count=Count("agenda_items"))
    )
    if upcoming:
        return meetings.filter(end__gte=now).order_by("start")[:limit]
    return meetings.filter(end__lt=now).order_by("-start")[:limit]


def dossier_list(*, cooperation: Cooperation, viewer: Viewer, limit: int = 50) -> list[DossierRow]:
    dossiers = list(
        Dossier.objects.filter(cooperation=cooperation).select_related("topic").order_by("-modified")[:limit]
    )
    visible = set(
        Dossier.objects.filter(dossiers_visible_q(viewer), pk__in=[d.pk for d in dossiers]).values_list(
            "pk", flat=True
        )
    )
    return [
        DossierRow(d.pk, d.reference, d if d.pk in visible else None)
        for d in dossiers
        if d.pk in visible or viewer.may_edit(cooperation.pk)
    ]


def _visible_origin(viewer: Viewer) -> Q:
    """Actions from an item the viewer may not see would tell its content: left out."""
    return Q(origin__isnull=True) | Q(origin__in=AgendaItem.objects.filter(agenda_items_visible_q(viewer)))


def open_actions_carried_over(*, meeting: Meeting, viewer: Viewer) -> list[Action]:
    """Open actions of the body from earlier meetings: they appear on this meeting's action list."""
    return list(
        Action.objects.filter(
            _visible_origin(viewer), body=meeting.body, status=ActionStatus.OPEN, created__lt=meeting.start
        )
        .exclude(origin__meeting=meeting)
        .select_related(
            "owner_person", "owner_municipality", "owner_organisation", "origin", "origin__meeting"
        )
        .order_by("due_date", "id")
    )


@dataclass
class Workspace:
    meeting: Meeting
    items: list[AgendaRow]
    documents: dict[int | None, list[Document]]
    members: list[Membership]
    attendance: dict[int, Attendance]
    carried_over: list[Action]
    new_actions: list[Action]
    changes: list[MeetingChange]
    joint_bodies: list[object]


def meeting_workspace(*, meeting: Meeting, viewer: Viewer) -> Workspace:
    ordered = agenda_items_in_order(
        meeting,
        AgendaItem.objects.select_related(
            "dossier", "consultation", "forwarded_from__meeting__body__topic", "rapporteur"
        ).prefetch_related(
            Prefetch(
                "forwarded_to",
                queryset=AgendaItem.objects.select_related("meeting__body__topic").order_by("meeting__start"),
            )
        ),
    )
    items = agenda_rows(viewer=viewer, meeting=meeting, items=ordered)
    visible_ids = {item.pk for item in items if isinstance(item, AgendaItem)}
    documents: dict[int | None, list[Document]] = {}
    for document in (
        Document.objects.filter(documents_visible_q(viewer), meeting=meeting)
        .prefetch_related(Prefetch("versions", queryset=DocumentVersion.objects.order_by("-number")))
        .order_by("title")
    ):
        documents.setdefault(document.agenda_item_id, []).append(document)
    on = timezone.localtime(meeting.start).date()
    bodies = [meeting.body_id, *meeting.joint_bodies.values_list("pk", flat=True)]
    members = list(
        Membership.objects.filter(membership_current_q(on=on), body_id__in=bodies)
        .select_related("person", "on_behalf_of_municipality", "on_behalf_of_organisation", "body")
        .order_by("person__family_name", "person__given_name")
    )
    seen: set[int] = set()
    unique_members = []
    for membership in members:
        if membership.person_id not in seen:
            seen.add(membership.person_id)
            unique_members.append(membership)
    attendance = {
        row.person_id: row for row in Attendance.objects.filter(meeting=meeting).select_related("replaced_by")
    }
    new_actions = list(
        Action.objects.filter(_visible_origin(viewer), origin__meeting=meeting)
        .select_related("owner_person", "owner_municipality", "owner_organisation", "origin")
        .order_by("id")
    )
    return Workspace(
        meeting=meeting,
        items=items,
        documents=documents,
        members=unique_members,
        attendance=attendance,
        carried_over=open_actions_carried_over(meeting=meeting, viewer=viewer),
        new_actions=new_actions,
        changes=visible_changes(meeting=meeting, viewer=viewer, visible_ids=visible_ids),
        joint_bodies=list(meeting.joint_bodies.select_related("topic")),
    )


def action_owner_choices(*, meeting: Meeting) -> list[tuple[str, str]]:
    """Owners an action can get: the body's members and the municipalities they represent."""
    on = timezone.localtime(meeting.start).date()
    memberships = (
        Membership.objects.filter(membership_current_q(on=on), body=meeting.body)
        .select_related("person", "on_behalf_of_municipality")
        .order_by("person__family_name")
    )
    people = {f"person:{item.person_id}": item.person.name for item in memberships}
    municipalities = {
        f"municipality:{item.on_behalf_of_municipality_id}": f"gemeente {item.on_behalf_of_municipality}"
        for item in memberships
        if item.on_behalf_of_municipality_id
    }
    return sorted(people.items(), key=lambda pair: pair[1]) + sorted(
        municipalities.items(), key=lambda pair: pair[1]
    )


def visible_changes(
    *,
    meeting: Meeting,
    viewer: Viewer,
    visible_ids: set[int] | None = None,
    changes: list[MeetingChange] | None = None,
) -> list[MeetingChange]:
    """The meeting's recent changes (or `changes`) without those naming an item the viewer may not see."""
    from naober.meetings.selectors import hidden_titles, item_titles

    if changes is None:
        changes = list(
            MeetingChange.objects.filter(meeting=meeting).select_related("by").order_by("-version")[:15]
        )
    if visible_ids is None:
        visible_ids = visible_item_ids(viewer, meeting=meeting)
    hidden = hidden_titles(
        item_titles(meeting=meeting), visible_item_ids=visible_ids, may_see_confidential=True
    )
    return [change for change in changes if not any(title in change.summary for title in hidden)]


def upcoming_for_user(*, user: AnyUser, days: int = 60) -> QuerySet[Meeting]:
    now = timezone.now()
    return (
        Meeting.objects.filter(
            cooperation__in=cooperations_editable_by(user=user),
            end__gte=now,
            start__lte=now + datetime.timedelta(days=days),
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("body", "body__topic", "cooperation")
        .order_by("start")[:20]
    )


def open_actions_for_user(*, user: AnyUser, viewer: Viewer) -> QuerySet[Action]:
    return (
        Action.objects.filter(
            _visible_origin(viewer),
            body__cooperation__in=cooperations_editable_by(user=user),
            status=ActionStatus.OPEN,
        )
        .filter(
            Q(due_date__isnull=True) | Q(due_date__lte=timezone.localdate() + datetime.timedelta(days=14))
        )
        .select_related("body", "body__topic", "body__cooperation", "owner_person", "owner_municipality")
        .order_by("due_date")[:20]
    )


def meeting_day_for_editor(*, user: AnyUser, cooperation: Cooperation, pk: int) -> MeetingDay:
    day = MeetingDay.objects.filter(pk=pk, cooperation=cooperation).first()
    if day is None or not can_edit_cooperation(user=user, cooperation_id=cooperation.pk):
        raise Http404
    return day


def meeting_day_agenda(*, day: MeetingDay, viewer: Viewer) -> list[tuple[Meeting, list[AgendaRow]]]:
    """Each meeting of the day in time order with its agenda: the combined agenda, in two queries."""
    meetings = list(
        day.meetings.exclude(status=MeetingStatus.CANCELLED)
        .select_related("body", "body__topic")
        .order_by("start")
    )
    items: dict[int, list[AgendaItem]] = {meeting.pk: [] for meeting in meetings}
    for item in AgendaItem.objects.filter(meeting__in=meetings).order_by("meeting_id", "position"):
        items[item.meeting_id].append(item)
    return [
        (meeting, agenda_rows(viewer=viewer, meeting=meeting, items=items[meeting.pk]))
        for meeting in meetings
    ]


def previous_meeting_awaiting_minutes(*, meeting: Meeting) -> Meeting | None:
    """The body's previous held meeting whose minutes have not been approved yet."""
    return (
        Meeting.objects.filter(
            body_id=meeting.body_id,
            start__lt=meeting.start,
            status=MeetingStatus.HELD,
            minutes_approved_in__isnull=True,
        )
        .order_by("-start")
        .first()
    )
