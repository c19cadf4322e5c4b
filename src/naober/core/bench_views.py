"""Two views for the web benchmark (`bench/web.py`), mounted only when `NAOBER_BENCH_VIEWS` is on.

They are the yardsticks the real pages are measured against: `floor` is the framework's own cost (routing,
middleware, a JSON response, no database), `best_case` the practical floor of any page (exactly one indexed
20-row query rendered through a small template). Neither caches anything, or the comparison would flatter
the pages.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.views.decorators.http import require_safe

from naober.access.rules import meetings_visible_q
from naober.access.viewer import ANONYMOUS
from naober.meetings.models import Meeting

BEST_CASE_ROWS = 20


def _enabled() -> None:
    # Mounted only when the setting is on (config/urls.py); checked again so no stray include exposes them.
    if not settings.NAOBER_BENCH_VIEWS:
        raise Http404


@require_safe
def floor(request: HttpRequest) -> JsonResponse:
    _enabled()
    return JsonResponse({"ok": True, "view": "floor"})


@require_safe
def best_case(request: HttpRequest) -> HttpResponse:
    _enabled()
    meetings = list(
        Meeting.objects.filter(meetings_visible_q(ANONYMOUS))
        .order_by("-start", "-id")
        .values("id", "title", "start", "location", "status")[:BEST_CASE_ROWS]
    )
    return render(request, "core/bench/best_case.html", {"meetings": meetings})


urlpatterns: list[URLPattern] = [
    path("_bench/floor.json", floor, name="bench-floor"),
    path("_bench/best-case/", best_case, name="bench-best-case"),
]
