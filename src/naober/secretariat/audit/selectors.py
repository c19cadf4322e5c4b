"""Who may read a cooperation's audit trail, and which objects make up a dossier's or a meeting's history."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404

from naober.access.models import Secrecy
from naober.accounts.models import CooperationRole
from naober.accounts.permissions import AnyUser, is_platform_admin
from naober.core.models import AuditEntry
from naober.core.selectors import ObjectKey, audit_entries_of, audit_former_ids, audit_trail
from naober.meetings.models import (
    Action,
    AgendaItem,
    Attendance,
    Consultation,
    Document,
    DocumentVersion,
    Dossier,
    Meeting,
)
from naober.registry.models import Cooperation

ITEM = AgendaItem._meta.label_lower
DOCUMENT = Document._meta.label_lower


def may_audit(*, user: AnyUser, cooperation_id: int) -> bool:
    """Only the cooperation's administrators and platform administrators read its audit trail."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if is_platform_admin(user):
        return True
    return CooperationRole.objects.filter(
        user_id=user.pk, cooperation_id=cooperation_id, role=CooperationRole.Role.ADMINISTRATOR
    ).exists()


def cooperation_for_auditor(*, user: AnyUser, slug: str) -> Cooperation:
    """The cooperation, or 404 — also when the user may not read its trail (reveal nothing)."""
    cooperation = Cooperation.objects.filter(slug=slug).first()
    if cooperation is None or not may_audit(user=user, cooperation_id=cooperation.pk):
        raise Http404
    return cooperation


def dossier_of(*, cooperation: Cooperation, pk: int) -> Dossier:
    dossier = Dossier.objects.filter(pk=pk, cooperation=cooperation).first()
    if dossier is None:
        raise Http404
    return dossier


def meeting_of(*, cooperation: Cooperation, pk: int) -> Meeting:
    meeting = Meeting.objects.filter(pk=pk, cooperation=cooperation).select_related("body__topic").first()
    if meeting is None:
        raise Http404
    return meeting


def _keys(model: type[models.Model], ids: set[str]) -> set[ObjectKey]:
    return {(model._meta.label_lower, str(pk)) for pk in ids}


def _ids(queryset: QuerySet[Any]) -> set[str]:
    return {str(pk) for pk in queryset.values_list("pk", flat=True)}


def _numbers(ids: set[str]) -> list[int]:
    return [int(pk) for pk in ids if pk.isdigit()]


def _former(trail: QuerySet[AuditEntry], model: type[models.Model], field: str, ids: set[str]) -> set[str]:
    return audit_former_ids(trail, object_type=model._meta.label_lower, field=field, values=_numbers(ids))


def _documents_and_versions(trail: QuerySet[AuditEntry], documents: set[str]) -> set[ObjectKey]:
    versions = _ids(DocumentVersion.objects.filter(document_id__in=_numbers(documents)))
    versions |= _former(trail, DocumentVersion, "document_id", documents)
    secrecies = _former(trail, Secrecy, "document_id", documents)
    return _keys(Document, documents) | _keys(DocumentVersion, versions) | _keys(Secrecy, secrecies)


def _item_secrecies(trail: QuerySet[AuditEntry], items: set[str]) -> set[ObjectKey]:
    """The secrecy imposed on or lifted from the items (its entries name no title)."""
    return _keys(Secrecy, _former(trail, Secrecy, "agenda_item_id", items))


def _item_documents(trail: QuerySet[AuditEntry], items: set[str], condition: Q) -> set[str]:
    documents = _ids(Document.objects.filter(condition | Q(agenda_item_id__in=_numbers(items))))
    return documents | _former(trail, Document, "agenda_item_id", items)


def dossier_history_keys(*, dossier: Dossier) -> set[ObjectKey]:
    """The dossier, its route steps, the agenda items that treated it (with their decisions), their documents
    and versions — also those removed since, found in the trail itself."""
    trail = audit_trail(cooperation_id=dossier.cooperation_id)
    this = {str(dossier.pk)}
    steps = _ids(Consultation.objects.filter(dossier=dossier))
    steps |= _former(trail, Consultation, "dossier_id", this)
    items = _ids(AgendaItem.objects.filter(Q(dossier=dossier) | Q(consultation__dossier=dossier)))
    items |= _former(trail, AgendaItem, "dossier_id", this)
    documents = _item_documents(trail, items, Q(dossier=dossier))
    documents |= _former(trail, Document, "dossier_id", this)
    return (
        _keys(Dossier, this)
        | _keys(Secrecy, _former(trail, Secrecy, "dossier_id", this))
        | _keys(Consultation, steps)
        | _keys(AgendaItem, items)
        | _item_secrecies(trail, items)
        | _documents_and_versions(trail, documents)
    )


def meeting_history_keys(*, meeting: Meeting) -> set[ObjectKey]:
    """The meeting, its agenda items (also those moved or removed), documents, attendance and actions."""
    trail = audit_trail(cooperation_id=meeting.cooperation_id)
    this = {str(meeting.pk)}
    items = _ids(AgendaItem.objects.filter(meeting=meeting)) | _former(trail, AgendaItem, "meeting_id", this)
    documents = _item_documents(trail, items, Q(meeting=meeting))
    documents |= _former(trail, Document, "meeting_id", this)
    attendance = _ids(Attendance.objects.filter(meeting=meeting))
    attendance |= _former(trail, Attendance, "meeting_id", this)
    actions = _ids(Action.objects.filter(origin_id__in=_numbers(items)))
    actions |= _former(trail, Action, "origin_id", items)
    return (
        _keys(Meeting, this)
        | _keys(AgendaItem, items)
        | _item_secrecies(trail, items)
        | _documents_and_versions(trail, documents)
        | _keys(Attendance, attendance)
        | _keys(Action, actions)
    )


def history_entries(*, cooperation: Cooperation, keys: set[ObjectKey]) -> QuerySet[AuditEntry]:
    return audit_entries_of(audit_trail(cooperation_id=cooperation.pk), keys=keys)
