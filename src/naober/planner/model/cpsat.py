"""The CP-SAT planner: one boolean per meeting × candidate (date, slot), date windows tightened around the
ideal dates (and the greedy plan) before solving, the greedy plan as a hint, a time limit, a number of workers
and a seed (with one worker the same input and seed give the same plan)."""

from __future__ import annotations

import datetime
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ortools.sat.python import cp_model

from naober.planner.model.greedy import greedy_plan, plan_from_choice
from naober.planner.model.instances import Candidate, Instance, Instances, build_instances
from naober.planner.model.problem import Plan, Problem, Slot

Progress = Callable[[float, int], None]  # (seconds, best score so far)


@dataclass
class Options:
    time_limit: float = 10.0
    workers: int = 2
    seed: int = 0
    windows: bool = True


@dataclass
class Built:
    model: cp_model.CpModel
    x: dict[str, list[tuple[Candidate, cp_model.IntVar]]]
    present: dict[str, cp_model.IntVar]
    offset: int
    rules: dict[str, cp_model.IntVar] = field(default_factory=dict)  # assumption literal per rule (explain)
    optional: dict[str, cp_model.IntVar] = field(default_factory=dict)
    derived: list[tuple[cp_model.IntVar, list[cp_model.IntVar]]] = field(
        default_factory=list
    )  # var = any(vars)


def _windowed(instances: Instances, greedy: dict[str, Candidate]) -> dict[str, list[Candidate]]:
    """Candidates near each meeting's ideal date (± one spacing of its body) and near the greedy choice."""
    problem = instances.problem
    span = (problem.last_day - problem.first_day).days + 1
    count: dict[str, int] = defaultdict(int)
    for item in instances.items:
        count[item.body] += 1
    index = instances.by_key()
    kept: dict[str, list[Candidate]] = {}

    def keep(item: Instance) -> list[Candidate]:
        if item.key in kept:
            return kept[item.key]
        chosen = greedy.get(item.key)
        if item.fixed is not None or not item.candidates:
            result = list(item.candidates)
        elif not item.prepares:
            width = max(28, span // max(1, count[item.body]))
            result = [c for c in item.candidates if abs((c.day - item.target).days) <= width or c == chosen]
        else:
            parent = keep(index[item.prepares])
            low, high = item.window
            if parent:
                first = min(c.day for c in parent) - datetime.timedelta(days=high)
                last = max(c.day for c in parent) - datetime.timedelta(days=low)
                result = [c for c in item.candidates if first <= c.day <= last or c == chosen]
            else:
                result = list(item.candidates)
        kept[item.key] = result
        return result

    for item in instances.items:
        keep(item)
    return kept


def build_model(
    instances: Instances,
    candidates: dict[str, list[Candidate]],
    *,
    objective: bool = True,
    suspects: set[str] | None = None,
) -> Built:
    """The CP-SAT model. With `suspects`, the rules named there get an assumption literal (see explain.py)."""
    problem = instances.problem
    bodies = {body.id: body for body in problem.bodies}
    model = cp_model.CpModel()
    built = Built(model, {}, {}, 0)

    def rule(name: str) -> cp_model.IntVar | None:
        if suspects is None or name not in suspects:
            return None
        if name not in built.rules:
            built.rules[name] = model.new_bool_var(name)
        return built.rules[name]

    def add(constraint: cp_model.Constraint, name: str) -> None:
        if suspects is not None and name not in suspects:
            if "off" not in built.rules:
                built.rules["off"] = model.new_bool_var("off")
                model.add(built.rules["off"] == 0)
            constraint.only_enforce_if(built.rules["off"])  # not a suspect: switched off
            return
        literal = rule(name)
        if literal is not None:
            constraint.only_enforce_if(literal)

    on: dict[str, dict[datetime.date, list[cp_model.IntVar]]] = {}
    for item in instances.items:
        if item.prepares:
            continue
        _instance_vars(built, item, candidates, rule)
    for item in instances.items:
        if item.prepares:
            _instance_vars(built, item, candidates, rule)
    for item in instances.items:
        days: dict[datetime.date, list[cp_model.IntVar]] = defaultdict(list)
        for candidate, var in built.x[item.key]:
            days[candidate.day].append(var)
        on[item.key] = days
    # How many times each body meets.
    for body_id, need in instances.required.items():
        roots = [
            built.present[item.key] for item in instances.items if item.body == body_id and not item.prepares
        ]
        if need:
            add(model.add(sum(roots) >= need), f"count:{body_id}")
    # Preparation windows: a prepared meeting on day d has its preparing meeting in [d - max, d - min].
    for item in instances.items:
        if not item.prepares:
            continue
        low, high = item.window
        mine = on[item.key]
        for day, variables in on[item.prepares].items():
            window = [
                var
                for offset in range(low, high + 1)
                for var in mine.get(day - datetime.timedelta(days=offset), ())
            ]
            link = problem.prepares(item.body)
            name = f"link:{item.body}" if link else ""
            add(model.add(sum(variables) <= sum(window)), name)
    # Per body: one indicator per (day, slot) and per day (a body meets at most once at a time, once a day).
    by_body: dict[str, list[Instance]] = defaultdict(list)
    for item in instances.items:
        by_body[item.body].append(item)
    body_slot: dict[str, dict[tuple[datetime.date, Slot], cp_model.IntVar]] = {}
    body_day: dict[str, dict[datetime.date, cp_model.IntVar]] = {}
    for body_id, items in by_body.items():
        body_slot[body_id] = _aggregate(
            built,
            [
                ((candidate.day, candidate.slot), var)
                for item in items
                for candidate, var in built.x[item.key]
            ],
        )
        body_day[body_id] = _aggregate(
            built, [(day, var) for (day, _slot), var in body_slot[body_id].items()]
        )
    # Gaps between meetings of one body.
    for body_id in by_body:
        gap = bodies[body_id].min_gap_days
        day_vars = body_day[body_id]
        for start in sorted(day_vars):
            window = [
                day_vars[day]
                for offset in range(gap)
                if (day := start + datetime.timedelta(days=offset)) in day_vars
            ]
            if len(window) > 1:
                add(model.add(sum(window) <= 1), f"gap:{body_id}")
    # Meeting days (the Regiomiddag): bodies meet only on the held days, at most per_month a month.
    for meeting_day in problem.meeting_days:
        held: dict[datetime.date, cp_model.IntVar] = {}
        meeting: dict[datetime.date, list[cp_model.IntVar]] = defaultdict(list)
        for body_id in by_body:
            if bodies[body_id].meeting_day != meeting_day.id:
                continue
            for day, var in body_day[body_id].items():
                if day not in held:
                    held[day] = model.new_bool_var(f"held:{meeting_day.id}:{day}")
                meeting[day].append(var)
                add(model.add(var <= held[day]), f"meeting-day:{meeting_day.id}")
        built.derived.extend((held[day], meeting[day]) for day in held)
        months: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
        for day, var in held.items():
            months[(day.year, day.month)].append(var)
        for variables in months.values():
            if len(variables) > meeting_day.per_month:
                add(model.add(sum(variables) <= meeting_day.per_month), f"meeting-day:{meeting_day.id}")
    _people(built, problem, body_slot, body_day, add)
    if objective:
        terms: list[cp_model.LinearExprT] = []
        for item in instances.items:
            terms.extend(candidate.cost * var for candidate, var in built.x[item.key] if candidate.cost)
            if item.optional and not item.prepares:
                terms.append(-problem.preferences.skipped * built.present[item.key])
                built.offset += problem.preferences.skipped
        model.minimize(sum(terms))
    return built


def _instance_vars(
    built: Built,
    item: Instance,
    candidates: dict[str, list[Candidate]],
    rule: Callable[[str], cp_model.IntVar | None],
) -> None:
    model = built.model
    variables = [
        (candidate, model.new_bool_var(f"x:{item.key}:{candidate.day}:{candidate.slot}"))
        for candidate in candidates[item.key]
    ]
    built.x[item.key] = variables
    if item.prepares:
        present = built.present[item.prepares]
    elif item.fixed is not None:
        present = model.new_bool_var(f"present:{item.key}")
        literal = rule(f"fixed:{item.fixed.id}")
        if literal is None:
            model.add(present == 1)
        else:
            model.add(present == 1).only_enforce_if(literal)
    elif item.optional:
        present = model.new_bool_var(f"present:{item.key}")
        built.optional[item.key] = present
    else:
        present = model.new_constant(1)
    built.present[item.key] = present
    model.add(sum(var for _candidate, var in variables) == present)


def _aggregate(built: Built, pairs: Iterable[tuple[Any, cp_model.IntVar]]) -> dict[Any, cp_model.IntVar]:
    """One boolean per key, equal to the sum of the variables with that key (so that sum is at most one)."""
    groups: dict[Any, list[cp_model.IntVar]] = defaultdict(list)
    for key, var in pairs:
        groups[key].append(var)
    out = {}
    for key, variables in groups.items():
        if len(variables) == 1:
            out[key] = variables[0]
        else:
            out[key] = built.model.new_bool_var(f"any:{key}")
            built.model.add(sum(variables) == out[key])
            built.derived.append((out[key], variables))
    return out


def _people(
    built: Built,
    problem: Problem,
    body_slot: dict[str, dict[tuple[datetime.date, Slot], cp_model.IntVar]],
    body_day: dict[str, dict[datetime.date, cp_model.IntVar]],
    add: Callable[[cp_model.Constraint, str], None],
) -> None:
    """Nobody in two meetings at once: one constraint per day and start time for each group of bodies that
    share a person (groups contained in another person's group are implied and left out); weekly limits."""
    by_day: dict[str, dict[datetime.date, list[tuple[Slot, cp_model.IntVar]]]] = {}
    for body_id, slots in body_slot.items():
        grouped: dict[datetime.date, list[tuple[Slot, cp_model.IntVar]]] = defaultdict(list)
        for (day, slot), var in slots.items():
            grouped[day].append((slot, var))
        by_day[body_id] = grouped
    groups: dict[frozenset[str], str] = {}
    for person in problem.people:
        own = frozenset(
            body.id for body in problem.bodies if person.id in body.members and body.id in body_slot
        )
        if len(own) > 1:
            groups.setdefault(own, person.id)
    maximal = [group for group in groups if not any(group < other for other in groups)]
    for group in sorted(maximal, key=sorted):
        days: dict[datetime.date, list[tuple[str, Slot, cp_model.IntVar]]] = defaultdict(list)
        for body_id in sorted(group):
            for day, entries in by_day[body_id].items():
                days[day].extend((body_id, slot, var) for slot, var in entries)
        for day_entries in days.values():
            if len({body_id for body_id, _s, _v in day_entries}) < 2:
                continue
            for point in sorted({slot.start for _b, slot, _v in day_entries}):
                covering = [
                    (body_id, var) for body_id, slot, var in day_entries if slot.start <= point < slot.end
                ]
                if len({body_id for body_id, _v in covering}) > 1:
                    add(built.model.add(sum(var for _b, var in covering) <= 1), f"person:{groups[group]}")
    for person in problem.people:
        if not person.max_per_week:
            continue
        weeks: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
        for body in problem.bodies:
            if person.id in body.members and body.id in body_day:
                for day, var in body_day[body.id].items():
                    iso = day.isocalendar()
                    weeks[(iso[0], iso[1])].append(var)
        for variables in weeks.values():
            if len(variables) > person.max_per_week:
                add(built.model.add(sum(variables) <= person.max_per_week), f"person:{person.id}")


class _Callback(cp_model.CpSolverSolutionCallback):
    def __init__(self, offset: int, started: float, progress: Progress | None) -> None:
        super().__init__()
        self.offset, self.started, self.progress = offset, started, progress
        self.solutions = 0

    def on_solution_callback(self) -> None:
        self.solutions += 1
        if self.progress is not None:
            self.progress(time.perf_counter() - self.started, int(round(self.objective_value)) + self.offset)


def solver_for(options: Options, time_limit: float) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, time_limit)
    if options.workers == 1:
        # Deterministic: one worker stops on CP-SAT's deterministic time (about seconds on an idle machine),
        # not on the clock, so the same input and seed give the same plan however busy the machine is;
        # the clock still stops it at four times the limit.
        solver.parameters.max_deterministic_time = max(0.1, time_limit)
        solver.parameters.max_time_in_seconds = max(0.4, 4 * time_limit)
    solver.parameters.num_workers = max(1, options.workers)
    solver.parameters.random_seed = options.seed
    # A light presolve: the full one spends most of the time limit on this model (docs/planner.md).
    solver.parameters.symmetry_level = 0
    solver.parameters.cp_model_probing_level = 0
    solver.parameters.max_presolve_iterations = 1
    return solver


def cpsat_plan(
    problem: Problem,
    options: Options | None = None,
    *,
    progress: Progress | None = None,
    instances: Instances | None = None,
) -> Plan:
    """The best plan CP-SAT finds within the time limit, started from the greedy plan. If CP-SAT finds
    nothing in the tightened windows it tries the whole year; if it proves there is no plan, the plan's status
    is "infeasible" (explain.py says why)."""
    options = options or Options()
    started = time.perf_counter()
    instances = instances or build_instances(problem)
    greedy = greedy_plan(problem, instances)
    greedy_choice = _choice(instances, greedy)
    if progress is not None and greedy.status == "feasible":
        from naober.planner.model.checker import preference_scores

        progress(time.perf_counter() - started, sum(preference_scores(problem, greedy).values()))
    attempts = [True, False] if options.windows else [False]
    status_name = "unknown"
    used = 0.0  # solver time used (deterministic time with one worker)
    for windowed in attempts:
        remaining = options.time_limit - (used if options.workers == 1 else time.perf_counter() - started)
        if remaining <= 0.05:
            break
        candidates = (
            _windowed(instances, greedy_choice)
            if windowed
            else {item.key: item.candidates for item in instances.items}
        )
        built = build_model(instances, candidates)
        _hint(built, greedy_choice)
        solver = solver_for(options, remaining)
        callback = _Callback(built.offset, started, progress)
        status = solver.solve(built.model, callback)
        status_name = solver.status_name(status)
        used += solver.deterministic_time if options.workers == 1 else 0.0
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            chosen = {
                key: candidate
                for key, variables in built.x.items()
                for candidate, var in variables
                if solver.value(var)
            }
            plan = plan_from_choice(instances, chosen, method="cp-sat", seconds=time.perf_counter() - started)
            plan.status = "optimal" if status == cp_model.OPTIMAL else "feasible"
            plan.stats = {
                "variables": float(sum(len(variables) for variables in built.x.values())),
                "windowed": float(windowed),
                "solutions": float(callback.solutions),
                "cp_sat_bound": solver.best_objective_bound + built.offset,
            }
            return plan
        if status == cp_model.INFEASIBLE and not windowed:
            break
    if greedy.status == "feasible":
        greedy.method = "greedy"
        greedy.seconds = time.perf_counter() - started
        greedy.stats = {"cp_sat": 0.0}
        return greedy
    return Plan(
        meetings=greedy.meetings,
        method="cp-sat",
        status="infeasible" if status_name == "INFEASIBLE" else "incomplete",
        seconds=time.perf_counter() - started,
        unplaced=greedy.unplaced,
    )


def _choice(instances: Instances, plan: Plan) -> dict[str, Candidate]:
    index = instances.by_key()
    chosen = {}
    for meeting in plan.meetings:
        for candidate in index[meeting.key].candidates:
            if candidate.day == meeting.date and candidate.slot == meeting.slot:
                chosen[meeting.key] = candidate
                break
    return chosen


def _hint(built: Built, chosen: dict[str, Candidate]) -> None:
    """A complete hint from the greedy plan (derived indicators included), so CP-SAT starts from it."""
    value: dict[int, bool] = {}
    for key, variables in built.x.items():
        for candidate, var in variables:
            value[var.index] = candidate == chosen.get(key)
            built.model.add_hint(var, value[var.index])
    for var, parts in built.derived:
        value[var.index] = any(value.get(part.index, False) for part in parts)
        built.model.add_hint(var, value[var.index])
    for key, present in built.optional.items():
        built.model.add_hint(present, key in chosen)
