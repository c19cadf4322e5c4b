"""A year's meetings laid out by month: as a list per month, and as month calendars (weeks × days)."""

from __future__ import annotations

import calendar
import datetime
import zoneinfo
from dataclasses import dataclass, field

from naober.meetings.models import Meeting


@dataclass(frozen=True)
class Day:
    date: datetime.date | None  # None: a day of the neighbouring month, an empty cell
    meetings: list[Meeting] = field(default_factory=list)


@dataclass(frozen=True)
class Month:
    first: datetime.date
    meetings: list[Meeting]
    weeks: list[list[Day]]


def months_of(year: int, meetings: list[Meeting], zone: zoneinfo.ZoneInfo) -> list[Month]:
    """Twelve months, Monday first; each meeting on its local day."""
    by_day: dict[datetime.date, list[Meeting]] = {}
    for meeting in meetings:
        by_day.setdefault(meeting.start.astimezone(zone).date(), []).append(meeting)
    grid = calendar.Calendar(firstweekday=calendar.MONDAY)
    months = []
    for month in range(1, 13):
        weeks = [
            [Day(day, by_day.get(day, [])) if day.month == month else Day(None) for day in week]
            for week in grid.monthdatescalendar(year, month)
        ]
        in_month = [meeting for week in weeks for day in week for meeting in day.meetings]
        months.append(Month(first=datetime.date(year, month, 1), meetings=in_month, weeks=weeks))
    return months
