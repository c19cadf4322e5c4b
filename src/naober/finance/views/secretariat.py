"""The secretariat's finance pages: budgets, a budget with its lines and keys, contributions, the cycle.
Only the cooperation's editors reach them (a 404 for everyone else, revealing nothing)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from naober.access.viewer import viewer_from_request
from naober.core.models import Channel
from naober.finance import selectors, services
from naober.finance.contributions import budget_members
from naober.finance.forms import (
    BudgetCreateForm,
    BudgetSettingsForm,
    CycleRulesForm,
    DateForm,
    GenerateForm,
    LineForm,
    line_initial,
)
from naober.finance.models import Budget, BudgetLine
from naober.finance.services.cycle import cycle_rules_for, is_wgr
from naober.registry.models import Cooperation
from naober.secretariat.selectors import cooperation_for_editor
from naober.secretariat.views.common import error_text, form_errors


def _budget(request: HttpRequest, cooperation: str, pk: int) -> tuple[Cooperation, Budget]:
    coop = cooperation_for_editor(user=request.user, slug=cooperation)
    budget = Budget.objects.filter(pk=pk, cooperation=coop).select_related("cooperation", "dossier").first()
    if budget is None:
        raise Http404
    return coop, budget


def _budget_url(budget: Budget) -> str:
    return reverse("finance:budget-edit", args=[budget.cooperation.slug, budget.pk])


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def budget_list(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = cooperation_for_editor(user=request.user, slug=cooperation)
    form = BudgetCreateForm(request.POST or None, cooperation=coop)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                budget = services.budget_create(
                    cooperation=coop,
                    year=data["year"],
                    title=data["title"],
                    population_reference_date=data["population_reference_date"],
                    copy_from=data["copy_from"],
                    by=request.user,
                    channel=Channel.SECRETARIAT,
                )
            except ValidationError as error:
                messages.error(request, error_text(error))
                status = 422
            else:
                messages.success(request, _("Budget created."))
                return redirect(_budget_url(budget))
        else:
            messages.error(request, form_errors(form))
            status = 422
    context = {
        "cooperation": coop,
        "budgets": selectors.budget_list(cooperation=coop, viewer=viewer_from_request(request)),
        "form": form,
        "crumb": _("Budgets"),
    }
    return render(request, "finance/secretariat/budgets.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def budget_edit(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    coop, budget = _budget(request, cooperation, pk)
    form = BudgetSettingsForm(
        request.POST or None,
        initial={
            "title": budget.title,
            "population_reference_date": budget.population_reference_date,
            "board_treats_on": budget.board_treats_on,
            "note": budget.note,
        },
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.budget_update(budget=budget, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                messages.error(request, error_text(error))
                status = 422
            else:
                messages.success(request, _("Budget saved."))
                return redirect(_budget_url(budget))
        else:
            messages.error(request, form_errors(form))
            status = 422
        budget.refresh_from_db()
    page = selectors.budget_page(
        cooperation=coop, year=budget.year, viewer=viewer_from_request(request), version=budget.version
    )
    context = {
        "cooperation": coop,
        "page": page,
        "form": form,
        "date_form": DateForm(initial={"on": timezone.localdate()}),
        "editing": budget.is_editable,
        "crumb": budget.display_title,
    }
    return render(request, "finance/secretariat/budget.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def line_edit(request: HttpRequest, cooperation: str, pk: int, line: int | None = None) -> HttpResponse:
    coop, budget = _budget(request, cooperation, pk)
    current = None
    if line is not None:
        current = (
            BudgetLine.objects.filter(pk=line, budget=budget)
            .select_related("cost_key")
            .prefetch_related("cost_key__shares")
            .first()
        )
        if current is None:
            raise Http404
    members = budget_members(budget)
    form = LineForm(
        request.POST or None,
        budget=budget,
        members=members,
        initial=line_initial(current) if current is not None else {"key_kind": "equal-and-population"},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.budget_line_save(
                    budget=budget, line=current, data=form.line_input(), by=request.user
                )
            except ValidationError as error:
                messages.error(request, error_text(error))
                status = 422
            else:
                messages.success(request, _("Line saved."))
                return redirect(_budget_url(budget))
        else:
            messages.error(request, form_errors(form))
            status = 422
    context = {
        "cooperation": coop,
        "budget": budget,
        "line": current,
        "form": form,
        "members": members,
        "crumb": current.name if current else _("New line"),
    }
    return render(request, "finance/secretariat/line.html", context, status=status)


@login_required
@require_POST
def line_delete(request: HttpRequest, cooperation: str, pk: int, line: int) -> HttpResponse:
    _coop, budget = _budget(request, cooperation, pk)
    current = BudgetLine.objects.filter(pk=line, budget=budget).first()
    if current is None:
        raise Http404
    try:
        services.budget_line_delete(line=current, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Line removed."))
    return redirect(_budget_url(budget))


def _step(request: HttpRequest, cooperation: str, pk: int, action: str) -> HttpResponse:
    _coop, budget = _budget(request, cooperation, pk)
    form = DateForm(request.POST)
    try:
        if action == "change":
            change = services.budget_change_create(budget=budget, by=request.user)
            messages.success(request, _("Budget change created as a draft."))
            return redirect(_budget_url(change))
        if not form.is_valid():
            raise ValidationError(form_errors(form))
        if action == "send":
            services.budget_send(budget=budget, sent_on=form.cleaned_data["on"], by=request.user)
            messages.success(request, _("Sent to the councils; their consultation round is open."))
        else:
            services.budget_adopt(budget=budget, adopted_on=form.cleaned_data["on"], by=request.user)
            messages.success(request, _("Budget adopted."))
    except ValidationError as error:
        messages.error(request, error_text(error))
    except PermissionDenied as error:
        raise Http404 from error
    return redirect(_budget_url(budget))


@login_required
@require_POST
def budget_send(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    return _step(request, cooperation, pk, "send")


@login_required
@require_POST
def budget_adopt(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    return _step(request, cooperation, pk, "adopt")


@login_required
@require_POST
def budget_change(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    return _step(request, cooperation, pk, "change")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def cycle(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = cooperation_for_editor(user=request.user, slug=cooperation)
    rules = cycle_rules_for(cooperation=coop)
    rules_form = CycleRulesForm(request.POST if "save_rules" in request.POST else None, instance=rules)
    generate_form = GenerateForm(
        request.POST if "generate" in request.POST else None,
        initial={"budget_year": timezone.localdate().year + 1},
    )
    status = 200
    if request.method == "POST":
        try:
            if "save_rules" in request.POST:
                if not rules_form.is_valid():
                    raise ValidationError(form_errors(rules_form))
                services.cycle_rules_save(cooperation=coop, values=rules_form.cleaned_data, by=request.user)
                messages.success(request, _("Rules saved; generate the milestones again to apply them."))
            else:
                if not generate_form.is_valid():
                    raise ValidationError(form_errors(generate_form))
                services.cycle_generate(
                    cooperation=coop, budget_year=generate_form.cleaned_data["budget_year"], by=request.user
                )
                messages.success(request, _("Milestones generated."))
            return redirect(reverse("finance:cycle", args=[coop.slug]))
        except ValidationError as error:
            messages.error(request, error_text(error))
            status = 422
    years = selectors.milestone_years(cooperation=coop)
    context = {
        "cooperation": coop,
        "is_wgr": is_wgr(coop),
        "rules_form": rules_form,
        "generate_form": generate_form,
        "cycles": [(year, selectors.milestone_list(cooperation=coop, budget_year=year)) for year in years],
        "crumb": _("Budget cycle"),
    }
    return render(request, "finance/secretariat/cycle.html", context, status=status)
