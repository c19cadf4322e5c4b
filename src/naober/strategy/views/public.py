"""Public pages of the strategic agenda: programmes, goals, projects, events, and attachment downloads."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from naober.access.viewer import ANONYMOUS, Viewer
from naober.portal.selectors.common import cooperation_get_or_404
from naober.portal.views.common import Crumb, cooperation_crumbs, portal_render, viewer_of
from naober.registry.models import Cooperation
from naober.strategy import selectors
from naober.strategy.models import Programme, Project


def _programme(cooperation: Cooperation, viewer: Viewer, slug: str) -> Programme:
    programme = selectors.programme_get(cooperation=cooperation, viewer=viewer, slug=slug)
    if programme is None:
        raise Http404
    return programme


def _crumbs(cooperation: Cooperation, *more: Crumb) -> list[Crumb]:
    return cooperation_crumbs(
        cooperation, (reverse("strategy:programmes", args=[cooperation.slug]), _("Strategic agenda")), *more
    )


def _programme_crumb(programme: Programme) -> Crumb:
    return reverse("strategy:programme", args=[programme.cooperation.slug, programme.slug]), programme.title


@require_safe
def programmes(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = cooperation_get_or_404(slug=cooperation)
    viewer = viewer_of(request)
    context = {
        "programmes": list(selectors.programme_list(cooperation=coop, viewer=viewer)),
        "events": list(selectors.event_list(cooperation=coop, viewer=viewer)[:5]),
        "crumbs": _crumbs(coop),
    }
    return portal_render(request, "strategy/programmes.html", context, cooperation=coop)


@require_safe
def programme_detail(request: HttpRequest, cooperation: str, programme: str) -> HttpResponse:
    coop = cooperation_get_or_404(slug=cooperation)
    viewer = viewer_of(request)
    found = _programme(coop, viewer, programme)
    context = {
        "page": selectors.programme_page(programme=found, viewer=viewer),
        "programme": found,
        "crumbs": _crumbs(coop, _programme_crumb(found)),
    }
    return portal_render(request, "strategy/programme.html", context, cooperation=coop)


@require_safe
def goal_detail(request: HttpRequest, cooperation: str, programme: str, pk: int) -> HttpResponse:
    coop = cooperation_get_or_404(slug=cooperation)
    viewer = viewer_of(request)
    found = _programme(coop, viewer, programme)
    goal = selectors.goal_get(programme=found, pk=pk)
    if goal is None:
        raise Http404
    context = {
        "programme": found,
        "goal": goal,
        "projects": selectors.goal_projects(goal=goal, viewer=viewer),
        "crumbs": _crumbs(coop, _programme_crumb(found), (request.path, str(goal))),
    }
    return portal_render(request, "strategy/goal.html", context, cooperation=coop)


@require_safe
def project_detail(request: HttpRequest, cooperation: str, programme: str, project: str) -> HttpResponse:
    coop = cooperation_get_or_404(slug=cooperation)
    viewer = viewer_of(request)
    found = _programme(coop, viewer, programme)
    item: Project | None = selectors.project_get(programme=found, viewer=viewer, slug=project)
    if item is None:
        raise Http404
    context = {
        "programme": found,
        "page": selectors.project_page(project=item, viewer=viewer),
        "project": item,
        "today": timezone.localdate(),
        "crumbs": _crumbs(coop, _programme_crumb(found), (request.path, item.title)),
    }
    return portal_render(request, "strategy/project.html", context, cooperation=coop)


@require_safe
def events(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = cooperation_get_or_404(slug=cooperation)
    context = {
        "events": list(selectors.event_list(cooperation=coop, viewer=viewer_of(request))),
        "crumbs": _crumbs(coop, (request.path, _("Events"))),
    }
    return portal_render(request, "strategy/events.html", context, cooperation=coop)


@require_safe
def event_detail(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    coop = cooperation_get_or_404(slug=cooperation)
    event = selectors.event_get(cooperation=coop, viewer=viewer_of(request), pk=pk)
    if event is None:
        raise Http404
    context = {
        "event": event,
        "crumbs": _crumbs(
            coop, (reverse("strategy:events", args=[coop.slug]), _("Events")), (request.path, event.title)
        ),
    }
    return portal_render(request, "strategy/event.html", context, cooperation=coop)


@require_safe
def attachment_download(request: HttpRequest, cooperation: str, pk: int) -> FileResponse:
    """A project's or event's document; a 404 alike for missing and forbidden ones."""
    coop = cooperation_get_or_404(slug=cooperation)
    viewer = viewer_of(request)
    attachment = selectors.attachment_for_download(viewer=viewer, cooperation=coop, pk=pk)
    if attachment is None:
        raise Http404
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.filename,
        content_type=attachment.mime_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    if selectors.attachment_for_download(viewer=ANONYMOUS, cooperation=coop, pk=pk) is None:
        patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ("Cookie",))
    return response
