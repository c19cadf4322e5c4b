"""Public finance pages: a municipality's statement (with exports) and a cooperation's budgets."""

from __future__ import annotations

from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from naober.finance import selectors
from naober.finance.calendar import milestones_ics
from naober.finance.chart import statement_chart
from naober.finance.exports import statement_csv, statement_xlsx
from naober.finance.models import Budget
from naober.portal.selectors.common import cooperation_get_or_404
from naober.portal.views.common import cooperation_crumbs, portal_render, viewer_of
from naober.registry.models import Municipality

EXPORTS = {
    "csv": ("text/csv; charset=utf-8", statement_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", statement_xlsx),
}


def _year(request: HttpRequest) -> int:
    raw = request.GET.get("jaar", "")
    if not raw:
        return timezone.localdate().year
    if not raw.isdigit() or not 2000 <= int(raw) <= 2100:
        raise BadRequest(_("Choose a year between 2000 and 2100."))
    return int(raw)


def _statement(request: HttpRequest, municipality: str) -> selectors.Statement:
    place = get_object_or_404(Municipality, slug=municipality)
    return selectors.municipality_statement(
        municipality=place, viewer=viewer_of(request), year=_year(request)
    )


@require_safe
def statement(request: HttpRequest, municipality: str) -> HttpResponse:
    found = _statement(request, municipality)
    place = found.municipality
    context = {
        "statement": found,
        "chart": statement_chart(found),
        "years": selectors.statement_years(municipality=place, viewer=viewer_of(request)),
        "crumbs": [
            (
                reverse("finance:statement", args=[place.slug]),
                _("Contributions of %(name)s") % {"name": place.name},
            )
        ],
    }
    return portal_render(request, "finance/statement.html", context)


@require_safe
def statement_export(request: HttpRequest, municipality: str, fmt: str) -> HttpResponse:
    if fmt not in EXPORTS:
        raise Http404
    found = _statement(request, municipality)
    content_type, render = EXPORTS[fmt]
    response = HttpResponse(render(found), content_type=content_type)
    filename = f"bijdragen-{found.municipality.slug}-{found.year}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if request.user.is_authenticated:
        response["Cache-Control"] = "private, no-cache"
    return response


@require_safe
def budgets(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = cooperation_get_or_404(slug=cooperation)
    viewer = viewer_of(request)
    years = selectors.milestone_years(cooperation=coop)
    context = {
        "budgets": selectors.budget_list(cooperation=coop, viewer=viewer),
        "cycles": [
            (year, selectors.milestone_list(cooperation=coop, budget_year=year)) for year in years[:2]
        ],
        "today": timezone.localdate(),
        "crumbs": cooperation_crumbs(coop, (reverse("finance:budgets", args=[coop.slug]), _("Budgets"))),
    }
    return portal_render(request, "finance/budgets.html", context, cooperation=coop)


@require_safe
def budget_detail(request: HttpRequest, cooperation: str, year: int) -> HttpResponse:
    coop = cooperation_get_or_404(slug=cooperation)
    raw_version = request.GET.get("versie", "")
    if raw_version and not raw_version.isdigit():
        raise BadRequest(_("Unknown version."))
    try:
        page = selectors.budget_page(
            cooperation=coop,
            year=year,
            viewer=viewer_of(request),
            version=int(raw_version) if raw_version else None,
        )
    except Budget.DoesNotExist as error:
        raise Http404 from error
    context = {
        "page": page,
        "today": timezone.localdate(),
        "crumbs": cooperation_crumbs(
            coop,
            (reverse("finance:budgets", args=[coop.slug]), _("Budgets")),
            (reverse("finance:budget", args=[coop.slug, year]), page.budget.display_title),
        ),
    }
    return portal_render(request, "finance/budget.html", context, cooperation=coop)


@require_safe
def cycle_calendar(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = cooperation_get_or_404(slug=cooperation)
    content = milestones_ics(cooperation=coop, milestones=selectors.milestone_all(cooperation=coop))
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{coop.slug}-begrotingscyclus.ics"'
    patch_cache_control(response, public=True, max_age=15 * 60)
    return response
