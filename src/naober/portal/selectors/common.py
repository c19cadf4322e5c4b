"""Shared pieces of the portal's read path: cooperations, pages of lists, documents with their version.

Every portal read goes through `naober.access.rules` with the request's viewer: a visitor sees public,
published content; a signed-in member also sees the confidential items of their bodies on the same pages.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from naober.access.rules import dossiers_visible_q
from naober.access.viewer import Viewer
from naober.meetings.files import EXTENSIONS
from naober.meetings.models import Document, DocumentVersion, Dossier
from naober.registry.models import Cooperation

T = TypeVar("T")
PER_PAGE = 25


def cooperation_get_or_404(*, slug: str) -> Cooperation:
    cooperation = Cooperation.objects.filter(slug=slug).first()
    if cooperation is None:
        raise Http404
    return cooperation


def zone_of(cooperation: Cooperation) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(cooperation.time_zone)


def local_midnight(cooperation: Cooperation, day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=zone_of(cooperation))


@dataclass(frozen=True)
class Listing(Generic[T]):
    """One page of a list: the rows to show and Django's page for the navigation."""

    rows: list[T]
    page: Page[Any]


def paginate(queryset: QuerySet[Any], *, page_number: str | None, per_page: int = PER_PAGE) -> Page[Any]:
    """Page numbers; two queries per page (count and rows) whatever the size of the list."""
    return Paginator(queryset, per_page).get_page(page_number)


@dataclass(frozen=True)
class DocumentRow:
    """A visible document with its current version: what a download link needs to say."""

    document: Document
    version: DocumentVersion
    dossier: Dossier | None = None  # for a document of a dossier alone: where it links to

    @property
    def file_type(self) -> str:
        extensions = EXTENSIONS.get(self.version.mime_type)
        return extensions[0].upper() if extensions else self.version.mime_type

    @property
    def agenda_item_id(self) -> int | None:
        return self.document.agenda_item_id


def current_versions() -> Prefetch[Any]:
    return Prefetch("versions", queryset=DocumentVersion.objects.order_by("-number"))


def document_rows(
    documents: Iterable[Document], *, dossiers: dict[int, Dossier] | None = None
) -> list[DocumentRow]:
    """Documents loaded with `current_versions()`; a document without a version is left out. `dossiers`:
    the visible dossiers that documents outside any meeting link to."""
    rows = []
    for document in documents:
        versions = list(document.versions.all())
        if versions:
            dossier = None
            if document.meeting_id is None and dossiers and document.dossier_id is not None:
                dossier = dossiers.get(document.dossier_id)
            rows.append(DocumentRow(document=document, version=versions[0], dossier=dossier))
    return rows


def visible_dossiers(*, viewer: Viewer, ids: Sequence[int | None]) -> dict[int, Dossier]:
    """Of the dossiers `ids`, those the viewer may see (one query): only these get a link."""
    wanted = sorted({pk for pk in ids if pk is not None})
    if not wanted:
        return {}
    dossiers = Dossier.objects.filter(dossiers_visible_q(viewer), pk__in=wanted).select_related("cooperation")
    return {dossier.pk: dossier for dossier in dossiers}
