from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from naober.governance import selectors as governance
from naober.governance.models import Body
from naober.portal.org_chart import org_chart_svg
from naober.portal.selectors.common import cooperation_get_or_404
from naober.portal.selectors.meetings import body_meetings
from naober.portal.views.common import cooperation_crumbs, portal_render, viewer_of
from naober.registry import selectors as registry


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    cooperations = list(registry.cooperation_list(on=today))
    summaries = registry.cooperation_member_summaries(cooperations=cooperations, on=today)
    rows = [(cooperation, summaries[cooperation.pk]) for cooperation in cooperations]
    return render(request, "portal/home.html", {"rows": rows, "today": today})


@require_safe
def cooperation_detail(request: HttpRequest, cooperation: str) -> HttpResponse:
    today = timezone.localdate()
    coop = cooperation_get_or_404(slug=cooperation)
    bodies = governance.body_list(cooperation=coop, on=today)
    context = {
        "today": today,
        "members": registry.cooperation_member_table(cooperation=coop, on=today),
        "former_members": registry.cooperation_former_member_list(cooperation=coop, on=today),
        "partners": registry.cooperation_partner_list(cooperation=coop, on=today),
        "topics": registry.topic_list(cooperation=coop),
        "bodies": bodies,
        "org_chart": org_chart_svg(cooperation=coop, bodies=bodies),
        "crumbs": cooperation_crumbs(coop),
    }
    return portal_render(request, "portal/cooperation.html", context, cooperation=coop)


@require_safe
def cooperation_org_chart(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = cooperation_get_or_404(slug=cooperation)
    bodies = governance.body_list(cooperation=coop, on=timezone.localdate())
    svg = org_chart_svg(cooperation=coop, bodies=bodies, standalone=True)
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")


@require_safe
def body_detail(request: HttpRequest, cooperation: str, body: str) -> HttpResponse:
    today = timezone.localdate()
    coop = cooperation_get_or_404(slug=cooperation)
    try:
        item = governance.body_get(cooperation=coop, slug=body)
    except Body.DoesNotExist as error:
        raise Http404 from error
    upcoming, recent = body_meetings(body=item, viewer=viewer_of(request))
    context = {
        "body": item,
        "upcoming": upcoming,
        "recent": recent,
        "composition": governance.body_composition(body=item, on=today),
        "preparers": governance.body_preparers(body=item, on=today),
        "today": today,
        "crumbs": cooperation_crumbs(
            coop, (reverse("portal:body", args=[coop.slug, item.slug]), item.display_name)
        ),
    }
    return portal_render(request, "portal/body.html", context, cooperation=coop)
