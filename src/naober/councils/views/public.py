"""Public pages of a municipality: its hub, its regional agenda (every open round across cooperations)
and the agenda as an iCalendar feed; and the public download of a council's decision."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event

from naober.access.viewer import ANONYMOUS, viewer_from_request
from naober.councils import selectors
from naober.councils.models import RoundMember
from naober.finance.models import Milestone
from naober.finance.selectors import milestones_for_municipality

# How far ahead the regional agenda shows the budget-cycle milestones of the municipality's cooperations.
MILESTONE_HORIZON = datetime.timedelta(days=550)


@require_safe
def municipality_hub(request: HttpRequest, municipality: str) -> HttpResponse:
    place = selectors.municipality_get(slug=municipality)
    viewer = viewer_from_request(request)
    from naober.registry.models import Participation

    participations = (
        Participation.objects.filter(municipality=place)
        .select_related("cooperation")
        .order_by("cooperation__name", "joined_on")
    )
    return render(
        request,
        "councils/municipality.html",
        {
            "municipality": place,
            "participations": participations,
            "open_count": len(selectors.regional_agenda(municipality=place)),
            "is_clerk": place.pk in viewer.clerk_municipality_ids,
        },
    )


@require_safe
def regional_agenda(request: HttpRequest, municipality: str) -> HttpResponse:
    place = selectors.municipality_get(slug=municipality)
    today = timezone.localdate()
    rows = [(member, member.status_on(today)) for member in selectors.regional_agenda(municipality=place)]
    milestones = milestones_for_municipality(municipality=place, start=today, end=today + MILESTONE_HORIZON)
    return render(
        request,
        "councils/regional_agenda.html",
        {"municipality": place, "rows": rows, "milestones": milestones, "today": today},
    )


def _event(member: RoundMember, *, what: str, day: datetime.date, summary: str) -> Event:
    event = Event()
    host = settings.NAOBER_SITE_URL.split("//")[-1].split("/")[0].split(":")[0] or "localhost"
    event.add("uid", f"council-{what}-{member.pk}@{host}")
    event.add("dtstamp", member.modified)
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("summary", summary)
    event.add(
        "description",
        f"{member.round.cooperation.name}: {member.round.dossier.reference} {member.round.dossier.title}",
    )
    return event


def _milestone_event(milestone: Milestone, *, url: str) -> Event:
    event = Event()
    host = settings.NAOBER_SITE_URL.split("//")[-1].split("/")[0].split(":")[0] or "localhost"
    event.add("uid", f"budget-milestone-{milestone.pk}@{host}")
    event.add("dtstamp", milestone.modified)
    event.add("dtstart", milestone.due_on)
    event.add("dtend", milestone.due_on + datetime.timedelta(days=1))
    event.add(
        "summary",
        _("%(cooperation)s: %(milestone)s (budget %(year)s)")
        % {
            "cooperation": milestone.cooperation.name,
            "milestone": milestone.get_kind_display(),
            "year": milestone.budget_year,
        },
    )
    event.add("url", url)
    return event


@require_safe
def regional_agenda_ics(request: HttpRequest, municipality: str) -> HttpResponse:
    """The public regional agenda as a calendar: each round's deadline and planned council date."""
    place = selectors.municipality_get(slug=municipality)
    calendar = Calendar()
    calendar.add("prodid", "-//naober//councils//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Regional agenda of %(municipality)s") % {"municipality": place.name})
    url = settings.NAOBER_SITE_URL + reverse("councils:regional-agenda", args=[place.slug])
    for member in selectors.regional_agenda(municipality=place, viewer=ANONYMOUS):
        kind = member.round.get_kind_display()
        reference = member.round.dossier.reference
        deadline = _event(
            member,
            what="deadline",
            day=member.deadline,
            summary=_("Deadline: %(kind)s %(reference)s") % {"kind": kind, "reference": reference},
        )
        deadline.add("url", url)
        calendar.add_component(deadline)
        if member.planned_council_date:
            planned = _event(
                member,
                what="council",
                day=member.planned_council_date,
                summary=_("Council decides: %(kind)s %(reference)s") % {"kind": kind, "reference": reference},
            )
            planned.add("url", url)
            calendar.add_component(planned)
    today = timezone.localdate()
    for milestone in milestones_for_municipality(
        municipality=place, start=today, end=today + MILESTONE_HORIZON
    ):
        calendar.add_component(_milestone_event(milestone, url=url))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="regionale-agenda-{place.slug}.ics"'
    return response


@require_safe
def decision_download(request: HttpRequest, municipality: str, pk: int) -> FileResponse:
    """A council's decision document, when its round is public (or the reader edits the cooperation)."""
    member = selectors.public_member(pk=pk)
    if member.municipality.slug != municipality or not member.opinion_document:
        raise Http404
    response = FileResponse(
        member.opinion_document.open("rb"),
        content_type=member.opinion_document_type or "application/octet-stream",
        as_attachment=True,
        filename=(member.opinion_document.name or "besluit").rsplit("/", 1)[-1],
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
