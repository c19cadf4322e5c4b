"""Secretariat pages of the strategic agenda: programmes with themes and goals, projects with milestones,
funding, indicators, reports, documents and the dossiers and decisions that carry them, and events.

Only the cooperation's editors reach these pages (a 404 for everyone else, revealing nothing); the second
factor is enforced by the middleware; every write goes through `naober.strategy.services`. A form that does
not validate is shown again with its messages and HTTP 422.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from naober.access.viewer import viewer_from_request
from naober.registry.models import Cooperation
from naober.secretariat.selectors import cooperation_for_editor
from naober.strategy import forms, services
from naober.strategy.models import (
    Event,
    FundingLine,
    Goal,
    Indicator,
    Milestone,
    Programme,
    ProgressReport,
    Project,
    Theme,
    VideoLink,
)

Outcome = tuple[BaseForm, bool]


def _cooperation(request: HttpRequest, slug: str) -> Cooperation:
    return cooperation_for_editor(user=request.user, slug=slug)


def _run(form: BaseForm, write: Callable[[], Any]) -> Outcome:
    """Validate the form, then write; a refusal by the service lands on the form as its message."""
    if not form.is_valid():
        return form, False
    try:
        write()
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            form.add_error(None, error.messages)
        return form, False
    return form, True


def _attachment_add(request: HttpRequest, *, by: Any, **owner: Any) -> Outcome:
    """Attach an uploaded document to a project or an event (`owner`: project=... or event=...)."""
    form = forms.AttachmentForm(request.POST, request.FILES)

    def write() -> None:
        upload = form.cleaned_data["file"]
        services.attachment_add(
            title=form.cleaned_data["title"],
            filename=upload.name,
            content=upload.read(),
            by=by,
            **owner,
        )

    return _run(form, write)


def _page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    forms_by_action: dict[str, BaseForm],
    actions: Mapping[str, Callable[[HttpRequest], Outcome]],
    done_url: str,
) -> HttpResponse:
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        handler = actions.get(action)
        if handler is None:
            return HttpResponseBadRequest(_("Unknown action."))
        form, ok = handler(request)
        if ok:
            messages.success(request, _("Saved."))
            return redirect(f"{done_url}#{action}")
        forms_by_action[action] = form
        problems = " ".join(str(problem) for problem in form.non_field_errors())
        messages.error(request, f"{_('Not saved: please correct the marked fields.')} {problems}".strip())
        status = 422
    return render(request, template, {**context, "forms": forms_by_action}, status=status)


@login_required
@require_safe
def overview(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = _cooperation(request, cooperation)
    context = {
        "cooperation": coop,
        "crumb": _("Strategic agenda"),
        "programmes": Programme.objects.filter(cooperation=coop).order_by("-start_date"),
        "events": Event.objects.filter(cooperation=coop).order_by("-date")[:50],
    }
    return render(request, "strategy/secretariat/overview.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def programme_new(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = _cooperation(request, cooperation)
    form = forms.ProgrammeForm(request.POST or None, instance=Programme(cooperation=coop))
    status = 200
    if request.method == "POST":
        _form, ok = _run(form, lambda: services.programme_save(programme=form.instance, by=request.user))
        if ok:
            messages.success(request, _("Programme created."))
            return redirect("strategy:staff-programme", coop.slug, form.instance.pk)
        status = 422
    context = {"cooperation": coop, "crumb": _("New programme"), "form": form}
    return render(request, "strategy/secretariat/programme_new.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def programme_edit(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    coop = _cooperation(request, cooperation)
    programme = Programme.objects.filter(cooperation=coop, pk=pk).select_related("cooperation").first()
    if programme is None:
        raise Http404
    by = request.user

    def edit(request: HttpRequest) -> Outcome:
        form = forms.ProgrammeForm(request.POST, instance=Programme.objects.get(pk=programme.pk))
        return _run(form, lambda: services.programme_save(programme=form.instance, by=by))

    def theme(request: HttpRequest) -> Outcome:
        form = forms.ThemeForm(request.POST, instance=Theme(programme=programme), programme=programme)
        return _run(form, lambda: services.theme_save(theme=form.instance, by=by))

    def goal(request: HttpRequest) -> Outcome:
        form = forms.GoalForm(request.POST, instance=Goal(programme=programme), programme=programme)
        return _run(form, lambda: services.goal_save(goal=form.instance, by=by))

    def project(request: HttpRequest) -> Outcome:
        form = forms.ProjectNewForm(request.POST, instance=Project(programme=programme))
        return _run(form, lambda: services.project_save(project=form.instance, by=by))

    context = {
        "cooperation": coop,
        "crumb": programme.title,
        "programme": programme,
        "themes": programme.themes.all(),
        "goals": programme.goals.select_related("theme"),
        "projects": programme.projects.select_related("lead_member").order_by("title"),
    }
    page_forms: dict[str, BaseForm] = {
        "programme": forms.ProgrammeForm(instance=programme),
        "theme": forms.ThemeForm(programme=programme),
        "goal": forms.GoalForm(programme=programme),
        "project": forms.ProjectNewForm(),
    }
    actions = {"programme": edit, "theme": theme, "goal": goal, "project": project}
    url = reverse("strategy:staff-programme", args=[coop.slug, programme.pk])
    response = _page(request, "strategy/secretariat/programme.html", context, page_forms, actions, url)
    if request.method == "POST" and response.status_code == 302 and request.POST.get("action") == "project":
        created = programme.projects.order_by("-pk").first()
        if created is not None:
            return redirect("strategy:staff-project", coop.slug, created.pk)
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def project_edit(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    coop = _cooperation(request, cooperation)
    project = (
        Project.objects.filter(programme__cooperation=coop, pk=pk)
        .select_related("programme", "programme__cooperation")
        .first()
    )
    if project is None:
        raise Http404
    programme, by, viewer = project.programme, request.user, viewer_from_request(request)

    def edit(request: HttpRequest) -> Outcome:
        form = forms.ProjectForm(
            request.POST, instance=Project.objects.get(pk=project.pk), programme=programme
        )

        def write() -> None:
            data = form.cleaned_data
            services.project_save(
                project=form.instance,
                by=by,
                goals=data["goals"],
                participants=data["participants"],
                partners=data["partners"],
            )

        return _run(form, write)

    def links(request: HttpRequest) -> Outcome:
        form = forms.LinksForm(request.POST, project=project, viewer=viewer)

        def write() -> None:
            # Links to what this editor may not see (a secret dossier) are kept, not silently dropped.
            fields: dict[str, Any] = form.fields
            hidden_dossiers = project.dossiers.exclude(pk__in=fields["dossiers"].queryset.values("pk"))
            hidden_items = project.decisions.exclude(pk__in=fields["decisions"].queryset.values("pk"))
            services.project_link(
                project=project,
                by=by,
                dossiers=[*form.cleaned_data["dossiers"], *hidden_dossiers],
                decisions=[*form.cleaned_data["decisions"], *hidden_items.select_related("meeting")],
            )

        return _run(form, write)

    def milestone(request: HttpRequest) -> Outcome:
        form = forms.MilestoneForm(request.POST, instance=Milestone(project=project))
        return _run(form, lambda: services.milestone_save(milestone=form.instance, by=by))

    def funding(request: HttpRequest) -> Outcome:
        form = forms.FundingLineForm(request.POST, instance=FundingLine(project=project))
        return _run(form, lambda: services.funding_line_save(line=form.instance, by=by))

    def indicator(request: HttpRequest) -> Outcome:
        form = forms.IndicatorForm(request.POST, instance=Indicator(project=project))
        return _run(form, lambda: services.indicator_save(indicator=form.instance, by=by))

    def measurement(request: HttpRequest) -> Outcome:
        form = forms.MeasurementForm(request.POST, project=project)
        return _run(
            form,
            lambda: services.measurement_record(
                indicator=form.cleaned_data["indicator"],
                measured_on=form.cleaned_data["measured_on"],
                value=form.cleaned_data["value"],
                note=form.cleaned_data["note"],
                by=by,
            ),
        )

    def report(request: HttpRequest) -> Outcome:
        form = forms.ProgressReportForm(
            request.POST, instance=ProgressReport(project=project), project=project, viewer=viewer
        )
        return _run(form, lambda: services.progress_report_write(report=form.instance, by=by))

    def attachment(request: HttpRequest) -> Outcome:
        return _attachment_add(request, by=by, project=project)

    def remove(request: HttpRequest) -> Outcome:
        form = forms.RemoveForm(request.POST)
        parts: dict[str, Any] = {
            "milestone": project.milestones,
            "funding": project.funding_lines,
            "indicator": project.indicators,
            "report": project.reports,
            "attachment": project.attachments,
        }

        def write() -> None:
            found = parts[form.cleaned_data["kind"]].filter(pk=form.cleaned_data["pk"]).first()
            if found is None:
                raise ValidationError(_("That was already removed."))
            services.strategy_object_delete(instance=found, cooperation_id=coop.pk, by=by)

        return _run(form, write)

    context = {
        "cooperation": coop,
        "crumb": project.title,
        "programme": programme,
        "project": project,
        "milestones": project.milestones.all(),
        "funding_lines": project.funding_lines.all(),
        "indicators": project.indicators.prefetch_related("measurements"),
        "reports": project.reports.select_related("author"),
        "attachments": project.attachments.all(),
    }
    page_forms: dict[str, BaseForm] = {
        "project": forms.ProjectForm(instance=project, programme=programme),
        "links": forms.LinksForm(project=project, viewer=viewer),
        "milestone": forms.MilestoneForm(),
        "funding": forms.FundingLineForm(),
        "indicator": forms.IndicatorForm(),
        "measurement": forms.MeasurementForm(project=project),
        "report": forms.ProgressReportForm(project=project, viewer=viewer),
        "attachment": forms.AttachmentForm(),
        "remove": forms.RemoveForm(),
    }
    actions = {
        "project": edit,
        "links": links,
        "milestone": milestone,
        "funding": funding,
        "indicator": indicator,
        "measurement": measurement,
        "report": report,
        "attachment": attachment,
        "remove": remove,
    }
    url = reverse("strategy:staff-project", args=[coop.slug, project.pk])
    return _page(request, "strategy/secretariat/project.html", context, page_forms, actions, url)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def event_new(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = _cooperation(request, cooperation)
    form = forms.EventForm(request.POST or None, instance=Event(cooperation=coop), cooperation_id=coop.pk)
    status = 200
    if request.method == "POST":
        _form, ok = _run(form, lambda: services.event_save(event=form.instance, by=request.user))
        if ok:
            messages.success(request, _("Event created."))
            return redirect("strategy:staff-event", coop.slug, form.instance.pk)
        status = 422
    context = {"cooperation": coop, "crumb": _("New event"), "form": form}
    return render(request, "strategy/secretariat/event_new.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def event_edit(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    coop = _cooperation(request, cooperation)
    event = Event.objects.filter(cooperation=coop, pk=pk).first()
    if event is None:
        raise Http404
    by = request.user

    def edit(request: HttpRequest) -> Outcome:
        form = forms.EventForm(request.POST, instance=Event.objects.get(pk=event.pk), cooperation_id=coop.pk)
        return _run(form, lambda: services.event_save(event=form.instance, by=by))

    def video(request: HttpRequest) -> Outcome:
        form = forms.VideoLinkForm(request.POST, instance=VideoLink(event=event))
        return _run(form, lambda: services.video_link_save(video=form.instance, by=by))

    def attachment(request: HttpRequest) -> Outcome:
        return _attachment_add(request, by=by, event=event)

    context = {
        "cooperation": coop,
        "crumb": event.title,
        "event": event,
        "videos": event.videos.all(),
        "attachments": event.attachments.all(),
    }
    page_forms: dict[str, BaseForm] = {
        "event": forms.EventForm(instance=event, cooperation_id=coop.pk),
        "video": forms.VideoLinkForm(),
        "attachment": forms.AttachmentForm(),
    }
    actions = {"event": edit, "video": video, "attachment": attachment}
    url = reverse("strategy:staff-event", args=[coop.slug, event.pk])
    return _page(request, "strategy/secretariat/event.html", context, page_forms, actions, url)
