from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from naober.governance import selectors as governance
from naober.governance.models import Body
from naober.portal.org_chart import org_chart_svg
from naober.registry import selectors as registry
from naober.registry.models import Cooperation


def _cooperation_or_404(slug: str) -> Cooperation:
    try:
        return registry.cooperation_get(slug=slug)
    except Cooperation.DoesNotExist as error:
        raise Http404 from error


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    cooperations = list(registry.cooperation_list(on=today))
    tables = registry.cooperation_member_tables(cooperations=cooperations, on=today)
    rows = [(cooperation, tables[cooperation.pk]) for cooperation in cooperations]
    return render(request, "portal/home.html", {"rows": rows, "today": today})


@require_safe
def cooperation_detail(request: HttpRequest, cooperation: str) -> HttpResponse:
    today = timezone.localdate()
    coop = _cooperation_or_404(cooperation)
    bodies = governance.body_list(cooperation=coop, on=today)
    context = {
        "cooperation": coop,
        "today": today,
        "members": registry.cooperation_member_table(cooperation=coop, on=today),
        "former_members": registry.cooperation_former_member_list(cooperation=coop, on=today),
        "partners": registry.cooperation_partner_list(cooperation=coop, on=today),
        "topics": registry.topic_list(cooperation=coop),
        "bodies": bodies,
        "org_chart": org_chart_svg(cooperation=coop, bodies=bodies),
        "crumbs": [(reverse("portal:cooperation", args=[coop.slug]), coop.name)],
    }
    return render(request, "portal/cooperation.html", context)


@require_safe
def cooperation_org_chart(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = _cooperation_or_404(cooperation)
    bodies = governance.body_list(cooperation=coop, on=timezone.localdate())
    svg = org_chart_svg(cooperation=coop, bodies=bodies, standalone=True)
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")


@require_safe
def body_detail(request: HttpRequest, cooperation: str, body: str) -> HttpResponse:
    today = timezone.localdate()
    coop = _cooperation_or_404(cooperation)
    try:
        item = governance.body_get(cooperation=coop, slug=body)
    except Body.DoesNotExist as error:
        raise Http404 from error
    context = {
        "cooperation": coop,
        "body": item,
        "composition": governance.body_composition(body=item, on=today),
        "preparers": governance.body_preparers(body=item, on=today),
        "today": today,
        "crumbs": [
            (reverse("portal:cooperation", args=[coop.slug]), coop.name),
            (reverse("portal:body", args=[coop.slug, item.slug]), item.display_name),
        ],
    }
    return render(request, "portal/body.html", context)
