"""Composing an agenda: add, edit, reorder, renumber, remove, move to another meeting, forward a dossier."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max, QuerySet
from django.utils.translation import gettext as _

from naober.core.models import Channel, Confidentiality
from naober.core.services import Actor, object_delete, object_save
from naober.governance.models import Body, Person
from naober.meetings.models import (
    AgendaItem,
    AgendaItemKind,
    ConsultationRole,
    Dossier,
    DossierStatus,
    Meeting,
    MeetingStatus,
)
from naober.meetings.services.concurrency import meeting_claim_version

# Items that stay at the end of an agenda when others are added.
TRAILING_KINDS = (AgendaItemKind.ANY_OTHER_BUSINESS, AgendaItemKind.CLOSING)
# Positions are rewritten in two passes through this offset, so the unique (meeting, position) constraint
# holds at every step on databases without deferrable constraints (SQLite).
_SHIFT = 100_000


def _check_open(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("This meeting has been cancelled; its agenda can no longer be changed."))
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError(_("This meeting has been held; its agenda can no longer be changed."))


def agenda_items_in_order(meeting: Meeting, queryset: QuerySet[AgendaItem] | None = None) -> list[AgendaItem]:
    """Top-level items in position order, each directly followed by its sub-items."""
    items = list(
        (queryset if queryset is not None else AgendaItem.objects)
        .filter(meeting=meeting)
        .order_by("position")
    )
    children: dict[int, list[AgendaItem]] = {}
    for item in items:
        if item.parent_id is not None:
            children.setdefault(item.parent_id, []).append(item)
    ordered: list[AgendaItem] = []
    for item in items:
        if item.parent_id is None:
            ordered.append(item)
            ordered.extend(children.get(item.pk, []))
    return ordered


def _write_order(meeting: Meeting, ordered: list[AgendaItem]) -> None:
    """Give `ordered` positions 1..n and numbers 1, 2, 2.1, 2.2, 3 …"""
    AgendaItem.objects.filter(meeting=meeting).update(position=F("position") + _SHIFT)
    top = 0
    sub = 0
    for index, item in enumerate(ordered, start=1):
        if item.parent_id is None:
            top += 1
            sub = 0
            number = str(top)
        else:
            sub += 1
            number = f"{top}.{sub}"
        AgendaItem.objects.filter(pk=item.pk).update(position=index, number=number)
        item.position, item.number = index, number


def agenda_item_add(
    *,
    meeting: Meeting,
    title: str,
    kind: str = AgendaItemKind.DISCUSSION,
    description: str = "",
    confidentiality: str = Confidentiality.PUBLIC,
    rapporteur: Person | None = None,
    dossier: Dossier | None = None,
    parent: AgendaItem | None = None,
    expected_version: int | None,
    by: Actor = None,
    channel: str = Channel.SECRETARIAT,
    forwarded_from: AgendaItem | None = None,
) -> AgendaItem:
    """Add an item: as a sub-item after its parent's last sub-item, else before any other business/closing."""
    _check_open(meeting)
    with transaction.atomic():
        meeting_claim_version(
            meeting=meeting,
            expected_version=expected_version,
            by=by,
            summary=_("Item added: %(title)s") % {"title": title},
        )
        ordered = agenda_items_in_order(meeting)
        last = AgendaItem.objects.filter(meeting=meeting).aggregate(top=Max("position"))["top"] or 0
        item = AgendaItem(
            meeting=meeting,
            title=title,
            kind=kind,
            description=description,
            confidentiality=confidentiality,
            rapporteur=rapporteur,
            dossier=dossier,
            parent=parent,
            forwarded_from=forwarded_from,
            position=last + 1,
        )
        object_save(instance=item, by=by, channel=channel)
        if parent is not None:
            index = max(
                i for i, other in enumerate(ordered) if other.pk == parent.pk or other.parent_id == parent.pk
            )
            ordered.insert(index + 1, item)
        elif kind in TRAILING_KINDS:
            ordered.append(item)
        else:
            trailing = [
                i
                for i, other in enumerate(ordered)
                if other.parent_id is None and other.kind in TRAILING_KINDS
            ]
            ordered.insert(trailing[0] if trailing else len(ordered), item)
        _write_order(meeting, ordered)
    return item


def agenda_item_update(
    *,
    item: AgendaItem,
    expected_version: int | None,
    by: Actor = None,
    channel: str = Channel.SECRETARIAT,
    **fields: object,
) -> AgendaItem:
    allowed = {"title", "description", "kind", "confidentiality", "rapporteur", "dossier", "minutes"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"agenda_item_update cannot change {', '.join(sorted(unknown))}")
    meeting = item.meeting
    if set(fields) - {"minutes"}:
        _check_open(meeting)
    for name, value in fields.items():
        setattr(item, name, value)
    with transaction.atomic():
        meeting_claim_version(
            meeting=meeting,
            expected_version=expected_version,
            by=by,
            summary=_("Item %(number)s changed: %(title)s") % {"number": item.number, "title": item.title},
        )
        object_save(instance=item, by=by, channel=channel)
    return item


def agenda_reorder(
    *,
    meeting: Meeting,
    item_ids: list[int],
    expected_version: int | None,
    by: Actor = None,
) -> list[AgendaItem]:
    """Put the top-level items in the order of `item_ids` (sub-items travel with their item) and renumber."""
    _check_open(meeting)
    with transaction.atomic():
        ordered = agenda_items_in_order(meeting)
        top = [item for item in ordered if item.parent_id is None]
        if sorted(item_ids) != sorted(item.pk for item in top):
            raise ValidationError(_("The new order must name every item of the agenda exactly once."))
        meeting_claim_version(
            meeting=meeting, expected_version=expected_version, by=by, summary=_("Agenda reordered")
        )
        by_id = {item.pk: item for item in top}
        children = {item.pk: [child for child in ordered if child.parent_id == item.pk] for item in top}
        new_order: list[AgendaItem] = []
        for pk in item_ids:
            new_order.append(by_id[pk])
            new_order.extend(children[pk])
        _write_order(meeting, new_order)
    return new_order


def agenda_item_remove(
    *, item: AgendaItem, expected_version: int | None, by: Actor = None, channel: str = Channel.SECRETARIAT
) -> None:
    meeting = item.meeting
    _check_open(meeting)
    if item.outcome:
        raise ValidationError(_("An item with a recorded decision cannot be removed."))
    with transaction.atomic():
        meeting_claim_version(
            meeting=meeting,
            expected_version=expected_version,
            by=by,
            summary=_("Item removed: %(title)s") % {"title": item.title},
        )
        for child in item.children.all():
            object_delete(instance=child, by=by, channel=channel)
        object_delete(instance=item, by=by, channel=channel)
        _write_order(meeting, agenda_items_in_order(meeting))


def agenda_item_move(
    *,
    item: AgendaItem,
    to_meeting: Meeting,
    expected_version: int | None,
    by: Actor = None,
    channel: str = Channel.SECRETARIAT,
) -> AgendaItem:
    """Move an item (with its sub-items) to a later meeting, e.g. when it is postponed."""
    source = item.meeting
    _check_open(source)
    _check_open(to_meeting)
    if item.parent_id is not None:
        raise ValidationError(_("Move the main item; its sub-items go along."))
    if to_meeting.pk == source.pk:
        raise ValidationError(_("Choose another meeting."))
    if to_meeting.cooperation_id != source.cooperation_id:
        raise ValidationError(_("An item can only move to a meeting of the same cooperation."))
    if item.outcome:
        raise ValidationError(_("An item with a recorded decision cannot be moved."))
    with transaction.atomic():
        meeting_claim_version(
            meeting=source,
            expected_version=expected_version,
            by=by,
            summary=_("Item moved to %(meeting)s: %(title)s")
            % {"meeting": to_meeting.display_title, "title": item.title},
        )
        meeting_claim_version(
            meeting=to_meeting,
            expected_version=None,
            by=by,
            summary=_("Item moved here: %(title)s") % {"title": item.title},
        )
        children = list(item.children.all())
        remaining = [
            other
            for other in agenda_items_in_order(source)
            if other.pk != item.pk and other.parent_id != item.pk
        ]
        _write_order(source, remaining)
        target = agenda_items_in_order(to_meeting)
        last = max((other.position for other in target), default=0) + _SHIFT * 2
        for offset, moving in enumerate([item, *children], start=1):
            moving.meeting = to_meeting
            moving.position = last + offset
            object_save(instance=moving, by=by, channel=channel)
        trailing = [
            i for i, other in enumerate(target) if other.parent_id is None and other.kind in TRAILING_KINDS
        ]
        at = trailing[0] if trailing else len(target)
        _write_order(to_meeting, target[:at] + [item, *children] + target[at:])
    return item


def next_meeting_of(*, body: Body, after: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(
            body=body, start__gt=after.start, status__in=[MeetingStatus.PLANNED, MeetingStatus.CONVENED]
        )
        .order_by("start")
        .first()
    )


def agenda_item_forward(
    *,
    item: AgendaItem,
    to_body: Body,
    role: str = ConsultationRole.DECIDE,
    to_meeting: Meeting | None = None,
    by: Actor = None,
    channel: str = Channel.SECRETARIAT,
) -> AgendaItem:
    """Put the item's dossier on the next meeting of `to_body`, as the next step of the dossier's route.

    Creates the dossier from the item when it has none, so the link between the steps is never lost.
    """
    from naober.access.secrecy import carried_level, secrecy_copy
    from naober.meetings.services.dossier import consultation_step_for, dossier_create

    source = item.meeting
    if to_body.cooperation_id != source.cooperation_id:
        raise ValidationError(_("An item can only be forwarded to a body of the same cooperation."))
    target = to_meeting or next_meeting_of(body=to_body, after=source)
    if target is None:
        raise ValidationError(
            _("%(body)s has no planned meeting after %(date)s. Plan one first.")
            % {"body": to_body.display_name, "date": source.start.date().isoformat()}
        )
    if target.body_id != to_body.pk and not target.joint_bodies.filter(pk=to_body.pk).exists():
        raise ValidationError(
            _("The chosen meeting is not a meeting of %(body)s.") % {"body": to_body.display_name}
        )
    if target.start <= source.start:
        raise ValidationError(_("An item can only be forwarded to a later meeting."))
    level = carried_level(item)  # a secret travels with its recipients; a lifted one as confidential
    with transaction.atomic():
        dossier = item.dossier
        if dossier is None:
            dossier = dossier_create(
                cooperation=source.cooperation,
                title=item.title,
                summary=item.description,
                confidentiality=level,
                by=by,
                channel=channel,
            )
            secrecy_copy(source=item, dossier=dossier, by=by, channel=channel)
            item.dossier = dossier
            object_save(instance=item, by=by, channel=channel)
            consultation_step_for(
                dossier=dossier,
                body=source.body,
                role=_role_of(source.body, to_body),
                agenda_item=item,
                by=by,
                channel=channel,
            )
        if dossier.status == DossierStatus.IN_PREPARATION:
            dossier.status = DossierStatus.IN_PROGRESS
            object_save(instance=dossier, by=by, channel=channel)
        new_item = agenda_item_add(
            meeting=target,
            title=item.title,
            kind=AgendaItemKind.DECISION if role == ConsultationRole.DECIDE else AgendaItemKind.DISCUSSION,
            description=item.description,
            confidentiality=level,
            dossier=dossier,
            expected_version=None,
            by=by,
            channel=channel,
            forwarded_from=item,
        )
        secrecy_copy(source=item, item=new_item, by=by, channel=channel)
        consultation_step_for(
            dossier=dossier, body=to_body, role=role, agenda_item=new_item, by=by, channel=channel
        )
    return new_item


def _role_of(source: Body, target: Body) -> str:
    return ConsultationRole.PREPARE if source.prepares_id == target.pk else ConsultationRole.ADVISE
