"""The independent checker: verifies every hard rule of a plan from the problem alone, scores the
preferences and computes the problem-specific lower bound.

It does not use the solvers' variables or candidate lists: it reads the plan's dates and times and checks
them against the problem's rules (closed days, weekdays, time slots, busy times, counts, preparation windows
by a matching of its own, gaps, meeting days, double bookings, weekly limits).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from naober.planner.model.instances import (
    Instance,
    Instances,
    before_holiday_days,
    body_slots,
    body_weekdays,
    build_instances,
    meeting_cost_parts,
)
from naober.planner.model.problem import WEEKDAYS, Plan, PlannedMeeting, Problem, Slot


def gettext_noop(message: str) -> str:
    """Marks a message template for translation (the Django side translates it with the same msgid)."""
    return message


@dataclass(frozen=True)
class Violation:
    rule: str
    template: str
    params: dict[str, str | int] = field(default_factory=dict)
    keys: tuple[str, ...] = ()  # the plan's meetings that break the rule, where it is about meetings

    @property
    def text(self) -> str:
        return self.template.format(**self.params)


@dataclass
class Report:
    violations: list[Violation]
    scores: dict[str, int]
    score: int
    bound: int

    @property
    def feasible(self) -> bool:
        return not self.violations

    @property
    def gap(self) -> float:
        """How far the score is above the lower bound, as a fraction of the score (0 = proven optimal)."""
        return 0.0 if self.score <= 0 else max(0.0, (self.score - self.bound) / self.score)


def _label(problem: Problem, meeting: PlannedMeeting) -> str:
    return f"{problem.body(meeting.body).name} {meeting.date.isoformat()} {meeting.slot}"


def check_plan(problem: Problem, plan: Plan) -> Report:
    violations = hard_rule_violations(problem, plan)
    scores = preference_scores(problem, plan)
    return Report(violations, scores, sum(scores.values()), lower_bound(problem))


def hard_rule_violations(problem: Problem, plan: Plan) -> list[Violation]:
    bodies = {body.id: body for body in problem.bodies}
    meetings = [meeting for meeting in plan.meetings if meeting.body in bodies]
    out: list[Violation] = [
        Violation("unknown-body", gettext_noop("A meeting of unknown body {body}."), {"body": meeting.body})
        for meeting in plan.meetings
        if meeting.body not in bodies
    ]
    fixed_set = {(item.body, item.date, item.slot) for item in problem.fixed}
    movable = [meeting for meeting in meetings if (meeting.body, meeting.date, meeting.slot) not in fixed_set]
    out += _fixed_kept(problem, meetings)
    out += _placement(problem, movable)
    out += _counts(problem, meetings)
    out += _links(problem, meetings)
    out += _gaps(problem, meetings, fixed_set)
    out += _meeting_days(problem, meetings)
    out += _people(problem, meetings, fixed_set)
    return out


def _fixed_kept(problem: Problem, meetings: list[PlannedMeeting]) -> list[Violation]:
    present = {(meeting.body, meeting.date, meeting.slot) for meeting in meetings}
    return [
        Violation(
            "fixed",
            gettext_noop("The fixed meeting of {body} on {date} is missing or moved."),
            {"body": problem.body(item.body).name, "date": item.date.isoformat()},
        )
        for item in problem.fixed
        if problem.first_day <= item.date <= problem.last_day
        and problem.prepares(item.body) is None
        and (item.body, item.date, item.slot) not in present
    ]


def _placement(problem: Problem, meetings: list[PlannedMeeting]) -> list[Violation]:
    out: list[Violation] = []
    busy = {person.id: person.busy for person in problem.people}
    for meeting in meetings:
        body = problem.body(meeting.body)
        label = _label(problem, meeting)
        if meeting.date > problem.last_day or (
            meeting.date < problem.first_day and problem.prepares(body.id) is None
        ):
            out.append(
                Violation(
                    "year",
                    gettext_noop("{meeting} lies outside the planning year."),
                    {"meeting": label},
                    (meeting.key,),
                )
            )
        if meeting.date.weekday() not in body_weekdays(problem, body):
            out.append(
                Violation(
                    "weekday",
                    gettext_noop("{meeting} is on a {weekday}, not an allowed weekday."),
                    {"meeting": label, "weekday": WEEKDAYS[meeting.date.weekday()]},
                    (meeting.key,),
                )
            )
        if meeting.slot not in body_slots(problem, body):
            out.append(
                Violation(
                    "slot",
                    gettext_noop("{meeting} is not in one of its time slots."),
                    {"meeting": label},
                    (meeting.key,),
                )
            )
        reason = problem.closed_reason(meeting.date, body.id)
        if reason:
            out.append(
                Violation(
                    "closed",
                    gettext_noop("{meeting} falls on a closed day ({reason})."),
                    {"meeting": label, "reason": reason},
                    (meeting.key,),
                )
            )
        for member in body.members:
            for item in busy.get(member, ()):
                if item.date == meeting.date and item.slot.overlaps(meeting.slot):
                    out.append(  # noqa: PERF401 - nested loops read better here
                        Violation(
                            "busy",
                            gettext_noop("{meeting}: {person} is busy then ({label})."),
                            {
                                "meeting": label,
                                "person": problem.person(member).name,
                                "label": item.label or "—",
                            },
                            (meeting.key,),
                        )
                    )
    return out


def _counts(problem: Problem, meetings: list[PlannedMeeting]) -> list[Violation]:
    out: list[Violation] = []
    for body in problem.bodies:
        if problem.prepares(body.id) is not None:
            continue
        count = sum(
            1
            for meeting in meetings
            if meeting.body == body.id and problem.first_day <= meeting.date <= problem.last_day
        )
        fixed = sum(
            1
            for item in problem.fixed
            if item.body == body.id and problem.first_day <= item.date <= problem.last_day
        )
        if count < body.meetings_min or count > max(body.meetings_max, fixed):
            out.append(
                Violation(
                    "count",
                    gettext_noop("{body} meets {count} times; it should meet {low} to {high} times."),
                    {"body": body.name, "count": count, "low": body.meetings_min, "high": body.meetings_max},
                )
            )
    return out


def _match(left: list[PlannedMeeting], right: list[PlannedMeeting], low: int, high: int) -> int:
    """The size of a maximum matching of preparing (left) to prepared (right) meetings in the window."""
    match: dict[int, int] = {}

    def augment(index: int, seen: set[int]) -> bool:
        for other, meeting in enumerate(right):
            if other in seen or not low <= (meeting.date - left[index].date).days <= high:
                continue
            seen.add(other)
            if other not in match or augment(match[other], seen):
                match[other] = index
                return True
        return False

    return sum(1 for index in range(len(left)) if augment(index, set()))


def _links(problem: Problem, meetings: list[PlannedMeeting]) -> list[Violation]:
    out: list[Violation] = []
    for link in problem.links:
        prepared = [meeting for meeting in meetings if meeting.body == link.prepared]
        preparing = [meeting for meeting in meetings if meeting.body == link.preparing]
        matched = _match(preparing, prepared, link.min_days, link.max_days)
        if matched < len(prepared) or matched < len(preparing):
            out.append(
                Violation(
                    "link",
                    gettext_noop(
                        "{preparing} must meet once {low}–{high} days before each meeting of {prepared}: "
                        "{matched} of {count} meetings are prepared so, with {extra} preparing meetings "
                        "left over."
                    ),
                    {
                        "preparing": problem.body(link.preparing).name,
                        "prepared": problem.body(link.prepared).name,
                        "low": link.min_days,
                        "high": link.max_days,
                        "matched": matched,
                        "count": len(prepared),
                        "extra": len(preparing) - matched,
                    },
                )
            )
    return out


def _gaps(
    problem: Problem, meetings: list[PlannedMeeting], fixed_set: set[tuple[str, datetime.date, Slot]]
) -> list[Violation]:
    out: list[Violation] = []
    for body in problem.bodies:
        own = sorted((meeting for meeting in meetings if meeting.body == body.id), key=lambda item: item.date)
        for first, second in zip(own, own[1:], strict=False):
            both_fixed = all((item.body, item.date, item.slot) in fixed_set for item in (first, second))
            if not both_fixed and (second.date - first.date).days < body.min_gap_days:
                out.append(
                    Violation(
                        "gap",
                        gettext_noop("{body} meets on {first} and {second}, less than {days} days apart."),
                        {
                            "body": body.name,
                            "first": first.date.isoformat(),
                            "second": second.date.isoformat(),
                            "days": body.min_gap_days,
                        },
                        (first.key, second.key),
                    )
                )
    return out


def _meeting_days(problem: Problem, meetings: list[PlannedMeeting]) -> list[Violation]:
    out: list[Violation] = []
    for rule in problem.meeting_days:
        members = {body.id for body in problem.bodies if body.meeting_day == rule.id}
        per_month: dict[tuple[int, int], set[datetime.date]] = defaultdict(set)
        for meeting in meetings:
            if meeting.body in members:
                per_month[(meeting.date.year, meeting.date.month)].add(meeting.date)
        for (year, month), days in sorted(per_month.items()):
            if len(days) > rule.per_month:
                out.append(
                    Violation(
                        "meeting-day",
                        gettext_noop(
                            "{name} is held on {count} days in {year}-{month:02d}; at most {limit} a month."
                        ),
                        {
                            "name": rule.name,
                            "count": len(days),
                            "year": year,
                            "month": month,
                            "limit": rule.per_month,
                        },
                    )
                )
    return out


def _people(
    problem: Problem, meetings: list[PlannedMeeting], fixed_set: set[tuple[str, datetime.date, Slot]]
) -> list[Violation]:
    out: list[Violation] = []
    by_person: dict[str, list[PlannedMeeting]] = defaultdict(list)
    for meeting in meetings:
        for member in problem.body(meeting.body).members:
            by_person[member].append(meeting)
    for person in problem.people:
        own = sorted(by_person.get(person.id, []), key=lambda item: (item.date, item.slot))
        for index, first in enumerate(own):
            for second in own[index + 1 :]:
                if second.date != first.date:
                    break
                if first.slot.overlaps(second.slot) and not all(
                    (item.body, item.date, item.slot) in fixed_set for item in (first, second)
                ):
                    out.append(
                        Violation(
                            "double-booked",
                            gettext_noop("{person} is in two meetings at once: {first} and {second}."),
                            {
                                "person": person.name,
                                "first": _label(problem, first),
                                "second": _label(problem, second),
                            },
                            (first.key, second.key),
                        )
                    )
        if person.max_per_week:
            weeks: dict[tuple[int, int], int] = defaultdict(int)
            for meeting in own:
                iso = meeting.date.isocalendar()
                weeks[(iso[0], iso[1])] += 1
            for (year, week), count in sorted(weeks.items()):
                if count > person.max_per_week:
                    out.append(
                        Violation(
                            "per-week",
                            gettext_noop(
                                "{person} has {count} meetings in week {week} of {year}; at most {limit}."
                            ),
                            {
                                "person": person.name,
                                "count": count,
                                "week": week,
                                "year": year,
                                "limit": person.max_per_week,
                            },
                        )
                    )
    return out


# Preferences and the lower bound ---------------------------------------------------------------------------

PREFERENCES = ("spread", "preferred_weekday", "before_holiday", "weekend_deadline", "change", "skipped")


def preference_scores(problem: Problem, plan: Plan) -> dict[str, int]:
    """The cost of each preference (lower is better). Ideal dates come from the instance keys of the plan."""
    instances = build_instances(problem, candidates=False)
    index = instances.by_key()
    holidays = before_holiday_days(problem)
    scores = dict.fromkeys(PREFERENCES, 0)
    planned = plan.by_key()
    for meeting in plan.meetings:
        item = index.get(meeting.key)
        if item is None:
            continue
        parts = meeting_cost_parts(
            problem, problem.body(meeting.body), meeting.date, item.target, item.previous, holidays
        )
        for name, value in parts.items():
            scores[name] += value
    for item in instances.items:
        if not item.prepares and item.optional and item.key not in planned:
            scores["skipped"] += problem.preferences.skipped
    return scores


def lower_bound(problem: Problem, instances: Instances | None = None) -> int:
    """A bound no plan can beat: each meeting with its preparation chain placed at its cheapest candidates,
    ignoring everything between different chains (double bookings, gaps, meeting days); of each body's
    optional meetings the cheapest choice between holding and skipping, with at least the required number
    held.
    """
    instances = instances or build_instances(problem)
    children: dict[str, list[Instance]] = defaultdict(list)
    for item in instances.items:
        if item.prepares:
            children[item.prepares].append(item)

    def best_by_day(item: Instance) -> dict[datetime.date, float]:
        best: dict[datetime.date, float] = {}
        for candidate in item.candidates:
            best[candidate.day] = min(best.get(candidate.day, float("inf")), candidate.cost)
        for child in children[item.key]:
            table = best_by_day(child)
            low, high = child.window
            for day in best:
                options = [
                    table[day - datetime.timedelta(days=offset)]
                    for offset in range(low, high + 1)
                    if day - datetime.timedelta(days=offset) in table
                ]
                best[day] += min(options) if options else float("inf")
        return best

    total = 0
    by_body: dict[str, list[Instance]] = defaultdict(list)
    for item in instances.items:
        if not item.prepares:
            by_body[item.body].append(item)
    for body_id, items in by_body.items():
        held, deltas = 0.0, []
        for item in items:
            table = best_by_day(item)
            cost = min(table.values()) if table else float("inf")
            if item.optional:
                deltas.append(cost - problem.preferences.skipped)
                held += problem.preferences.skipped
            else:
                held += cost
        deltas.sort()
        must = max(0, instances.required.get(body_id, 0) - sum(1 for item in items if not item.optional))
        for index, delta in enumerate(deltas):
            if index < must or delta < 0:
                held += delta
        if held == float("inf"):
            continue  # no plan at all; the bound says nothing
        total += int(held)
    return total
