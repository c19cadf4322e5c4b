"""The decision list across meetings (besluitenlijst): filters for body, topic, period and outcome; paged."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from naober.portal.forms import DecisionFilterForm
from naober.portal.selectors.common import cooperation_get_or_404
from naober.portal.selectors.lists import DecisionFilter, decision_list
from naober.portal.views.common import cooperation_crumbs, portal_render, viewer_of
from naober.strategy.selectors import served_by_decisions


@require_safe
def decisions(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = cooperation_get_or_404(slug=cooperation)
    form = DecisionFilterForm(request.GET or None, cooperation=coop)
    filters = DecisionFilter(
        body=form.value("orgaan"),
        topic=form.value("onderwerp"),
        date_from=form.value("van"),
        date_to=form.value("tot"),
        outcome=form.value("uitkomst") or "",
    )
    listing = decision_list(
        cooperation=coop, viewer=viewer_of(request), filters=filters, page_number=request.GET.get("pagina")
    )
    url = reverse("portal:decisions", args=[coop.slug])
    context = {
        "form": form,
        "listing": listing,
        "served": served_by_decisions(viewer=viewer_of(request), items=[row.item for row in listing.rows]),
        "crumbs": cooperation_crumbs(coop, (url, _("Decisions"))),
    }
    return portal_render(request, "portal/decisions.html", context, cooperation=coop)
