"""The meetings to place (instances), their candidate dates and slots, ideal dates and preference costs.

Each body that prepares no other body gets `meetings_max` instances (its fixed meetings of the year included),
with ideal dates spread evenly over its open days; every instance of a prepared body gets one instance of each
body that prepares it, ideally halfway its window. An instance's key is "<body>/<n>", n in date order of the
ideal dates, and a preparing instance has the same n as the instance it prepares.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from naober.planner.model.problem import Body, FixedMeeting, Problem, Slot

ONE_DAY = datetime.timedelta(days=1)
CHANGE_CAP_DAYS = 60


@dataclass(frozen=True)
class Candidate:
    day: datetime.date
    slot: Slot
    cost: int


@dataclass
class Instance:
    key: str
    body: str
    target: datetime.date
    optional: bool
    fixed: FixedMeeting | None = None
    prepares: str = ""  # key of the prepared instance
    window: tuple[int, int] = (0, 0)  # link window in days before the prepared meeting (min, max)
    previous: datetime.date | None = None
    candidates: list[Candidate] = field(default_factory=list)


@dataclass
class Instances:
    problem: Problem
    items: list[Instance]
    required: dict[str, int]  # root body → how many of its instances must be held (fixed ones included)

    def by_key(self) -> dict[str, Instance]:
        return {item.key: item for item in self.items}

    def preparing(self, key: str) -> list[Instance]:
        return [item for item in self.items if item.prepares == key]


def body_slots(problem: Problem, body: Body) -> tuple[Slot, ...]:
    if body.slots:
        return body.slots
    return problem.meeting_day(body.meeting_day).slots if body.meeting_day else ()


def body_weekdays(problem: Problem, body: Body) -> set[int]:
    days = set(body.weekdays)
    if body.meeting_day:
        days &= set(problem.meeting_day(body.meeting_day).weekdays)
    return days


def open_days(problem: Problem, body: Body, first: datetime.date, last: datetime.date) -> list[datetime.date]:
    weekdays = body_weekdays(problem, body)
    days, day = [], first
    while day <= last:
        if day.weekday() in weekdays and not problem.closed_reason(day, body.id):
            days.append(day)
        day += ONE_DAY
    return days


def before_holiday_days(problem: Problem) -> set[datetime.date]:
    """The seven days before the start of each school holiday."""
    days: set[datetime.date] = set()
    for period in problem.closed:
        if period.kind == "school-holiday":
            days.update(period.first - datetime.timedelta(days=n) for n in range(1, 8))
    return days


def meeting_cost_parts(
    problem: Problem,
    body: Body,
    day: datetime.date,
    target: datetime.date,
    previous: datetime.date | None,
    before_holiday: set[datetime.date],
) -> dict[str, int]:
    """The preference costs of a meeting of `body` on `day`, per preference (docs/planner.md)."""
    prefs = problem.preferences
    return {
        "spread": prefs.spread * abs((day - target).days),
        "preferred_weekday": prefs.preferred_weekday
        if body.preferred_weekday is not None and day.weekday() != body.preferred_weekday
        else 0,
        "before_holiday": prefs.before_holiday if day in before_holiday else 0,
        "weekend_deadline": prefs.weekend_deadline
        if (day - datetime.timedelta(days=body.documents_lead_days)).weekday() >= 5
        else 0,
        "change": prefs.change * min(abs((day - previous).days), CHANGE_CAP_DAYS)
        if previous is not None
        else 0,
    }


def meeting_cost(
    problem: Problem,
    body: Body,
    day: datetime.date,
    target: datetime.date,
    previous: datetime.date | None,
    before_holiday: set[datetime.date],
) -> int:
    return sum(meeting_cost_parts(problem, body, day, target, previous, before_holiday).values())


def _spread_targets(days: list[datetime.date], count: int, first: datetime.date) -> list[datetime.date]:
    if not days:
        return [first] * count
    return [days[min(len(days) - 1, int((index + 0.5) * len(days) / count))] for index in range(count)]


def _nearest(day: datetime.date, options: list[datetime.date]) -> datetime.date | None:
    return min(options, key=lambda other: (abs((other - day).days), other)) if options else None


def build_instances(problem: Problem, *, candidates: bool = True) -> Instances:
    """The instances with their candidates (closed days, weekdays and busy people already left out)."""
    items: list[Instance] = []
    required: dict[str, int] = {}
    previous: dict[str, list[datetime.date]] = {}
    for body_id, day in problem.previous:
        previous.setdefault(body_id, []).append(day)
    fixed_by_body: dict[str, list[FixedMeeting]] = {}
    for meeting in problem.fixed:
        fixed_by_body.setdefault(meeting.body, []).append(meeting)
    for body in problem.bodies:
        if problem.prepares(body.id) is not None:
            continue
        fixed = sorted(
            (
                item
                for item in fixed_by_body.get(body.id, [])
                if problem.first_day <= item.date <= problem.last_day
            ),
            key=lambda item: (item.date, item.slot, item.id),
        )
        count = max(body.meetings_max, len(fixed))
        targets = _spread_targets(
            open_days(problem, body, problem.first_day, problem.last_day), count, problem.first_day
        )
        # Fixed meetings take the ideal dates nearest to them; the free instances keep the others.
        free_targets = list(targets)
        pairs: list[tuple[datetime.date, FixedMeeting | None]] = []
        for item in fixed:
            nearest = _nearest(item.date, free_targets)
            if nearest is not None:
                free_targets.remove(nearest)
            pairs.append((item.date, item))
        pairs.extend((target, None) for target in free_targets)
        pairs.sort(key=lambda pair: (pair[0], pair[1] is None))
        required[body.id] = max(body.meetings_min, len(fixed))
        for number, (target, given) in enumerate(pairs, start=1):
            instance = Instance(
                key=f"{body.id}/{number}",
                body=body.id,
                target=target,
                optional=given is None,
                fixed=given,
                previous=_nearest(target, previous.get(body.id, [])),
            )
            items.append(instance)
            _add_preparing(problem, instance, items, fixed_by_body, previous)
    result = Instances(problem, items, required)
    if candidates:
        _fill_candidates(result)
    return result


def _add_preparing(
    problem: Problem,
    prepared: Instance,
    items: list[Instance],
    fixed_by_body: dict[str, list[FixedMeeting]],
    previous: dict[str, list[datetime.date]],
) -> None:
    number = prepared.key.rsplit("/", 1)[1]
    for link in problem.preparing_links(prepared.body):
        fixed = None
        if prepared.fixed is not None:
            fixed = next(
                (
                    item
                    for item in fixed_by_body.get(link.preparing, [])
                    if item.prepares == prepared.fixed.id
                ),
                None,
            )
        target = prepared.target - datetime.timedelta(days=(link.min_days + link.max_days) // 2)
        instance = Instance(
            key=f"{link.preparing}/{number}",
            body=link.preparing,
            target=fixed.date if fixed else target,
            optional=prepared.optional,
            fixed=fixed,
            prepares=prepared.key,
            window=(link.min_days, link.max_days),
            previous=_nearest(target, previous.get(link.preparing, [])),
        )
        items.append(instance)
        _add_preparing(problem, instance, items, fixed_by_body, previous)


def _busy_map(problem: Problem) -> dict[str, dict[datetime.date, list[Slot]]]:
    busy: dict[str, dict[datetime.date, list[Slot]]] = {}
    for person in problem.people:
        for item in person.busy:
            busy.setdefault(person.id, {}).setdefault(item.date, []).append(item.slot)
    return busy


def _fill_candidates(instances: Instances) -> None:
    problem = instances.problem
    busy = _busy_map(problem)
    holidays = before_holiday_days(problem)
    bodies = {body.id: body for body in problem.bodies}
    # Fixed instances make their members busy for every other instance.
    for item in instances.items:
        if item.fixed is not None:
            for member in bodies[item.body].members:
                busy.setdefault(member, {}).setdefault(item.fixed.date, []).append(item.fixed.slot)
    span_cache: dict[tuple[str, datetime.date], list[datetime.date]] = {}
    depth = _depths(instances)
    for item in instances.items:
        body = bodies[item.body]
        if item.fixed is not None:
            cost = meeting_cost(problem, body, item.fixed.date, item.target, item.previous, holidays)
            item.candidates = [Candidate(item.fixed.date, item.fixed.slot, cost)]
            continue
        first = problem.first_day
        if item.prepares:
            first -= datetime.timedelta(days=item.window[1] * depth[item.key])
        cache_key = (body.id, first)
        if cache_key not in span_cache:
            span_cache[cache_key] = open_days(problem, body, first, problem.last_day)
        own_busy = list(body.members)
        for day in span_cache[cache_key]:
            cost = meeting_cost(problem, body, day, item.target, item.previous, holidays)
            for slot in body_slots(problem, body):
                if any(
                    other.overlaps(slot) for member in own_busy for other in busy.get(member, {}).get(day, ())
                ):
                    continue
                item.candidates.append(Candidate(day, slot, cost))


def _depths(instances: Instances) -> dict[str, int]:
    index = instances.by_key()
    depths: dict[str, int] = {}
    for item in instances.items:
        depth, current = 0, item
        while current.prepares:
            depth += 1
            current = index[current.prepares]
        depths[item.key] = depth
    return depths
