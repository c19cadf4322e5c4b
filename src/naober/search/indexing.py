"""Keeping the index current: which search documents a change touches, updating them, rebuilding all.

Signal handlers (signals.py) collect the keys of changed objects and enqueue one `search_update` task after
commit; the task expands them here (a meeting's items and documents follow its status, an item's documents
and sub-items follow its confidentiality) and writes them with the index's one writer.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from django.db.models import Q
from django.utils import timezone

from naober.access.models import Secrecy
from naober.meetings.models import AgendaItem, Consultation, Document, Dossier, Meeting
from naober.search.backend import SearchBackend, SearchDocument, get_backend, search_directory
from naober.search.documents import BUILDERS, MODELS, build, parse_key

logger = logging.getLogger(__name__)

REBUILD_MARKER = "REBUILD-REQUESTED"
REBUILD_RETRY_AFTER = datetime.timedelta(minutes=15)
DEFAULT_BATCH_SIZE = 500


def _ids(keys: Iterable[str], kind: str) -> set[int]:
    return {parsed[1] for key in keys if (parsed := parse_key(key)) and parsed[0] == kind}


def expand(keys: Iterable[str]) -> set[str]:
    """The keys whose search documents may change with `keys` (a bounded number of queries)."""
    keys = set(keys)
    meetings = _ids(keys, "meeting")
    items = _ids(keys, "agenda_item")
    dossiers = _ids(keys, "dossier")
    if meetings:
        in_meetings = AgendaItem.objects.filter(meeting_id__in=meetings)
        items |= set(in_meetings.values_list("pk", flat=True))
        # A dossier is public once it is on a published meeting's agenda.
        dossiers |= set(in_meetings.exclude(dossier=None).values_list("dossier_id", flat=True))
    if items:
        children = AgendaItem.objects.filter(parent_id__in=items)
        items |= set(children.values_list("pk", flat=True))
        linked = AgendaItem.objects.filter(pk__in=items).exclude(dossier=None)
        dossiers |= set(linked.values_list("dossier_id", flat=True))
    documents = _ids(keys, "document")
    attached = Q(meeting_id__in=meetings) | Q(agenda_item_id__in=items) | Q(dossier_id__in=dossiers)
    if meetings or items or dossiers:
        documents |= set(Document.objects.filter(attached).values_list("pk", flat=True))
    expanded = keys.copy()
    for kind, pks in (("agenda_item", items), ("dossier", dossiers), ("document", documents)):
        expanded.update(f"{kind}:{pk}" for pk in pks)
    return expanded


def update(keys: Iterable[str], *, backend: SearchBackend | None = None) -> tuple[int, int]:
    """Re-index `keys` and what depends on them; returns (written, deleted)."""
    backend = backend or get_backend()
    if not backend.available():
        rebuild_request()
        return 0, 0
    documents, gone = build(expand(keys))
    if gone:
        backend.delete(gone)
    written = backend.index(documents) if documents else 0
    return written, len(gone)


def changed_since(moment: datetime.datetime) -> set[str]:
    """Keys of objects changed at or after `moment`: what a rebuild that started then may have missed."""
    keys: set[str] = set()
    for kind, model in MODELS.items():
        keys.update(
            f"{kind}:{pk}" for pk in model.objects.filter(modified__gte=moment).values_list("pk", flat=True)
        )
    for secrecy in Secrecy.objects.filter(modified__gte=moment):
        for kind, pk in (
            ("agenda_item", secrecy.agenda_item_id),
            ("document", secrecy.document_id),
            ("dossier", secrecy.dossier_id),
        ):
            if pk is not None:
                keys.add(f"{kind}:{pk}")
    routes = Consultation.objects.filter(modified__gte=moment).values_list("dossier_id", flat=True)
    keys.update(f"dossier:{pk}" for pk in routes)
    return keys


def count_all() -> int:
    return sum(model.objects.count() for model in (Meeting, AgendaItem, Dossier, Document))


def _batches(batch_size: int) -> Iterator[tuple[str, list[int]]]:
    for kind, model in MODELS.items():
        pks = list(model.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), batch_size):
            yield kind, pks[start : start + batch_size]


def _build_batch(task: tuple[str, list[int]]) -> list[SearchDocument]:
    from django.utils import translation

    kind, batch = task
    with translation.override("nl"):
        return list(BUILDERS[kind](batch))


def all_documents(
    *, batch_size: int = DEFAULT_BATCH_SIZE, progress: Callable[[int], None] | None = None, jobs: int = 1
) -> Iterator[SearchDocument]:
    """Every search document, built batch by batch; `progress` is told how many objects were read.

    With `jobs` > 1 the documents are built from the database in that many worker processes while this one
    writes them: building (reading rows, working out permissions and addresses) is most of a rebuild's
    Python time, and a national platform has millions of objects."""
    tasks = _batches(batch_size)
    if jobs <= 1:
        for task in tasks:
            yield from _build_batch(task)
            if progress is not None:
                progress(len(task[1]))
        return
    import multiprocessing

    from django.db import connections

    tasks_list = list(tasks)
    connections.close_all()  # the workers are forked: each opens its own connection
    window = jobs * 4  # batches in flight: memory stays bounded when writing is the slower side
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for start in range(0, len(tasks_list), window):
            chunk = tasks_list[start : start + window]
            for (_kind, batch), built in zip(chunk, pool.imap(_build_batch, chunk), strict=True):
                yield from built
                if progress is not None:
                    progress(len(batch))


def rebuild(
    *,
    backend: SearchBackend | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    jobs: int = 1,
) -> int:
    """Build a new index from the database, swap it in, then catch up with changes made meanwhile."""
    backend = backend or get_backend()
    started = timezone.now()
    written = backend.rebuild(all_documents(batch_size=batch_size, progress=progress, jobs=jobs))
    _marker().unlink(missing_ok=True)
    missed = changed_since(started)
    if missed:
        update(missed, backend=backend)
    return written


def _marker() -> Path:
    return search_directory() / REBUILD_MARKER


def rebuild_request() -> bool:
    """Ask the worker for a rebuild, at most once per REBUILD_RETRY_AFTER; True if one was enqueued."""
    marker = _marker()
    try:
        age = timezone.now().timestamp() - marker.stat().st_mtime
        if age < REBUILD_RETRY_AFTER.total_seconds():
            return False
    except OSError:
        pass
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.touch()
    from naober.search.tasks import search_rebuild

    logger.warning("Search index missing or outdated: a rebuild was requested.")
    search_rebuild.enqueue()
    return True
