"""Shared plumbing of the secretariat views: htmx or full page, errors as messages, conflicts as 409."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from naober.access.viewer import Viewer, viewer_from_request
from naober.governance.models import Body
from naober.meetings.models import AgendaItemKind, ConsultationRole, DecisionOutcome, Meeting
from naober.meetings.services.concurrency import ConcurrencyConflict
from naober.secretariat.forms import OPEN_LEVELS, later_meetings
from naober.secretariat.selectors import meeting_workspace, previous_meeting_awaiting_minutes, visible_changes


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def workspace_url(meeting: Meeting) -> str:
    return reverse("secretariat:meeting", args=[meeting.cooperation.slug, meeting.pk])


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def agenda_context(meeting: Meeting, viewer: Viewer) -> dict[str, Any]:
    """What the agenda partial needs, for the full page and for htmx answers alike."""
    return {
        "ws": meeting_workspace(meeting=meeting, viewer=viewer),
        "cooperation": meeting.cooperation,
        "kinds": AgendaItemKind.choices,
        "confidentialities": OPEN_LEVELS,
        "outcomes": DecisionOutcome.choices,
        "roles": ConsultationRole.choices,
        "bodies": Body.objects.filter(cooperation_id=meeting.cooperation_id)
        .exclude(pk=meeting.body_id)
        .select_related("topic")
        .order_by("name"),
        "later_meetings": later_meetings(meeting),
        "previous_meeting": previous_meeting_awaiting_minutes(meeting=meeting),
    }


def agenda_response(
    request: HttpRequest,
    meeting: Meeting,
    *,
    status: int = 200,
    error: str = "",
    conflict: ConcurrencyConflict | None = None,
) -> HttpResponse:
    meeting.refresh_from_db()
    viewer = viewer_from_request(request)
    context = {**agenda_context(meeting, viewer), "error": error, "conflict": conflict}
    if conflict is not None:
        conflict.changes = visible_changes(meeting=meeting, viewer=viewer, changes=conflict.changes)
    return render(request, "secretariat/partials/agenda.html", context, status=status)


def run_agenda_change(
    request: HttpRequest, meeting: Meeting, change: Callable[[], Any], success: str
) -> HttpResponse:
    """Run a service call that changes the agenda; answer with the agenda partial (htmx) or a redirect."""
    try:
        change()
    except ConcurrencyConflict as conflict:
        if is_htmx(request):
            return agenda_response(request, meeting, status=409, conflict=conflict)
        shown = visible_changes(
            meeting=meeting, viewer=viewer_from_request(request), changes=conflict.changes
        )
        messages.error(
            request,
            error_text(conflict) + " " + "; ".join(f"{item.by or '—'}: {item.summary}" for item in shown),
        )
        return redirect(workspace_url(meeting))
    except ValidationError as error:
        if is_htmx(request):
            return agenda_response(request, meeting, status=422, error=error_text(error))
        messages.error(request, error_text(error))
        return redirect(workspace_url(meeting))
    if is_htmx(request):
        return agenda_response(request, meeting)
    messages.success(request, success)
    return redirect(workspace_url(meeting))


def form_errors(form: Any) -> str:
    parts = []
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        parts.append(f"{label}: {' '.join(errors)}" if label else " ".join(errors))
    return " ".join(parts)
