from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from naober.access.viewer import viewer_from_request
from naober.accounts.permissions import cooperations_editable_by, require_editor
from naober.core.models import Channel
from naober.meetings.models import AttendanceStatus, MeetingStatus
from naober.meetings.services.concurrency import ConcurrencyConflict
from naober.meetings.services.meeting import meeting_cancel, meeting_day_get_or_create, meeting_plan
from naober.secretariat import selectors
from naober.secretariat.forms import ActionForm, CancelForm, DocumentUploadForm, MeetingPlanForm
from naober.secretariat.views.common import agenda_context, error_text, form_errors, workspace_url


@login_required
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    context = {
        "cooperations": cooperations_editable_by(user=request.user).order_by("name"),
        "upcoming": selectors.upcoming_for_user(user=request.user),
        "actions": selectors.open_actions_for_user(user=request.user, viewer=viewer_from_request(request)),
    }
    return render(request, "secretariat/dashboard.html", context)


@login_required
@require_safe
def cooperation_meetings(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = selectors.cooperation_for_editor(user=request.user, slug=cooperation)
    context = {
        "cooperation": coop,
        "upcoming": selectors.meeting_list(cooperation=coop, upcoming=True),
        "past": selectors.meeting_list(cooperation=coop, upcoming=False, limit=20),
        "dossiers": selectors.dossier_list(cooperation=coop, viewer=viewer_from_request(request), limit=20),
        "may_administer": viewer_from_request(request).may_administer(coop.pk),
    }
    return render(request, "secretariat/meetings.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def meeting_new(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = selectors.cooperation_for_editor(user=request.user, slug=cooperation)
    form = MeetingPlanForm(request.POST or None, cooperation=coop)
    if request.method == "POST" and form.is_valid():
        require_editor(user=request.user, cooperation_id=coop.pk)
        data = form.cleaned_data
        try:
            day = None
            if data["meeting_day"]:
                day = meeting_day_get_or_create(
                    cooperation_id=coop.pk,
                    date=data["date"],
                    name=data["meeting_day"],
                    location=data["location"],
                    by=request.user,
                )
            meeting = meeting_plan(
                body=data["body"],
                start=data["start"],
                end=data["end"],
                location=data["location"],
                online_url=data["online_url"],
                is_public=data["is_public"],
                joint_bodies=data["joint_bodies"],
                meeting_day=day,
                by=request.user,
                channel=Channel.SECRETARIAT,
            )
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("Meeting planned."))
            return redirect(workspace_url(meeting))
    status = 422 if request.method == "POST" else 200
    return render(request, "secretariat/meeting_new.html", {"cooperation": coop, "form": form}, status=status)


@login_required
@require_safe
def meeting_detail(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    coop = selectors.cooperation_for_editor(user=request.user, slug=cooperation)
    meeting = selectors.meeting_for_editor(user=request.user, cooperation=coop, pk=pk)
    context = {
        **agenda_context(meeting, viewer_from_request(request)),
        "upload_form": DocumentUploadForm(),
        "action_form": ActionForm(owners=selectors.action_owner_choices(meeting=meeting)),
        "cancel_form": CancelForm(initial={"version": meeting.version}),
        "statuses": MeetingStatus,
        "attendance_choices": AttendanceStatus.choices,
    }
    return render(request, "secretariat/meeting.html", context)


@login_required
@require_POST
def meeting_cancel_view(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    coop = selectors.cooperation_for_editor(user=request.user, slug=cooperation)
    meeting = selectors.meeting_for_editor(user=request.user, cooperation=coop, pk=pk)
    form = CancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect(workspace_url(meeting))
    try:
        meeting_cancel(
            meeting=meeting,
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
            by=request.user,
        )
    except (ConcurrencyConflict, ValidationError) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Meeting cancelled."))
    return redirect(workspace_url(meeting))


@login_required
@require_safe
def meeting_day_detail(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    """The combined agenda of a meeting day: every meeting of that day in time order, with its items."""
    coop = selectors.cooperation_for_editor(user=request.user, slug=cooperation)
    day = selectors.meeting_day_for_editor(user=request.user, cooperation=coop, pk=pk)
    return render(
        request,
        "secretariat/meeting_day.html",
        {
            "cooperation": coop,
            "day": day,
            "sessions": selectors.meeting_day_agenda(day=day, viewer=viewer_from_request(request)),
            "crumb": str(day),
        },
    )
