"""The budget cycle as an iCalendar feed: one all-day event per milestone (public dates from the law)."""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from icalendar import Calendar, Event

from naober.finance.models import Milestone
from naober.meetings.calendar import PRODID
from naober.registry.models import Cooperation


def _summary(milestone: Milestone) -> str:
    return _("%(milestone)s (budget %(year)s)") % {
        "milestone": milestone.get_kind_display(),
        "year": milestone.budget_year,
    }


def _warnings(milestone: Milestone) -> str:
    notes = []
    if milestone.recess_overlap_days:
        notes.append(
            ngettext(
                "Warning: %(days)s day of the opinion period falls in the councils' summer recess.",
                "Warning: %(days)s days of the opinion period fall in the councils' summer recess.",
                milestone.recess_overlap_days,
            )
            % {"days": milestone.recess_overlap_days}
        )
    if milestone.after_deadline:
        notes.append(
            _("Warning: later than the legal deadline for sending the adopted budget to the province.")
        )
    return "\n".join(notes)


def milestones_ics(*, cooperation: Cooperation, milestones: list[Milestone]) -> bytes:
    host = urlsplit(settings.NAOBER_SITE_URL).hostname or "localhost"
    name = _("Budget cycle of %(name)s") % {"name": cooperation.name}
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    for milestone in milestones:
        event = Event()
        event.add("uid", f"budget-milestone-{milestone.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("last-modified", milestone.modified)
        event.add("dtstart", milestone.due_on)
        event.add("dtend", milestone.due_on + datetime.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        event.add("summary", _summary(milestone))
        description = _warnings(milestone)
        if description:
            event.add("description", description)
        calendar.add_component(event)
    return calendar.to_ical()
