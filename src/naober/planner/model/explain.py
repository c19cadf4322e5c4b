"""Why a problem has no plan: cheap counting checks first, then CP-SAT with assumption literals on a small
suspect set of rules, shrunk to a minimal conflicting set by deletion; each rule said in words."""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from naober.planner.model.checker import gettext_noop
from naober.planner.model.cpsat import Options, build_model, solver_for
from naober.planner.model.greedy import greedy_plan
from naober.planner.model.instances import Instances, build_instances, open_days
from naober.planner.model.problem import Problem


@dataclass(frozen=True)
class Reason:
    rule: str
    template: str
    params: dict[str, str | int] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.template.format(**self.params)


@dataclass
class Explanation:
    reasons: list[Reason]
    method: str  # counting, assumptions, unknown
    seconds: float = 0.0

    @property
    def text(self) -> str:
        return " ".join(reason.text for reason in self.reasons)


def counting_checks(problem: Problem, instances: Instances) -> list[Reason]:
    """Counts that make a plan impossible without any search."""
    reasons: list[Reason] = []
    for body in problem.bodies:
        need = instances.required.get(body.id, 0)
        if not need:
            continue
        days = open_days(problem, body, problem.first_day, problem.last_day)
        fixed_days = sorted(
            item.fixed.date for item in instances.items if item.body == body.id and item.fixed
        )
        capacity, last = 0, None
        for day in sorted(set(days) | set(fixed_days)):
            if last is None or (day - last).days >= body.min_gap_days:
                capacity, last = capacity + 1, day
        if capacity < need:
            reasons.append(
                Reason(
                    f"count:{body.id}",
                    gettext_noop(
                        "{body} needs {need} meetings but only {capacity} fit in the open days of the year "
                        "({days} open days, meetings at least {gap} days apart)."
                    ),
                    {
                        "body": body.name,
                        "need": need,
                        "capacity": capacity,
                        "days": len(days),
                        "gap": body.min_gap_days,
                    },
                )
            )
        if body.meeting_day:
            rule = problem.meeting_day(body.meeting_day)
            months = {(day.year, day.month) for day in days}
            if len(months) * rule.per_month < need:
                reasons.append(
                    Reason(
                        f"meeting-day:{rule.id}",
                        gettext_noop(
                            "{body} needs {need} meetings on the {day} but only {months} months have an open "
                            "{day}."
                        ),
                        {"body": body.name, "need": need, "day": rule.name, "months": len(months)},
                    )
                )
    reasons += _people_on_meeting_days(problem, instances)
    index = instances.by_key()
    for item in instances.items:
        parent = index.get(item.prepares)
        if parent is None or parent.fixed is None:
            continue
        low, high = item.window
        if not any(low <= (parent.fixed.date - c.day).days <= high for c in item.candidates):
            names = [f"fixed:{parent.fixed.id}", f"link:{item.body}"] + (
                [f"fixed:{item.fixed.id}"] if item.fixed else []
            )
            reasons.extend(rule_text(problem, name) for name in names)
    for item in instances.items:
        if item.candidates or item.optional:
            continue
        body = problem.body(item.body)
        if item.prepares:
            reasons.append(
                Reason(
                    f"link:{item.body}",
                    gettext_noop("{body} has no open date and time slot for meeting {key}."),
                    {"body": body.name, "key": item.key},
                )
            )
        else:
            reasons.append(
                Reason(
                    f"count:{item.body}",
                    gettext_noop("{body} has no open date and time slot for meeting {key}."),
                    {"body": body.name, "key": item.key},
                )
            )
    return reasons


def _people_on_meeting_days(problem: Problem, instances: Instances) -> list[Reason]:
    """A person in several bodies of one meeting day can attend at most one sub-slot at a time."""
    reasons: list[Reason] = []
    for rule in problem.meeting_days:
        bodies = [body for body in problem.bodies if body.meeting_day == rule.id]
        if not bodies:
            continue
        months = {
            (day.year, day.month)
            for body in bodies
            for day in open_days(problem, body, problem.first_day, problem.last_day)
        }
        capacity = len(months) * rule.per_month * len(rule.slots)
        for person in problem.people:
            own = [body for body in bodies if person.id in body.members]
            need = sum(instances.required.get(body.id, 0) for body in own)
            if len(own) > 1 and need > capacity:
                reasons.append(
                    Reason(
                        f"person:{person.id}",
                        gettext_noop(
                            "{person} sits in {bodies}, which need {need} meetings on the {day}, but its "
                            "sub-slots "
                            "offer only {capacity} ({months} months × {slots} sub-slots)."
                        ),
                        {
                            "person": person.name,
                            "bodies": ", ".join(body.name for body in own),
                            "need": need,
                            "day": rule.name,
                            "capacity": capacity,
                            "months": len(months) * rule.per_month,
                            "slots": len(rule.slots),
                        },
                    )
                )
    return reasons


def rule_text(problem: Problem, name: str) -> Reason:
    kind, _, subject = name.partition(":")
    if kind == "count":
        body = problem.body(subject)
        return Reason(
            name,
            gettext_noop("{body} meets at least {count} times a year."),
            {"body": body.name, "count": body.meetings_min},
        )
    if kind == "link":
        link = problem.prepares(subject)
        if link is None:
            return Reason(name, name)
        return Reason(
            name,
            gettext_noop("{preparing} meets {low}–{high} days before each meeting of {prepared}."),
            {
                "preparing": problem.body(link.preparing).name,
                "prepared": problem.body(link.prepared).name,
                "low": link.min_days,
                "high": link.max_days,
            },
        )
    if kind == "gap":
        body = problem.body(subject)
        return Reason(
            name,
            gettext_noop("Meetings of {body} are at least {days} days apart."),
            {"body": body.name, "days": body.min_gap_days},
        )
    if kind == "meeting-day":
        rule = problem.meeting_day(subject)
        bodies = ", ".join(body.name for body in problem.bodies if body.meeting_day == subject)
        return Reason(
            name,
            gettext_noop("{bodies} meet only on the {day}, held at most {count} times a month."),
            {"bodies": bodies, "day": rule.name, "count": rule.per_month},
        )
    if kind == "fixed":
        fixed = next(item for item in problem.fixed if item.id == subject)
        return Reason(
            name,
            gettext_noop("The meeting of {body} on {date} at {time} is fixed."),
            {"body": problem.body(fixed.body).name, "date": fixed.date.isoformat(), "time": str(fixed.slot)},
        )
    if kind == "person":
        person = problem.person(subject)
        return Reason(
            name, gettext_noop("{person} cannot be in two meetings at once."), {"person": person.name}
        )
    return Reason(name, name)


def related_bodies(problem: Problem, instances: Instances) -> set[str]:
    """The bodies around what the greedy planner could not place, with the bodies linked to them."""
    greedy = greedy_plan(problem, instances)
    failed = {key.rsplit("/", 1)[0] for key in greedy.unplaced} or {body.id for body in problem.bodies}
    related: set[str] = set(failed)
    for link in problem.links:
        if link.preparing in failed or link.prepared in failed:
            related |= {link.preparing, link.prepared}
    return related


def neighbours(problem: Problem, bodies: set[str]) -> set[str]:
    """Bodies sharing a meeting day or a person with `bodies`."""
    days = {problem.body(body_id).meeting_day for body_id in bodies} - {""}
    people = {member for body_id in bodies for member in problem.body(body_id).members}
    return {
        body.id
        for body in problem.bodies
        if body.id not in bodies and (body.meeting_day in days or people & set(body.members))
    }


def restrict(problem: Problem, keep: set[str], context: frozenset[str] | set[str] = frozenset()) -> Problem:
    """The problem with only the bodies in `keep` (and links between them) and, of the bodies in `context`,
    only their fixed meetings; fixed meetings of all other bodies become busy time of their members."""
    from dataclasses import replace

    from naober.planner.model.problem import Busy, Person

    shown = keep | context
    busy: dict[str, list[Busy]] = defaultdict(list)
    for fixed in problem.fixed:
        if fixed.body not in shown:
            for member in problem.body(fixed.body).members:
                busy[member].append(Busy(fixed.date, fixed.slot, fixed.id))
    fixed_count: dict[str, int] = defaultdict(int)
    for fixed in problem.fixed:
        fixed_count[fixed.body] += 1
    return Problem(
        **{
            **problem.__dict__,
            "bodies": tuple(
                body if body.id in keep else replace(body, meetings_min=0, meetings_max=0)
                for body in problem.bodies
                if body.id in shown
            ),
            "links": tuple(
                link for link in problem.links if link.preparing in keep and link.prepared in keep
            ),
            "fixed": tuple(
                fixed
                for fixed in problem.fixed
                if fixed.body in shown and (fixed.body in keep or problem.prepares(fixed.body) is None)
            ),
            "people": tuple(
                Person(p.id, p.name, p.busy + tuple(busy[p.id]), p.max_per_week) for p in problem.people
            ),
        }
    )


def suspects(problem: Problem, instances: Instances, related: set[str]) -> set[str]:
    """A small suspect set: every rule about the related bodies, the fixed meetings and shared people."""
    names: set[str] = set()
    for body_id in sorted(related):
        body = problem.body(body_id)
        if problem.prepares(body_id) is None and instances.required.get(body_id):
            names.add(f"count:{body_id}")
        if problem.prepares(body_id) is not None:
            names.add(f"link:{body_id}")
        names.add(f"gap:{body_id}")
        if body.meeting_day:
            names.add(f"meeting-day:{body.meeting_day}")
    for fixed in problem.fixed:
        names.add(f"fixed:{fixed.id}")
        if problem.body(fixed.body).meeting_day:
            names.add(f"meeting-day:{problem.body(fixed.body).meeting_day}")
    shared: dict[str, int] = defaultdict(int)
    for body in problem.bodies:
        for member in body.members:
            shared[member] += 1
    names |= {f"person:{person}" for person, count in shared.items() if count > 1}
    return names


class _Trials:
    """One model of the sub-problem with a literal per suspect rule; each trial switches rules on or off
    as constraints on a copy (CP-SAT presolves that well, unlike solving under assumptions)."""

    def __init__(self, instances: Instances, suspect: set[str], options: Options) -> None:
        self.built = build_model(
            instances,
            {item.key: item.candidates for item in instances.items},
            objective=False,
            suspects=suspect,
        )
        self.options = options

    def infeasible(self, enforced: list[str], limit: float) -> bool:
        model = self.built.model.clone()
        for name, literal in self.built.rules.items():
            if name != "off":
                model.add(model.get_bool_var_from_proto_index(literal.index) == int(name in enforced))
        return solver_for(self.options, limit).solve(model) == cp_model.INFEASIBLE


def explain(problem: Problem, *, time_limit: float = 20.0, workers: int = 1, seed: int = 0) -> Explanation:
    started = time.perf_counter()
    instances = build_instances(problem)
    reasons = counting_checks(problem, instances)
    if reasons:
        return Explanation(reasons, "counting", time.perf_counter() - started)
    options = Options(time_limit=time_limit, workers=workers, seed=seed)
    related = related_bodies(problem, instances)
    everything = {body.id for body in problem.bodies}
    for attempt, context in ((related, neighbours(problem, related)), (everything, set())):
        sub = restrict(problem, attempt, context)
        sub_instances = build_instances(sub)
        suspect = suspects(sub, sub_instances, attempt)
        left = time_limit - (time.perf_counter() - started)
        if left <= 0.2:
            break
        trials = _Trials(sub_instances, suspect, options)
        if not trials.infeasible(sorted(suspect), min(left / 2, 5.0)):
            continue
        core = sorted(suspect, key=lambda name: (name.startswith("person:"), name))
        # Whole kinds of rules first (all double bookings, all gaps...), then one rule at a time.
        kinds = sorted({name.partition(":")[0] for name in core})
        groups = [[name for name in core if name.startswith(kind + ":")] for kind in kinds]
        for group in [*groups, *([name] for name in list(core))]:
            left = time_limit - (time.perf_counter() - started)
            if left <= 0.2 or len(core) <= 1:
                break
            trial = [other for other in core if other not in group]
            if (
                len(trial) < len(core)
                and trial
                and trials.infeasible(trial, min(left, max(1.0, time_limit / 10)))
            ):
                core = trial
        return Explanation(
            [rule_text(problem, name) for name in core], "deletion", time.perf_counter() - started
        )
    return Explanation([], "unknown", time.perf_counter() - started)
