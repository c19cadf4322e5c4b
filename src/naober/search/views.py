"""The public results page `/zoeken/`: a GET form, facets as links, snippets, sorting and pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from naober.access.viewer import viewer_from_request
from naober.search.backend import SearchHit, SearchResults, Sort
from naober.search.query import MAX_QUERY_CHARS
from naober.search.services import KIND_LABELS, SORT_LABELS, filters_from, page_from, search_for

FACET_TITLES = {
    "kind": _("Kind"),
    "cooperation": _("Cooperation"),
    "body": _("Body"),
    "year": _("Year"),
}
PARAMETERS = ("q", "cooperation", "body", "year", "kind", "sort")


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    count: int = 0
    current: bool = False


def _url(params: dict[str, str], **changes: str | None) -> str:
    merged = {**params, **changes}
    kept = {key: value for key, value in merged.items() if value}
    return "?" + urlencode(kept) if kept else "?"


def _facets(results: SearchResults, params: dict[str, str]) -> list[tuple[str, str, list[Link], str | None]]:
    groups = []
    for name in ("kind", "cooperation", "body", "year"):
        buckets = results.facets.get(name, [])
        chosen = params.get(name) or None
        links = [
            Link(
                bucket.label or bucket.value,
                _url(params, **{name: bucket.value}),
                bucket.count,
                bucket.value == chosen,
            )
            for bucket in buckets
        ]
        if links:
            groups.append(
                (name, str(FACET_TITLES[name]), links, _url(params, **{name: None}) if chosen else None)
            )
    return groups


def _highlight(html: str) -> str:
    # The engine escapes the text and marks matches with <b>; a literal <b> in the text arrives escaped.
    return html.replace("<b>", "<mark>").replace("</b>", "</mark>")


def _hit_rows(results: SearchResults) -> list[dict[str, Any]]:
    bodies = results.labels.get("body", {})
    cooperations = results.labels.get("cooperation", {})
    return [
        {
            "hit": hit,
            "kind": KIND_LABELS.get(hit.kind, hit.kind),
            "title_html": _highlight(hit.title_html),
            "snippet_html": _highlight(hit.snippet),
            "cooperation": cooperations.get(hit.cooperation, hit.cooperation),
            "bodies": [bodies[str(body)] for body in hit.bodies if str(body) in bodies],
        }
        for hit in results.hits
        if isinstance(hit, SearchHit)
    ]


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    params = {key: request.GET.get(key, "")[:MAX_QUERY_CHARS] for key in PARAMETERS}
    sort = params["sort"] if params["sort"] in Sort.ALL else Sort.RELEVANCE
    page = page_from(request.GET.get("page"))
    results = search_for(
        viewer_or_user=viewer_from_request(request),
        q=params["q"],
        filters=filters_from(params),
        sort=sort,
        page=page,
    )
    pages = [
        Link(str(number), _url(params, page=str(number)), current=number == results.page)
        for number in range(max(1, results.page - 4), min(results.pages, results.page + 4) + 1)
    ]
    context = {
        "search_q": params["q"],
        "results": results,
        "rows": _hit_rows(results),
        "facet_groups": _facets(results, params),
        "sorts": [
            Link(str(label), _url(params, sort=key), current=key == sort)
            for key, label in SORT_LABELS.items()
        ],
        "pages": pages if results.pages > 1 else [],
        "first_number": (results.page - 1) * results.page_size + 1,
        "previous_url": _url(params, page=str(results.page - 1)) if results.has_previous else None,
        "next_url": _url(params, page=str(results.page + 1)) if results.has_next else None,
        "searched": bool(params["q"].strip())
        or any(params[key] for key in ("cooperation", "body", "year", "kind")),
    }
    template = "search/partials/results.html" if request.headers.get("HX-Request") else "search/results.html"
    return render(request, template, context)
