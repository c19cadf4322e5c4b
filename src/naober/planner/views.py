"""The secretariat's year planner: the proposed year as a calendar, pin a meeting and re-plan, accept,
iCalendar export. Editors of the cooperation only (a 404 for everyone else); two-factor verified by the
middleware like every secretariat page."""

from __future__ import annotations

import datetime
import zoneinfo
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from icalendar import Calendar, Event

from naober.planner.forms import PinForm
from naober.planner.model.cpsat import Options
from naober.planner.model.jsonform import plan_from_dict, problem_from_dict
from naober.planner.models import PlanProposal, ProposalStatus
from naober.planner.picture import picture_build
from naober.planner.services import proposal_accept, proposal_create
from naober.registry.models import Cooperation
from naober.secretariat.selectors import cooperation_for_editor

WEB_OPTIONS = Options(time_limit=5.0, workers=2, seed=0)


def _year(year: int) -> int:
    if not 2000 <= year <= 2100:
        raise Http404
    return year


def _proposal(cooperation: Cooperation, year: int, pk: int) -> PlanProposal:
    proposal = PlanProposal.objects.filter(pk=pk, cooperation=cooperation, year=year).first()
    if proposal is None:
        raise Http404
    return proposal


def _year_url(cooperation: Cooperation, year: int) -> str:
    return reverse("planner:year", args=[cooperation.slug, year])


@login_required
@require_http_methods(["GET", "HEAD"])
def planning_index(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = cooperation_for_editor(user=request.user, slug=cooperation)
    return redirect(_year_url(coop, timezone.localdate().year + 1))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def planning_year(request: HttpRequest, cooperation: str, year: int) -> HttpResponse:
    coop = cooperation_for_editor(user=request.user, slug=cooperation)
    year = _year(year)
    if request.method == "POST":
        try:
            proposal_create(cooperation=coop, year=year, options=WEB_OPTIONS, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("A new plan has been proposed."))
        return redirect(_year_url(coop, year))
    proposal = (
        PlanProposal.objects.filter(cooperation=coop, year=year)
        .exclude(status=ProposalStatus.SUPERSEDED)
        .order_by("-created", "-pk")
        .first()
    )
    context: dict[str, object] = {
        "cooperation": coop,
        "year": year,
        "proposal": proposal,
        "crumb": _("Year planning"),
    }
    if proposal is not None:
        context["picture"] = picture_build(proposal.problem, proposal.plan, proposal.report, proposal.pins)
        problem, plan = problem_from_dict(proposal.problem), plan_from_dict(proposal.plan)
        context["pin_form"] = PinForm(problem=problem, plan=plan)
        context["report"] = proposal.report
    return render(request, "planner/year.html", context)


@login_required
@require_http_methods(["POST"])
def planning_pin(request: HttpRequest, cooperation: str, year: int, pk: int) -> HttpResponse:
    coop = cooperation_for_editor(user=request.user, slug=cooperation)
    proposal = _proposal(coop, _year(year), pk)
    form = PinForm(
        request.POST, problem=problem_from_dict(proposal.problem), plan=plan_from_dict(proposal.plan)
    )
    if not form.is_valid():
        messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
        return redirect(_year_url(coop, year))
    data = form.cleaned_data
    pins = [pin for pin in proposal.pins if pin.get("key") != data["meeting"]]
    pins.append(
        {"key": data["meeting"], "body": data["body"], "date": data["date"].isoformat(), "time": data["time"]}
    )
    try:
        proposal_create(cooperation=coop, year=year, pins=pins, options=WEB_OPTIONS, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The meeting is pinned and the rest planned again."))
    return redirect(_year_url(coop, year))


@login_required
@require_http_methods(["POST"])
def planning_accept(request: HttpRequest, cooperation: str, year: int, pk: int) -> HttpResponse:
    coop = cooperation_for_editor(user=request.user, slug=cooperation)
    proposal = _proposal(coop, _year(year), pk)
    try:
        made = proposal_accept(proposal=proposal, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_year_url(coop, year))
    messages.success(request, _("The plan is accepted: %(count)d meetings planned.") % {"count": len(made)})
    return redirect(reverse("secretariat:meetings", args=[coop.slug]))


@login_required
@require_http_methods(["GET", "HEAD"])
def planning_ics(request: HttpRequest, cooperation: str, year: int, pk: int) -> HttpResponse:
    coop = cooperation_for_editor(user=request.user, slug=cooperation)
    proposal = _proposal(coop, _year(year), pk)
    problem, plan = problem_from_dict(proposal.problem), plan_from_dict(proposal.plan)
    names = {body.id: body.name for body in problem.bodies}
    zone = zoneinfo.ZoneInfo(coop.time_zone)
    host = urlsplit(settings.NAOBER_SITE_URL).hostname or "localhost"
    ical = Calendar()
    ical.add("prodid", "-//naober//planner//NL")
    ical.add("version", "2.0")
    ical.add("x-wr-calname", f"{coop.display_name} {year} ({_('proposal')})")
    stamp = proposal.created
    for meeting in sorted(plan.meetings, key=lambda item: (item.date, item.slot, item.key)):
        start_time, end_time = meeting.slot.time()
        event = Event()
        event.add("uid", f"plan-{proposal.pk}-{meeting.key.replace('/', '-')}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", datetime.datetime.combine(meeting.date, start_time, tzinfo=zone))
        event.add("dtend", datetime.datetime.combine(meeting.date, end_time, tzinfo=zone))
        event.add("summary", names.get(meeting.body, meeting.body))
        event.add("status", "CONFIRMED" if meeting.fixed else "TENTATIVE")
        ical.add_component(event)
    response = HttpResponse(ical.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{coop.slug}-{year}-voorstel-{proposal.pk}.ics"'
    return response
