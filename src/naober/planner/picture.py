"""The proposed year as month grids for the secretariat page: each day with its closed reason and meetings,
each meeting with its body's colour number and name (never colour alone), fixed, pinned and conflicts."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field
from typing import Any

from naober.planner.model.jsonform import plan_from_dict, problem_from_dict
from naober.planner.model.problem import Plan, Problem

COLOURS = 12


@dataclass
class Chip:
    key: str
    body: str
    time: str
    colour: int
    fixed: bool
    pinned: bool
    conflict: bool


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    closed: str
    chips: list[Chip] = field(default_factory=list)


@dataclass
class Month:
    first: datetime.date
    weeks: list[list[Day]]


@dataclass
class Picture:
    problem: Problem
    plan: Plan
    months: list[Month]
    before: list[tuple[datetime.date, Chip]]  # preparing meetings in the year before
    legend: list[tuple[int, str, int]]  # colour, body name, meetings
    conflicts: set[str]


def picture_build(
    problem_data: dict[str, Any],
    plan_data: dict[str, Any],
    report: dict[str, Any],
    pins: list[dict[str, str]],
) -> Picture:
    problem = problem_from_dict(problem_data)
    plan = plan_from_dict(plan_data)
    colours = {body.id: index % COLOURS for index, body in enumerate(problem.bodies)}
    names = {body.id: body.name for body in problem.bodies}
    conflicts = {key for violation in report.get("violations", []) for key in violation.get("keys", [])}
    pinned = {(pin["body"], pin["date"], pin["time"]) for pin in pins}
    chips: dict[datetime.date, list[Chip]] = {}
    for meeting in sorted(plan.meetings, key=lambda item: (item.date, item.slot, item.key)):
        chip = Chip(
            key=meeting.key,
            body=names.get(meeting.body, meeting.body),
            time=str(meeting.slot).split("-")[0],
            colour=colours.get(meeting.body, 0),
            fixed=meeting.fixed and (meeting.body, meeting.date.isoformat(), str(meeting.slot)) not in pinned,
            pinned=(meeting.body, meeting.date.isoformat(), str(meeting.slot)) in pinned,
            conflict=meeting.key in conflicts,
        )
        chips.setdefault(meeting.date, []).append(chip)
    months = []
    weeks_of = calendar.Calendar(firstweekday=0)
    for month in range(1, 13):
        weeks = [
            [
                Day(
                    day,
                    day.month == month,
                    _closed(problem, day),
                    chips.get(day, []) if day.month == month else [],
                )
                for day in week
            ]
            for week in weeks_of.monthdatescalendar(problem.year, month)
        ]
        months.append(Month(datetime.date(problem.year, month, 1), weeks))
    before = [
        (day, chip) for day, items in sorted(chips.items()) if day < problem.first_day for chip in items
    ]
    counts: dict[str, int] = {}
    for meeting in plan.meetings:
        counts[meeting.body] = counts.get(meeting.body, 0) + 1
    legend = [(colours[body.id], body.name, counts.get(body.id, 0)) for body in problem.bodies]
    return Picture(problem, plan, months, before, legend, conflicts)


def _closed(problem: Problem, day: datetime.date) -> str:
    for period in problem.closed:
        if not period.bodies and period.first <= day <= period.last:
            return period.reason
    return ""
