"""From domain objects to search documents: one per meeting, agenda item (or decision), dossier and document.

Each builder takes a batch of primary keys and loads what it needs in a fixed number of queries, so a full
rebuild costs a few queries per batch, not per object.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Subquery
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils import timezone, translation

from naober.access.rules import published_q
from naober.meetings.models import (
    AgendaItem,
    Consultation,
    Document,
    DocumentVersion,
    Dossier,
    Meeting,
)
from naober.search.backend import Kind, SearchDocument
from naober.search.permissions import Part, SecrecyIndex, combine, meeting_published

_URL_SENTINEL = "918273645"  # a stand-in document number, replaced in the reversed address
DOCUMENT_TEXT_LIMIT = 200_000  # characters of a document version's text that are indexed
MODELS: dict[str, type[Any]] = {
    "meeting": Meeting,
    "agenda_item": AgendaItem,
    "dossier": Dossier,
    "document": Document,
}


def key_for(obj: Meeting | AgendaItem | Dossier | Document) -> str:
    """The stable key of an object's search document, e.g. `agenda_item:42`."""
    kind = next(name for name, model in MODELS.items() if isinstance(obj, model))
    return f"{kind}:{obj.pk}"


def parse_key(key: str) -> tuple[str, int] | None:
    kind, _sep, pk = key.partition(":")
    if kind not in MODELS or not pk.isdigit():
        return None
    return kind, int(pk)


def search_url(obj: Meeting | AgendaItem | Dossier | Document) -> str:
    """Where a search hit links to: the public page of the object. The one place that knows these paths."""
    from naober.portal.links import agenda_item_path, dossier_path, meeting_path

    if isinstance(obj, Meeting):
        return meeting_path(obj)
    if isinstance(obj, AgendaItem):
        return agenda_item_path(obj)
    if isinstance(obj, Dossier):
        return dossier_path(obj)
    return reverse("meetings:document-download", args=[obj.pk])


def _local(moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment)


def _bodies(meeting: Meeting) -> tuple[int, ...]:
    return tuple(sorted({meeting.body_id, *(body.pk for body in meeting.joint_bodies.all())}))


def _join(*parts: str) -> str:
    return "\n".join(part.strip() for part in parts if part and part.strip())


def meetings(pks: list[int]) -> Iterator[SearchDocument]:
    queryset = Meeting.objects.filter(pk__in=pks).select_related(
        "cooperation", "body", "body__topic", "meeting_day"
    )
    for meeting in queryset.prefetch_related("joint_bodies"):
        published = meeting_published(meeting)
        names = [meeting.body.name, *(body.name for body in meeting.joint_bodies.all())]
        yield SearchDocument(
            key=key_for(meeting),
            kind=Kind.MEETING,
            title=meeting.display_title,
            text=_join(
                " · ".join(names), meeting.meeting_day.name if meeting.meeting_day else "", meeting.location
            ),
            url=search_url(meeting),
            date=_local(meeting.start),
            cooperation=meeting.cooperation.slug,
            cooperation_id=meeting.cooperation_id,
            bodies=_bodies(meeting),
            meeting_day=_local(meeting.start).date(),
            published_at=combine([], published=published).published_at,
            open=published,
        )


def _item_parts(item: AgendaItem, secrecies: SecrecyIndex) -> list[Part]:
    chain = [item] if item.parent is None else [item, item.parent]
    return [Part(link.confidentiality, secrecies.items.get(link.pk), link.embargo_until) for link in chain]


@dataclass(frozen=True)
class _MeetingFacts:
    """What an agenda item or document takes from its meeting, worked out once per meeting and batch: per
    item, the meeting's address alone (a URL reversal and a slug) cost a rebuild a tenth of its time."""

    start: datetime.datetime
    bodies: tuple[int, ...]
    published: bool


def _meeting_facts(meeting: Meeting, cache: dict[int, _MeetingFacts]) -> _MeetingFacts:
    facts = cache.get(meeting.pk)
    if facts is None:
        facts = cache[meeting.pk] = _MeetingFacts(
            start=_local(meeting.start),
            bodies=_bodies(meeting),
            published=meeting_published(meeting),
        )
    return facts


def agenda_items(pks: list[int]) -> Iterator[SearchDocument]:
    queryset = (
        AgendaItem.objects.filter(pk__in=pks)
        .select_related("meeting__cooperation", "meeting__body__topic", "parent")
        .prefetch_related("meeting__joint_bodies")
    )
    items = list(queryset)
    secrecies = SecrecyIndex.load(items=[pk for item in items for pk in (item.pk, item.parent_id) if pk])
    meetings: dict[int, _MeetingFacts] = {}
    paths: dict[int, str] = {}
    for item in items:
        meeting = item.meeting
        facts = _meeting_facts(meeting, meetings)
        if meeting.pk not in paths:
            paths[meeting.pk] = search_url(meeting)
        published = facts.published
        access = combine(_item_parts(item, secrecies), published=published)
        outcome = item.get_outcome_display() if item.outcome else ""
        yield SearchDocument(
            key=key_for(item),
            kind=Kind.DECISION if item.outcome else Kind.AGENDA_ITEM,
            title=item.title,
            text=_join(item.description, outcome, item.decision_text, item.minutes),
            url=f"{paths[meeting.pk]}#punt-{item.pk}",  # as portal.links.agenda_item_path
            date=facts.start,
            cooperation=meeting.cooperation.slug,
            cooperation_id=meeting.cooperation_id,
            bodies=facts.bodies,
            meeting_day=facts.start.date(),
            open=published,
            **_access_fields(access),
        )


def _access_fields(access: Any) -> dict[str, Any]:
    return {
        "level": access.level,
        "published_at": access.published_at,
        "secret_until": access.secret_until,
        "recipients": access.recipients,
        "trusted_users": access.trusted_users,
    }


def _dossier_published() -> Exists:
    """As `access.rules`: a dossier is public once it is on the agenda of a published meeting."""
    return Exists(AgendaItem.objects.filter(published_q("meeting__"), dossier_id=OuterRef("pk")))


def _route_prefetch() -> Prefetch[Any]:
    return Prefetch("consultations", queryset=Consultation.objects.only("dossier_id", "body_id"))


def dossiers(pks: list[int]) -> Iterator[SearchDocument]:
    queryset = (
        Dossier.objects.filter(pk__in=pks)
        .select_related("cooperation")
        .annotate(published=_dossier_published())
        .prefetch_related(_route_prefetch())
    )
    found = list(queryset)
    secrecies = SecrecyIndex.load(dossiers=[dossier.pk for dossier in found])
    for dossier in found:
        published = bool(dossier.published)
        access = combine(
            [Part(dossier.confidentiality, secrecies.dossiers.get(dossier.pk))], published=published
        )
        yield SearchDocument(
            key=key_for(dossier),
            kind=Kind.DOSSIER,
            title=f"{dossier.reference} {dossier.title}",
            text=dossier.summary,
            url=search_url(dossier),
            date=_local(dossier.created),
            cooperation=dossier.cooperation.slug,
            cooperation_id=dossier.cooperation_id,
            bodies=tuple(sorted({step.body_id for step in dossier.consultations.all()})),
            open=published,
            **_access_fields(access),
        )


def documents(pks: list[int]) -> Iterator[SearchDocument]:
    current_text = (
        DocumentVersion.objects.filter(document_id=OuterRef("pk")).order_by("-number").values("text")[:1]
    )
    queryset = (
        Document.objects.filter(pk__in=pks, deleted_at__isnull=True)
        .select_related(
            "cooperation",
            "agenda_item__parent",
            "agenda_item__meeting",
            "meeting",
            "dossier",
        )
        .prefetch_related("agenda_item__meeting__joint_bodies", "meeting__joint_bodies")
        .annotate(current_text=Substr(Subquery(current_text), 1, DOCUMENT_TEXT_LIMIT))
    )
    found = list(queryset)
    dossier_ids = [doc.dossier_id for doc in found if doc.dossier_id and doc.meeting_id is None]
    dossier_facts = {
        dossier.pk: dossier
        for dossier in Dossier.objects.filter(pk__in=dossier_ids)
        .annotate(published=_dossier_published())
        .prefetch_related(_route_prefetch())
    }
    secrecies = SecrecyIndex.load(
        items=[
            pk
            for doc in found
            if doc.agenda_item
            for pk in (doc.agenda_item_id, doc.agenda_item.parent_id)
            if pk
        ],
        documents=[doc.pk for doc in found],
        dossiers=dossier_ids,
    )
    meetings: dict[int, _MeetingFacts] = {}
    # search_url(doc) without a URL reversal per document: the address with a stand-in number, once a batch
    download = reverse("meetings:document-download", args=[_URL_SENTINEL])
    for doc in found:
        own = Part(doc.confidentiality, secrecies.documents.get(doc.pk), doc.embargo_until)
        meeting = doc.agenda_item.meeting if doc.agenda_item else doc.meeting
        facts = _meeting_facts(meeting, meetings) if meeting is not None else None
        date = facts.start if facts is not None else _local(doc.created)
        extra: dict[str, Any] = {}
        if facts is not None:
            item_parts = _item_parts(doc.agenda_item, secrecies) if doc.agenda_item else []
            published = facts.published
            access = combine([own, *item_parts], published=published)
            extra = {"bodies": facts.bodies, "meeting_day": date.date()}
        elif doc.dossier_id in dossier_facts:
            dossier = dossier_facts[doc.dossier_id]
            published = bool(dossier.published)
            dossier_part = Part(dossier.confidentiality, secrecies.dossiers.get(dossier.pk))
            access = combine([own, dossier_part], published=published)
            extra = {"bodies": tuple(sorted({step.body_id for step in dossier.consultations.all()}))}
        else:
            continue
        yield SearchDocument(
            key=key_for(doc),
            kind=Kind.DOCUMENT,
            title=doc.title,
            text=doc.current_text or "",
            url=download.replace(_URL_SENTINEL, str(doc.pk)),
            date=date,
            cooperation=doc.cooperation.slug,
            cooperation_id=doc.cooperation_id,
            open=published,
            **extra,
            **_access_fields(access),
        )


BUILDERS = {"meeting": meetings, "agenda_item": agenda_items, "dossier": dossiers, "document": documents}


def build(keys: Iterable[str]) -> tuple[list[SearchDocument], list[str]]:
    """Search documents for `keys`, and the keys whose object is gone or not to be indexed (to delete)."""
    wanted: dict[str, list[int]] = {}
    valid: set[str] = set()
    for key in keys:
        parsed = parse_key(key)
        if parsed is not None:
            wanted.setdefault(parsed[0], []).append(parsed[1])
            valid.add(key)
    built: list[SearchDocument] = []
    with translation.override("nl"):  # outcome labels are indexed in Dutch
        for kind, pks in wanted.items():
            built.extend(BUILDERS[kind](sorted(set(pks))))
    return built, sorted(valid - {doc.key for doc in built})
