"""The greedy baseline: each meeting in turn (by ideal date) on the free candidate nearest its ideal date,
with its preparation chain placed right away; never undoes an earlier choice."""

from __future__ import annotations

import datetime
import time
from collections import defaultdict

from naober.planner.model.instances import Candidate, Instance, Instances, build_instances
from naober.planner.model.problem import Plan, PlannedMeeting, Problem, Slot


class Occupancy:
    """Who meets when, which bodies meet on which days, which meeting days are held: for first-fit checks."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.bodies = {body.id: body for body in problem.bodies}
        self.people = {person.id: person for person in problem.people}
        self.person_day: dict[tuple[str, datetime.date], list[Slot]] = defaultdict(list)
        self.person_week: dict[tuple[str, int, int], int] = defaultdict(int)
        self.body_days: dict[str, list[datetime.date]] = defaultdict(list)
        self.bundle_days: dict[tuple[str, int, int], set[datetime.date]] = defaultdict(set)

    def fits(self, body_id: str, day: datetime.date, slot: Slot) -> bool:
        body = self.bodies[body_id]
        if any(abs((day - other).days) < body.min_gap_days for other in self.body_days[body_id]):
            return False
        if body.meeting_day:
            rule = self.problem.meeting_day(body.meeting_day)
            held = self.bundle_days[(rule.id, day.year, day.month)]
            if day not in held and len(held) >= rule.per_month:
                return False
        iso = day.isocalendar()
        for member in body.members:
            if any(slot.overlaps(other) for other in self.person_day[(member, day)]):
                return False
            limit = self.people[member].max_per_week
            if limit and self.person_week[(member, iso[0], iso[1])] >= limit:
                return False
        return True

    def add(self, body_id: str, day: datetime.date, slot: Slot, sign: int = 1) -> None:
        body = self.bodies[body_id]
        iso = day.isocalendar()
        for member in body.members:
            if sign > 0:
                self.person_day[(member, day)].append(slot)
            else:
                self.person_day[(member, day)].remove(slot)
            self.person_week[(member, iso[0], iso[1])] += sign
        if sign > 0:
            self.body_days[body_id].append(day)
        else:
            self.body_days[body_id].remove(day)
        if body.meeting_day:
            days = self.bundle_days[(body.meeting_day, day.year, day.month)]
            if sign > 0:
                days.add(day)
            elif not any(
                self.bodies[other].meeting_day == body.meeting_day and day in self.body_days[other]
                for other in self.body_days
            ):
                days.discard(day)


def _order(item: Instance) -> list[Candidate]:
    return sorted(item.candidates, key=lambda c: (abs((c.day - item.target).days), c.day, c.slot))


def greedy_plan(problem: Problem, instances: Instances | None = None, *, max_tries: int = 400) -> Plan:
    started = time.perf_counter()
    instances = instances or build_instances(problem)
    children: dict[str, list[Instance]] = defaultdict(list)
    for item in instances.items:
        if item.prepares:
            children[item.prepares].append(item)
    state = Occupancy(problem)
    chosen: dict[str, Candidate] = {}
    clashes: list[str] = []
    for item in instances.items:
        if item.fixed is not None:
            if not state.fits(item.body, item.fixed.date, item.fixed.slot):
                clashes.append(item.key)  # fixed meetings that break a rule together
            state.add(item.body, item.fixed.date, item.fixed.slot)
            chosen[item.key] = item.candidates[0]

    def place(item: Instance, parent_day: datetime.date | None) -> bool:
        if item.key in chosen:
            candidate = chosen[item.key]
            return _place_children(item, candidate.day)
        options = _order(item)
        if parent_day is not None:
            low, high = item.window
            options = [c for c in options if low <= (parent_day - c.day).days <= high]
        for candidate in options[:max_tries]:
            if not state.fits(item.body, candidate.day, candidate.slot):
                continue
            state.add(item.body, candidate.day, candidate.slot)
            chosen[item.key] = candidate
            if _place_children(item, candidate.day):
                return True
            _remove(item)
        return False

    def _remove(item: Instance) -> None:
        for child in children[item.key]:
            if child.key in chosen and child.fixed is None:
                _remove(child)
        candidate = chosen.pop(item.key)
        state.add(item.body, candidate.day, candidate.slot, sign=-1)

    def _place_children(item: Instance, day: datetime.date) -> bool:
        placed: list[Instance] = []
        for child in children[item.key]:
            if child.key in chosen and child.fixed is not None:
                continue
            if not place(child, day):
                for done in placed:
                    _remove(done)
                return False
            placed.append(child)
        return True

    roots = sorted(
        (item for item in instances.items if not item.prepares), key=lambda item: (item.target, item.key)
    )
    for item in roots:
        if item.fixed is not None:
            _place_children(item, item.fixed.date)
        else:
            place(item, None)
    plan = plan_from_choice(instances, chosen, method="greedy", seconds=time.perf_counter() - started)
    if clashes:
        plan.unplaced.extend(clashes)
        plan.status = "incomplete"
    return plan


def plan_from_choice(
    instances: Instances, chosen: dict[str, Candidate], *, method: str, seconds: float
) -> Plan:
    meetings = [
        PlannedMeeting(
            key=item.key,
            body=item.body,
            date=chosen[item.key].day,
            slot=chosen[item.key].slot,
            fixed=item.fixed is not None,
            prepares=item.prepares,
        )
        for item in instances.items
        if item.key in chosen
    ]
    held: dict[str, int] = defaultdict(int)
    for item in instances.items:
        if not item.prepares and item.key in chosen:
            held[item.body] += 1
    unplaced = []
    for body_id, need in instances.required.items():
        missing = need - held[body_id]
        if missing > 0:
            free = [item.key for item in instances.items if item.body == body_id and item.key not in chosen]
            unplaced.extend(free[:missing])
    orphans = [
        item.key
        for item in instances.items
        if item.prepares and item.prepares in chosen and item.key not in chosen
    ]
    unplaced.extend(orphans)
    return Plan(
        meetings=meetings,
        method=method,
        status="incomplete" if unplaced else "feasible",
        seconds=seconds,
        unplaced=unplaced,
    )
