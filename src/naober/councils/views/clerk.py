"""The council clerk's pages: the municipality's rounds, and recording its council's outcome.

A clerk records for their own municipality only: anyone else gets 403 with a message that says so."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from naober.access.viewer import viewer_from_request
from naober.councils import selectors, services
from naober.councils.forms import OutcomeForm, PlanForm
from naober.councils.views.common import error_text, forbidden_with_message, form_errors, upload_of


@login_required
@forbidden_with_message
@require_safe
def clerk_home(request: HttpRequest, municipality: str) -> HttpResponse:
    place = selectors.municipality_get(slug=municipality)
    rows = selectors.clerk_rounds(viewer=viewer_from_request(request), municipality=place)
    today = timezone.localdate()
    return render(
        request,
        "councils/clerk.html",
        {
            "municipality": place,
            "rows": [(member, member.status_on(today)) for member in rows],
            "memos": selectors.clerk_memos(viewer=viewer_from_request(request), municipality=place),
            "today": today,
        },
    )


@login_required
@forbidden_with_message
@require_http_methods(["GET", "HEAD", "POST"])
def clerk_member(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    place = selectors.municipality_get(slug=municipality)
    member = selectors.clerk_member(viewer=viewer_from_request(request), municipality=place, pk=pk)
    outcome_form = OutcomeForm(initial={"decided_on": timezone.localdate()})
    plan_form = PlanForm(initial={"planned_council_date": member.planned_council_date})
    status = 200
    if request.method == "POST":
        try:
            if request.POST.get("action") == "plan":
                plan_form = PlanForm(request.POST)
                if not plan_form.is_valid():
                    raise ValidationError(form_errors(plan_form))
                services.member_plan(
                    member=member,
                    planned_council_date=plan_form.cleaned_data["planned_council_date"],
                    by=request.user,
                    as_clerk=True,
                )
                messages.success(request, _("Planned council date saved."))
            else:
                outcome_form = OutcomeForm(request.POST, request.FILES)
                if not outcome_form.is_valid():
                    raise ValidationError(form_errors(outcome_form))
                data = outcome_form.cleaned_data
                services.outcome_record(
                    member=member,
                    outcome=data["outcome"],
                    decided_on=data["decided_on"],
                    text=data["text"],
                    document=upload_of(data["document"]),
                    correction_reason=data["correction_reason"],
                    by=request.user,
                    as_clerk=True,
                )
                messages.success(request, _("The council's outcome has been recorded."))
            return redirect(reverse("councils:clerk-member", args=[place.slug, member.pk]))
        except ValidationError as error:
            messages.error(request, error_text(error))
            status = 422
            member.refresh_from_db()
    return render(
        request,
        "councils/clerk_member.html",
        {
            "municipality": place,
            "member": member,
            "round": member.round,
            "corrections": list(member.corrections.order_by("created")),
            "outcome_form": outcome_form,
            "plan_form": plan_form,
            "diff": diff_rows(member),
            "status": member.status_on(timezone.localdate()),
        },
        status=status,
    )


@login_required
@forbidden_with_message
@require_safe
def clerk_document(request: HttpRequest, municipality: str, pk: int) -> FileResponse:
    from naober.councils.views.secretariat import regional_document_response

    place = selectors.municipality_get(slug=municipality)
    member = selectors.clerk_member(viewer=viewer_from_request(request), municipality=place, pk=pk)
    return regional_document_response(member.round)


def diff_rows(member: object) -> list[tuple[str, str]]:
    from naober.councils.diff import text_diff

    return text_diff(member)
