"""The entry point for pages and APIs: `search_for` — a viewer's query in, labelled results out."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import replace

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naober.access.viewer import Viewer, viewer_for
from naober.accounts.permissions import AnyUser
from naober.governance.models import Body
from naober.registry.models import Cooperation
from naober.search.backend import (
    MAX_PAGES,
    FacetBucket,
    Filters,
    Kind,
    SearchQuery,
    SearchResults,
    Sort,
    get_backend,
)
from naober.search.indexing import rebuild_request
from naober.search.permissions import access_filter
from naober.search.query import parse

KIND_LABELS = {
    Kind.MEETING: _("Meeting"),
    Kind.AGENDA_ITEM: _("Agenda item"),
    Kind.DECISION: _("Decision"),
    Kind.DOSSIER: _("Dossier"),
    Kind.DOCUMENT: _("Document"),
}
SORT_LABELS = {Sort.RELEVANCE: _("Relevance"), Sort.NEWEST: _("Newest first"), Sort.OLDEST: _("Oldest first")}
_SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")


def _int(value: object, low: int, high: int) -> int | None:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high else None


def filters_from(params: Mapping[str, object]) -> Filters:
    """Filters from request parameters; anything malformed is ignored, never an error."""
    cooperation = str(params.get("cooperation") or "")
    kind = str(params.get("kind") or "")
    return Filters(
        cooperation=cooperation if _SLUG.match(cooperation) else None,
        body=_int(params.get("body"), 1, 2**62),
        year=_int(params.get("year"), 1900, 2200),
        kind=kind if kind in Kind.ALL else None,
    )


def page_from(value: object) -> int:
    """A page number from a request parameter: 1 if malformed, at most MAX_PAGES."""
    return min(_int(value, 1, 10**9) or 1, MAX_PAGES)


def search_for(
    *,
    viewer_or_user: Viewer | AnyUser,
    q: str,
    filters: Filters | None = None,
    sort: str = Sort.RELEVANCE,
    page: int = 1,
    now: datetime.datetime | None = None,
) -> SearchResults:
    """What `q` finds among what the viewer may see. Filtering by permission happens inside the engine.

    Never raises for user input: a missing or outdated index gives `index_unavailable` (and a rebuild is
    requested), unreadable syntax is read as words.
    """
    viewer = viewer_or_user if isinstance(viewer_or_user, Viewer) else viewer_for(viewer_or_user)
    filters = filters or Filters()
    terms = parse(q)
    if not terms and filters == Filters():
        return SearchResults()
    query = SearchQuery(
        terms=terms,
        access=access_filter(viewer),
        now=now or timezone.now(),
        filters=filters,
        sort=sort if sort in Sort.ALL else Sort.RELEVANCE,
        page=max(1, min(page, MAX_PAGES)),
    )
    backend = get_backend()
    results = backend.search(query)
    if results.index_unavailable:
        rebuild_request()
        if backend.available():  # rebuilt at once (a small installation, or tasks run immediately)
            results = backend.search(query)
    _label(results)
    return results


def _label(results: SearchResults) -> None:
    """Names for facet values and hits, in two queries."""
    slugs = {bucket.value for bucket in results.facets.get("cooperation", [])}
    slugs |= {hit.cooperation for hit in results.hits}
    body_ids = {int(bucket.value) for bucket in results.facets.get("body", [])}
    body_ids |= {body for hit in results.hits for body in hit.bodies}
    cooperations = dict(
        Cooperation.objects.filter(slug__in=slugs).values_list("slug", "name") if slugs else []
    )
    bodies = {body.pk: body.name for body in Body.objects.filter(pk__in=body_ids).only("pk", "name")}
    results.labels = {
        "cooperation": cooperations,
        "body": {str(pk): name for pk, name in bodies.items()},
        "kind": {kind: str(label) for kind, label in KIND_LABELS.items()},
    }
    facets = results.facets
    for name in ("cooperation", "body", "kind"):
        labels = results.labels[name]
        facets[name] = [replace(b, label=labels.get(b.value, b.value)) for b in facets.get(name, [])]
    facets["kind"].sort(key=lambda bucket: Kind.ALL.index(bucket.value) if bucket.value in Kind.ALL else 99)
    facets["year"] = sorted(
        (replace(bucket, label=bucket.value) for bucket in facets.get("year", [])),
        key=lambda bucket: bucket.value,
        reverse=True,
    )


__all__ = ["FacetBucket", "Filters", "Sort", "filters_from", "page_from", "search_for"]
