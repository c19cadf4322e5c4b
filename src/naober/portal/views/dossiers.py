"""Dossiers: the list of a cooperation's dossiers, and a dossier's page with its route and documents."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from naober.councils.selectors import public_rounds_context
from naober.portal.forms import DossierFilterForm
from naober.portal.links import dossier_path, dossier_slug
from naober.portal.selectors.common import cooperation_get_or_404
from naober.portal.selectors.dossiers import dossier_documents, dossier_get, dossier_route
from naober.portal.selectors.lists import dossier_list
from naober.portal.views.common import cooperation_crumbs, portal_render, viewer_of
from naober.strategy.selectors import served_by_dossier


@require_safe
def dossiers(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = cooperation_get_or_404(slug=cooperation)
    form = DossierFilterForm(request.GET or None, cooperation=coop)
    listing = dossier_list(
        cooperation=coop,
        viewer=viewer_of(request),
        topic=form.value("onderwerp"),
        status=form.value("status") or "",
        page_number=request.GET.get("pagina"),
    )
    url = reverse("portal:dossiers", args=[coop.slug])
    context = {"form": form, "listing": listing, "crumbs": cooperation_crumbs(coop, (url, _("Dossiers")))}
    return portal_render(request, "portal/dossiers.html", context, cooperation=coop)


@require_safe
def dossier_detail(request: HttpRequest, cooperation: str, pk: int, slug: str = "") -> HttpResponse:
    """A dossier's page; an outdated slug (the title changed) or none redirects to the current address."""
    coop = cooperation_get_or_404(slug=cooperation)
    viewer = viewer_of(request)
    dossier = dossier_get(cooperation=coop, viewer=viewer, pk=pk)
    if dossier is None:
        raise Http404
    if slug != dossier_slug(dossier):
        return HttpResponsePermanentRedirect(dossier_path(dossier))
    context = {
        "dossier": dossier,
        "route": dossier_route(dossier=dossier, viewer=viewer),
        "documents": dossier_documents(dossier=dossier, viewer=viewer),
        "served": served_by_dossier(viewer=viewer, dossier=dossier),
        **public_rounds_context(dossier=dossier, today=timezone.localdate()),
        "crumbs": cooperation_crumbs(
            coop,
            (reverse("portal:dossiers", args=[coop.slug]), _("Dossiers")),
            (dossier_path(dossier), dossier.reference),
        ),
    }
    return portal_render(request, "portal/dossier.html", context, cooperation=coop)
