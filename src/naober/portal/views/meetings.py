"""The meeting overview of a year (list and month calendars), a meeting's page and its calendar file."""

from __future__ import annotations

from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from naober.meetings.calendar import meeting_ical, meeting_local_start
from naober.meetings.models import Meeting
from naober.portal.forms import CALENDAR, MeetingFilterForm
from naober.portal.links import meeting_path, meeting_slug
from naober.portal.month_grid import months_of
from naober.portal.selectors import meetings as selectors
from naober.portal.selectors.common import cooperation_get_or_404, zone_of
from naober.portal.views.common import cooperation_crumbs, portal_render, viewer_of
from naober.strategy.selectors import served_by_decisions

FIRST_YEAR, LAST_YEAR = 1900, 2200


def _year_url(cooperation: str, year: int) -> str:
    return reverse("portal:meetings-year", kwargs={"cooperation": cooperation, "year": year})


@require_safe
def meetings_current_year(request: HttpRequest, cooperation: str) -> HttpResponseRedirect:
    coop = cooperation_get_or_404(slug=cooperation)
    year = timezone.now().astimezone(zone_of(coop)).year
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    return HttpResponseRedirect(_year_url(coop.slug, year) + query)


@require_safe
def meetings_year(request: HttpRequest, cooperation: str, year: int) -> HttpResponse:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    coop = cooperation_get_or_404(slug=cooperation)
    viewer = viewer_of(request)
    form = MeetingFilterForm(request.GET or None, cooperation=coop)
    body, topic = form.value("orgaan"), form.value("onderwerp")
    meetings = selectors.meeting_year_list(cooperation=coop, viewer=viewer, year=year, body=body, topic=topic)
    years = selectors.meeting_years(cooperation=coop, viewer=viewer)
    this_year = timezone.now().astimezone(zone_of(coop)).year
    first, last = min([*years, this_year]), max([*years, this_year])
    context = {
        "year": year,
        "years": years,
        "previous_year": year - 1 if year > first else None,
        "next_year": year + 1 if year < last else None,
        "form": form,
        "filtered": bool(body or topic),
        "body": body,
        "topic": topic,
        "as_calendar": form.value("weergave") == CALENDAR,
        "meetings": meetings,
        "months": months_of(year, meetings, zone_of(coop)),
        "weekdays": [(WEEKDAYS[day], WEEKDAYS_ABBR[day]) for day in range(7)],
        "today": timezone.now().astimezone(zone_of(coop)).date(),
        "crumbs": cooperation_crumbs(
            coop, (_year_url(coop.slug, year), _("Meetings %(year)s") % {"year": year})
        ),
    }
    return portal_render(request, "portal/meetings_year.html", context, cooperation=coop)


def _visible_meeting(request: HttpRequest, cooperation: str, pk: int) -> Meeting:
    coop = cooperation_get_or_404(slug=cooperation)
    meeting = selectors.meeting_get(cooperation=coop, viewer=viewer_of(request), pk=pk)
    if meeting is None:
        raise Http404
    return meeting


def _canonical(meeting: Meeting, year: int, slug: str) -> bool:
    return meeting_local_start(meeting).year == year and meeting_slug(meeting) == slug


@require_safe
def meeting_detail(
    request: HttpRequest, cooperation: str, year: int, pk: int, slug: str = ""
) -> HttpResponse:
    """A meeting's page; an outdated year or slug (the meeting moved, the title changed) redirects."""
    meeting = _visible_meeting(request, cooperation, pk)
    if not _canonical(meeting, year, slug):
        return HttpResponsePermanentRedirect(meeting_path(meeting))
    coop = meeting.cooperation
    page = selectors.meeting_page(meeting=meeting, viewer=viewer_of(request))
    start = meeting_local_start(meeting)
    context = {
        "meeting": meeting,
        "page": page,
        "start": start,
        "end": meeting.end.astimezone(zone_of(coop)),
        "joint_bodies": list(meeting.joint_bodies.all()),
        "served": served_by_decisions(viewer=viewer_of(request), items=[entry.item for entry in page.agenda]),
        "crumbs": cooperation_crumbs(
            coop,
            (_year_url(coop.slug, start.year), _("Meetings %(year)s") % {"year": start.year}),
            (meeting_path(meeting), f"{meeting.display_title}, {date_format(start.date(), 'j F Y')}"),
        ),
    }
    return portal_render(request, "portal/meeting.html", context, cooperation=coop)


@require_safe
def meeting_calendar_file(
    request: HttpRequest, cooperation: str, year: int, pk: int, slug: str
) -> HttpResponse:
    """One meeting as an iCalendar file (METHOD:PUBLISH, without the online link)."""
    meeting = _visible_meeting(request, cooperation, pk)
    if not _canonical(meeting, year, slug):
        return HttpResponsePermanentRedirect(f"{meeting_path(meeting)}vergadering.ics")
    response = HttpResponse(
        meeting_ical(meeting=meeting, method="PUBLISH"), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{meeting_slug(meeting)}.ics"'
    return response
