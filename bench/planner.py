"""Benchmark of the meeting planner (not a test). Run:

    .venv/bin/python bench/planner.py --workers 2 [--region-problem problem.json] [--out bench/results]

Region scale: a region like Regio Amersfoort (generated, or a problem exported with `naober plan export`):
greedy time and score, CP-SAT's first plan and its score at 1, 5, 10 and 30 s, improvement over greedy, gap to
the problem-specific lower bound. Province scale: 30 cooperations sharing people (~3,000 meetings), planned
one cooperation at a time with the others' meetings as busy time of shared people: first greedy for all, then
CP-SAT per cooperation within a total of 60 s; every hard rule checked by the independent checker.
Writes planner.json and planner.md to --out.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from naober.planner.model.checker import check_plan  # noqa: E402
from naober.planner.model.cpsat import Options, cpsat_plan  # noqa: E402
from naober.planner.model.generate import province_problems, region_problem, with_busy  # noqa: E402
from naober.planner.model.greedy import greedy_plan  # noqa: E402
from naober.planner.model.jsonform import problem_from_json  # noqa: E402
from naober.planner.model.problem import Busy, Plan, Problem  # noqa: E402


def region(problem: Problem, workers: int, limit: float) -> dict[str, object]:
    started = time.perf_counter()
    greedy = greedy_plan(problem)
    greedy_seconds = time.perf_counter() - started
    greedy_report = check_plan(problem, greedy)
    trace: list[tuple[float, int]] = []
    plan = cpsat_plan(
        problem,
        Options(time_limit=limit, workers=workers, seed=0),
        progress=lambda s, v: trace.append((s, v)),
    )
    report = check_plan(problem, plan)

    def best_at(seconds: float) -> int | None:
        scores = [score for at, score in trace if at <= seconds]
        return min(scores) if scores else None

    return {
        "meetings": len(plan.meetings),
        "people": len(problem.people),
        "variables": plan.stats.get("variables"),
        "greedy_seconds": round(greedy_seconds, 3),
        "greedy_score": greedy_report.score,
        "greedy_feasible": greedy_report.feasible and not greedy.unplaced,
        "first_plan_seconds": round(trace[0][0], 3) if trace else None,
        "first_cp_sat_plan_seconds": round(trace[1][0], 3) if len(trace) > 1 else None,
        "score_at": {str(s): best_at(s) for s in (1, 5, 10, 30, 60) if s <= limit},
        "final_score": report.score,
        "feasible": report.feasible and not plan.unplaced,
        "bound": report.bound,
        "gap": round(report.gap, 3),
        "improvement_over_greedy": round(1 - report.score / greedy_report.score, 3)
        if greedy_report.score
        else 0,
        "status": plan.status,
        "scores": report.scores,
    }


def _busy_from(problems: list[Problem], plans: dict[int, Plan], skip: int) -> dict[str, list[Busy]]:
    busy: dict[str, list[Busy]] = {}
    for index, plan in plans.items():
        if index == skip:
            continue
        members = {body.id: body.members for body in problems[index].bodies}
        for meeting in plan.meetings:
            for person in members[meeting.body]:
                busy.setdefault(person, []).append(Busy(meeting.date, meeting.slot, f"c{index}"))
    return busy


def province(workers: int, limit: float, per_cooperation: float = 5.0) -> dict[str, object]:
    problems = province_problems(1)
    started = time.perf_counter()
    plans: dict[int, Plan] = {}
    for index, problem in enumerate(problems):
        plans[index] = greedy_plan(with_busy(problem, _busy_from(problems, plans, index)))
    greedy_seconds = time.perf_counter() - started
    greedy_plans = dict(plans)

    def total(current: dict[int, Plan]) -> tuple[int, int, int]:
        score = broken = bound = 0
        for index, problem in enumerate(problems):
            local = with_busy(problem, _busy_from(problems, current, index))
            report = check_plan(local, current[index])
            score += report.score
            bound += report.bound
            broken += len(report.violations) + len(current[index].unplaced)
        return score, broken, bound

    greedy_score, greedy_broken, bound = total(greedy_plans)
    # CP-SAT where greedy leaves the most room: cooperations by their greedy score above their bound, a few
    # seconds each (a first CP-SAT plan takes ~2 s), until the time is up.
    room = []
    for index, problem in enumerate(problems):
        local = with_busy(problem, _busy_from(problems, plans, index))
        report = check_plan(local, plans[index])
        room.append((report.score - report.bound, index))
    started = time.perf_counter()
    improved = 0
    for _room, index in sorted(room, reverse=True):
        left = limit - (time.perf_counter() - started)
        if left <= 1.0:
            break
        local = with_busy(problems[index], _busy_from(problems, plans, index))
        candidate = cpsat_plan(local, Options(time_limit=min(per_cooperation, left), workers=workers, seed=0))
        if not candidate.unplaced and check_plan(local, candidate).feasible:
            plans[index] = candidate
            improved += 1
    cp_seconds = time.perf_counter() - started
    score, broken, _bound = total(plans)
    return {
        "cooperations": len(problems),
        "meetings": sum(len(plan.meetings) for plan in plans.values()),
        "people": len({person.id for problem in problems for person in problem.people}),
        "greedy_seconds": round(greedy_seconds, 2),
        "greedy_score": greedy_score,
        "greedy_broken_rules": greedy_broken,
        "cp_sat_seconds": round(cp_seconds, 2),
        "cooperations_solved_with_cp_sat": improved,
        "seconds_per_cooperation": per_cooperation,
        "cp_sat_score": score,
        "cp_sat_broken_rules": broken,
        "bound": bound,
        "improvement_over_greedy": round(1 - score / greedy_score, 3) if greedy_score else 0,
        "gap": round((score - bound) / score, 3) if score else 0,
    }


def markdown(results: dict[str, object]) -> str:
    lines = [f"# Planner benchmark ({results['when']})", "", f"Machine: {results['machine']}", ""]
    for name in ("region_generated", "region_file", "province"):
        if name in results:
            lines.append(f"## {name}")
            lines.append("")
            lines.extend(f"- {key}: {value}" for key, value in results[name].items())  # type: ignore[union-attr]
            lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--region-limit", type=float, default=30.0)
    parser.add_argument("--province-limit", type=float, default=60.0)
    parser.add_argument("--region-problem", type=Path, help="a problem exported with `naober plan export`")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results")
    parser.add_argument("--skip-province", action="store_true")
    parser.add_argument("--skip-region", action="store_true")
    args = parser.parse_args()
    results: dict[str, object] = {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": (
            f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}"
        ),
        "workers": args.workers,
    }
    if not args.skip_region:
        results["region_generated"] = region(region_problem(1), args.workers, args.region_limit)
        print(json.dumps(results["region_generated"]), file=sys.stderr)
    if args.region_problem:
        results["region_file"] = region(
            problem_from_json(args.region_problem.read_text(encoding="utf-8")),
            args.workers,
            args.region_limit,
        )
        print(json.dumps(results["region_file"]), file=sys.stderr)
    if not args.skip_province:
        results["province"] = province(args.workers, args.province_limit)
        print(json.dumps(results["province"]), file=sys.stderr)
    results["machine"] = str(results["machine"]) + f" → {os.getloadavg()[0]:.1f} at the end"
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "planner.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    (args.out / "planner.md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))


if __name__ == "__main__":
    main()
