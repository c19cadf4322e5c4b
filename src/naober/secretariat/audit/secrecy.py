"""Secret objects in the audit trail: their entries show who and when, but no object name and no values.

The trail of a cooperation is for its administrators, who may read confidential titles. Secret agenda items,
documents and dossiers are for the recipients named in their `Secrecy` only (naober.access.rules) — not for
editors, administrators or platform administrators by right. So an entry about a secret object, about a
version of a secret document or an action arising from a secret item, is shown without its object's name and
changes to everyone but the recipients.

An object is secret to a reader when it, or what it belongs to (a sub-item's item, a document's item and
that item's item, a dossier document's dossier), is secret and the reader is not among that one's recipients.
Secret means: under an active secrecy; or, without any secrecy record, marked secret now or at any time in its
own entries (objects since deleted, or set back without a formal lifting: an old title stays as secret as it
was). A lifted secrecy makes the object confidential, as everywhere else.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone

from naober.access.models import Secrecy
from naober.access.viewer import Viewer
from naober.core.models import AuditEntry, Confidentiality
from naober.core.selectors import ObjectKey
from naober.meetings.models import Action, AgendaItem, Document, DocumentVersion, Dossier

SECRET = Confidentiality.SECRET
ITEM = AgendaItem._meta.label_lower
DOCUMENT = Document._meta.label_lower
DOSSIER = Dossier._meta.label_lower
VERSION = DocumentVersion._meta.label_lower
ACTION = Action._meta.label_lower
SECRECY = Secrecy._meta.label_lower


def _numbers(ids: Iterable[str]) -> list[int]:
    return sorted({int(pk) for pk in ids if pk.isdigit()})


def _side(changes: Any, key: str) -> int | None:
    """The value of `key` in an entry's changes (after, else before), as a number."""
    if not isinstance(changes, dict):
        return None
    value = changes.get(key)
    pair = value if isinstance(value, list) and len(value) == 2 else [None, value]
    for candidate in (pair[1], pair[0]):
        if isinstance(candidate, int) and not isinstance(candidate, bool):
            return candidate
    return None


def _subjects(entries: Sequence[AuditEntry]) -> dict[int, ObjectKey]:
    """For each entry that can carry secret content, the object whose secrecy governs it."""
    subjects: dict[int, ObjectKey] = {}
    versions: dict[int, str] = {}
    actions: dict[int, str] = {}
    for entry in entries:
        if entry.object_type in (ITEM, DOCUMENT, DOSSIER):
            subjects[entry.pk] = (entry.object_type, entry.object_id)
        elif entry.object_type == VERSION:
            document = _side(entry.changes, "document_id")
            if document is not None:
                subjects[entry.pk] = (DOCUMENT, str(document))
            else:
                versions[entry.pk] = entry.object_id
        elif entry.object_type == ACTION:
            origin = _side(entry.changes, "origin_id")
            if origin is not None:
                subjects[entry.pk] = (ITEM, str(origin))
            else:
                actions[entry.pk] = entry.object_id
    if versions:
        found = DocumentVersion.objects.filter(pk__in=_numbers(versions.values()))
        documents = {str(pk): str(document) for pk, document in found.values_list("pk", "document_id")}
        subjects |= {pk: (DOCUMENT, documents[v]) for pk, v in versions.items() if v in documents}
    if actions:
        found_actions = Action.objects.filter(pk__in=_numbers(actions.values()), origin__isnull=False)
        origins = {str(pk): str(origin) for pk, origin in found_actions.values_list("pk", "origin_id")}
        subjects |= {pk: (ITEM, origins[a]) for pk, a in actions.items() if a in origins}
    return subjects


@dataclass
class _Levels:
    """What is known of the objects involved: their chain (itself, its item, that item's parent), their
    current level, their secrecy records and whether their entries ever marked them secret."""

    chains: dict[ObjectKey, list[ObjectKey]]
    level: dict[ObjectKey, str]
    recorded: set[ObjectKey]
    active: set[ObjectKey]
    ever_secret: set[ObjectKey]

    def secret(self, key: ObjectKey) -> bool:
        if key in self.recorded:
            return key in self.active
        return self.level.get(key) == SECRET or key in self.ever_secret


def _load(subjects: set[ObjectKey]) -> _Levels:
    chains: dict[ObjectKey, list[ObjectKey]] = {key: [key] for key in subjects}
    level: dict[ObjectKey, str] = {}
    ids = {kind: _numbers(pk for k, pk in subjects if k == kind) for kind in (ITEM, DOCUMENT, DOSSIER)}
    documents = Document.objects.filter(pk__in=ids[DOCUMENT]).select_related("agenda_item__parent", "dossier")
    for document in documents:
        key = (DOCUMENT, str(document.pk))
        level[key] = document.confidentiality
        item = document.agenda_item
        for above in (item, item.parent if item is not None else None):
            if above is not None:
                chains[key].append((ITEM, str(above.pk)))
                level[(ITEM, str(above.pk))] = above.confidentiality
        if item is None and document.dossier is not None:  # a dossier's own document is as closed as it
            chains[key].append((DOSSIER, str(document.dossier.pk)))
            level[(DOSSIER, str(document.dossier.pk))] = document.dossier.confidentiality
    for item in AgendaItem.objects.filter(pk__in=ids[ITEM]).select_related("parent"):
        key = (ITEM, str(item.pk))
        level[key] = item.confidentiality
        if item.parent is not None:
            chains[key].append((ITEM, str(item.parent.pk)))
            level[(ITEM, str(item.parent.pk))] = item.parent.confidentiality
    for pk, confidentiality in Dossier.objects.filter(pk__in=ids[DOSSIER]).values_list(
        "pk", "confidentiality"
    ):
        level[(DOSSIER, str(pk))] = confidentiality
    involved = {key for chain in chains.values() for key in chain}
    recorded, active = _secrecies(involved)
    return _Levels(chains, level, recorded, active, _ever_secret(involved - recorded))


def _secrecies(keys: set[ObjectKey]) -> tuple[set[ObjectKey], set[ObjectKey]]:
    condition = Q(pk__in=[])
    for kind, field in ((ITEM, "agenda_item_id"), (DOCUMENT, "document_id"), (DOSSIER, "dossier_id")):
        wanted = _numbers(pk for k, pk in keys if k == kind)
        if wanted:
            condition |= Q(**{f"{field}__in": wanted})
    if not keys:
        return set(), set()
    recorded: set[ObjectKey] = set()
    active: set[ObjectKey] = set()
    today = timezone.localdate()
    for secrecy in Secrecy.objects.filter(condition).only(
        "agenda_item_id", "document_id", "dossier_id", "lift_on", "lifted_at"
    ):
        if secrecy.agenda_item_id is not None:
            key = (ITEM, str(secrecy.agenda_item_id))
        elif secrecy.document_id is not None:
            key = (DOCUMENT, str(secrecy.document_id))
        else:
            key = (DOSSIER, str(secrecy.dossier_id))
        recorded.add(key)
        if secrecy.is_active(on=today):
            active.add(key)
    return recorded, active


def _ever_secret(keys: set[ObjectKey]) -> set[ObjectKey]:
    if not keys:
        return set()
    rows = (
        AuditEntry.objects.filter(
            object_type__in=sorted({kind for kind, _pk in keys}),
            object_id__in=sorted({pk for _kind, pk in keys}),
        )
        .filter(Q(changes__confidentiality__0=SECRET) | Q(changes__confidentiality__1=SECRET))
        .order_by()
        .values_list("object_type", "object_id")
        .distinct()
    )
    return {(kind, pk) for kind, pk in rows} & keys


def _recipient(viewer: Viewer, key: ObjectKey) -> bool:
    """Is `viewer` named in the secrecy of `key` (also once lifted: lifting never takes access away)?"""
    grants = {
        ITEM: viewer.secret_item_ids,
        DOCUMENT: viewer.secret_document_ids,
        DOSSIER: viewer.secret_dossier_ids,
    }
    return key[1].isdigit() and int(key[1]) in grants.get(key[0], frozenset())


def _hidden_subjects(viewer: Viewer, subjects: set[ObjectKey]) -> set[ObjectKey]:
    levels = _load(subjects)
    return {
        subject
        for subject in subjects
        if any(levels.secret(key) and not _recipient(viewer, key) for key in levels.chains[subject])
    }


def hidden_entries(*, viewer: Viewer, entries: Sequence[AuditEntry]) -> set[int]:
    """The ids of the entries whose object name and changes `viewer` may not see."""
    subjects = _subjects(entries)
    hidden = _hidden_subjects(viewer, set(subjects.values()))
    return {entry_pk for entry_pk, subject in subjects.items() if subject in hidden}


def subject_hidden(*, viewer: Viewer, key: ObjectKey) -> bool:
    """Is the name of the agenda item, document or dossier `key` secret to `viewer`?"""
    return bool(_hidden_subjects(viewer, {key}))
