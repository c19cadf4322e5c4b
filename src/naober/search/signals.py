"""Changes to what is searchable enqueue one re-index task per transaction, after it commits.

Connected in `SearchConfig.ready`, so the meeting services need not know about search. Handlers only note
keys (no queries); the task works out what else depends on them (indexing.expand).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from naober.access.models import Secrecy
from naober.meetings.models import AgendaItem, Consultation, Document, DocumentVersion, Dossier, Meeting
from naober.search.documents import key_for

logger = logging.getLogger(__name__)
_state = threading.local()


class _Flush:
    """The after-commit callback of one transaction, holding the keys noted during it."""

    def __init__(self) -> None:
        self.keys: set[str] = set()

    def __call__(self) -> None:
        if getattr(_state, "pending", None) is self:
            _state.pending = None
        enqueue(self.keys)


def enqueue(keys: Iterable[str]) -> None:
    keys = sorted(set(keys))
    if not keys:
        return
    from naober.search.tasks import search_update

    try:
        search_update.enqueue(keys=keys)
    except Exception:  # noqa: BLE001 - a full queue or a bad backend must not undo the user's change
        logger.exception("Could not enqueue the search update of %d objects", len(keys))


def note(keys: Iterable[str]) -> None:
    """Re-index `keys` once the current transaction commits (at once outside a transaction)."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        enqueue(keys)
        return
    pending = getattr(_state, "pending", None)
    # A rolled-back savepoint drops its callbacks: register again if ours is gone.
    if pending is None or not any(entry[1] is pending for entry in connection.run_on_commit):
        pending = _Flush()
        _state.pending = pending
        transaction.on_commit(pending)
    pending.keys.update(keys)


def _object_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    note([key_for(instance)])


def _version_changed(sender: Any, instance: DocumentVersion, **kwargs: Any) -> None:
    note([f"document:{instance.document_id}"])


def _consultation_changed(sender: Any, instance: Consultation, **kwargs: Any) -> None:
    note([f"dossier:{instance.dossier_id}"])


def _secrecy_keys(secrecy: Secrecy) -> list[str]:
    targets = (
        ("agenda_item", secrecy.agenda_item_id),
        ("document", secrecy.document_id),
        ("dossier", secrecy.dossier_id),
    )
    return [f"{kind}:{pk}" for kind, pk in targets if pk is not None]


def _secrecy_changed(sender: Any, instance: Secrecy, **kwargs: Any) -> None:
    note(_secrecy_keys(instance))


def _recipients_changed(sender: Any, instance: Any, action: str, pk_set: Any, **kwargs: Any) -> None:
    if not action.startswith("post_"):
        return
    if isinstance(instance, Secrecy):
        note(_secrecy_keys(instance))
    else:  # removed from the reverse side: a user's secrecies
        note(key for secrecy in Secrecy.objects.filter(pk__in=pk_set or ()) for key in _secrecy_keys(secrecy))


def _joint_bodies_changed(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if action.startswith("post_") and isinstance(instance, Meeting):
        note([key_for(instance)])


def _before_delete(sender: Any, instance: AgendaItem | Dossier, **kwargs: Any) -> None:
    """Documents lose their link to a deleted item or dossier without a save of their own."""
    field = "agenda_item" if isinstance(instance, AgendaItem) else "dossier"
    pks = Document.objects.filter(**{field: instance}).values_list("pk", flat=True)
    note(f"document:{pk}" for pk in pks)


def _text_extracted(sender: Any, task_result: Any, **kwargs: Any) -> None:
    """Text extraction writes with `update()` (no post_save): re-index the document when it is done."""
    if not task_result.task.module_path.endswith("document_extract_text"):
        return
    version_id = task_result.kwargs.get("version_id")
    document_id = DocumentVersion.objects.filter(pk=version_id).values_list("document_id", flat=True).first()
    if document_id is not None:
        note([f"document:{document_id}"])


def connect() -> None:
    from django_tasks.signals import task_finished

    uid = "naober.search"
    for model in (Meeting, AgendaItem, Dossier, Document):
        post_save.connect(_object_changed, sender=model, dispatch_uid=f"{uid}.save.{model.__name__}")
        post_delete.connect(_object_changed, sender=model, dispatch_uid=f"{uid}.delete.{model.__name__}")
    for model in (AgendaItem, Dossier):
        pre_delete.connect(_before_delete, sender=model, dispatch_uid=f"{uid}.pre_delete.{model.__name__}")
    post_save.connect(_version_changed, sender=DocumentVersion, dispatch_uid=f"{uid}.version")
    post_delete.connect(_version_changed, sender=DocumentVersion, dispatch_uid=f"{uid}.version.delete")
    post_save.connect(_consultation_changed, sender=Consultation, dispatch_uid=f"{uid}.consultation")
    post_delete.connect(_consultation_changed, sender=Consultation, dispatch_uid=f"{uid}.consultation.delete")
    post_save.connect(_secrecy_changed, sender=Secrecy, dispatch_uid=f"{uid}.secrecy")
    post_delete.connect(_secrecy_changed, sender=Secrecy, dispatch_uid=f"{uid}.secrecy.delete")
    m2m_changed.connect(
        _recipients_changed, sender=Secrecy.recipients.through, dispatch_uid=f"{uid}.recipients"
    )
    m2m_changed.connect(
        _joint_bodies_changed, sender=Meeting.joint_bodies.through, dispatch_uid=f"{uid}.joint"
    )
    task_finished.connect(_text_extracted, dispatch_uid=f"{uid}.extracted")
