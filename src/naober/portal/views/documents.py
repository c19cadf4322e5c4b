"""The documents of a cooperation: newest first, filtered by kind, body and year; paged."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from naober.portal.forms import DocumentFilterForm
from naober.portal.selectors.common import cooperation_get_or_404
from naober.portal.selectors.lists import DocumentFilter, document_list, document_years
from naober.portal.views.common import cooperation_crumbs, portal_render, viewer_of


@require_safe
def documents(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = cooperation_get_or_404(slug=cooperation)
    viewer = viewer_of(request)
    years = document_years(cooperation=coop, viewer=viewer)
    form = DocumentFilterForm(request.GET or None, cooperation=coop, years=years)
    filters = DocumentFilter(
        kind=form.value("soort") or "", body=form.value("orgaan"), year=form.value("jaar")
    )
    listing = document_list(
        cooperation=coop, viewer=viewer, filters=filters, page_number=request.GET.get("pagina")
    )
    url = reverse("portal:documents", args=[coop.slug])
    context = {"form": form, "listing": listing, "crumbs": cooperation_crumbs(coop, (url, _("Documents")))}
    return portal_render(request, "portal/documents.html", context, cooperation=coop)
