"""What every portal page of a cooperation shares: its theme, breadcrumbs, feeds in the head, privacy."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from naober.access.viewer import Viewer, viewer_from_request
from naober.registry.models import Cooperation

Crumb = tuple[str, str]


def viewer_of(request: HttpRequest) -> Viewer:
    return viewer_from_request(request)


def cooperation_crumbs(cooperation: Cooperation, *more: Crumb) -> list[Crumb]:
    return [(reverse("portal:cooperation", args=[cooperation.slug]), cooperation.name), *more]


def portal_render(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    cooperation: Cooperation | None = None,
    status: int = 200,
) -> HttpResponse:
    """Render a portal page; `cooperation` themes it (colours, logo) and names its feeds in the head.

    What a signed-in reader sees may include confidential items: never kept in a shared cache.
    """
    zone = settings.TIME_ZONE
    if cooperation is not None:
        context = {"theme": cooperation, "cooperation": cooperation, **context}
        zone = cooperation.time_zone
    with timezone.override(zone):  # times in the cooperation's own zone
        response = render(request, template, context, status=status)
    if request.user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True)
    return response
