"""The pure planning model: no Django, the JSON form, determinism, explanations."""

from __future__ import annotations

import ast
import dataclasses
import datetime
import json
from pathlib import Path

import pytest

import naober.planner.model as model_package
from naober.planner.model.checker import check_plan
from naober.planner.model.cpsat import Options, cpsat_plan
from naober.planner.model.explain import explain
from naober.planner.model.generate import region_problem, with_fixed
from naober.planner.model.jsonform import (
    ProblemError,
    plan_from_dict,
    plan_to_dict,
    problem_from_dict,
    problem_from_json,
    problem_to_dict,
)
from naober.planner.model.problem import Body, FixedMeeting, Slot


def small_problem():
    return region_problem(3, portfolios=3, people=24)


def test_the_model_package_imports_no_django() -> None:
    for path in Path(model_package.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith("django"), f"{path.name} imports {name}"
                assert not name.startswith("naober.") or name.startswith("naober.planner.model"), (
                    f"{path.name}: {name}"
                )


def test_problem_json_round_trip() -> None:
    problem = with_fixed(
        small_problem(), [FixedMeeting("f1", "board", datetime.date(2027, 3, 10), Slot.parse("19:30-21:30"))]
    )
    data = problem_to_dict(problem)
    again = problem_from_json(json.dumps(data))
    assert again == problem
    assert problem_to_dict(again) == data


def test_plan_json_round_trip() -> None:
    problem = small_problem()
    plan = cpsat_plan(problem, Options(time_limit=0.5, workers=1))
    again = plan_from_dict(json.loads(json.dumps(plan_to_dict(plan))))
    assert sorted(again.meetings, key=lambda m: m.key) == sorted(plan.meetings, key=lambda m: m.key)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(version=2), "version: this naober reads version 1, got 2"),
        (
            lambda d: d["bodies"][1]["slots"].__setitem__(0, "25:00-26:00"),
            "bodies[1].slots[0]: '25:00-26:00'",
        ),
        (
            lambda d: d["bodies"][0]["members"].append("nobody"),
            "bodies[0].members[7]: unknown person 'nobody'",
        ),
        (
            lambda d: d["bodies"][0]["meetings"].update(max=1),
            "bodies[0].meetings.max: 1 is below the minimum 3",
        ),
        (lambda d: d["links"][0].update(prepared="ghost"), "links[0].prepared: unknown body 'ghost'"),
        (lambda d: d["closed"][0].update(first="2027-13-01"), "closed[0].first: '2027-13-01' is not a date"),
        (lambda d: d["bodies"][2].update(colour="red"), "bodies[2].colour: unknown field"),
        (
            lambda d: d["bodies"][2].update(weekdays=["funday"]),
            "bodies[2].weekdays[0]: 'funday' is not a weekday",
        ),
    ],
)
def test_bad_fields_are_named_by_their_path(change, message: str) -> None:
    data = problem_to_dict(small_problem())
    change(data)
    with pytest.raises(ProblemError) as raised:
        problem_from_dict(data)
    assert str(raised.value).startswith(message), str(raised.value)


def test_not_json_is_one_clear_line() -> None:
    with pytest.raises(ProblemError, match="not JSON: .* at line 1 column"):
        problem_from_json("{nope")


def test_same_input_and_seed_give_the_same_plan() -> None:
    problem = small_problem()
    first = cpsat_plan(problem, Options(time_limit=0.4, workers=1, seed=7))
    second = cpsat_plan(problem, Options(time_limit=0.4, workers=1, seed=7))
    assert plan_to_dict(first)["meetings"] == plan_to_dict(second)["meetings"]


def test_cpsat_beats_or_equals_greedy_and_both_pass_the_checker() -> None:
    from naober.planner.model.greedy import greedy_plan

    problem = small_problem()
    greedy = check_plan(problem, greedy_plan(problem))
    seen: list[int] = []
    solved = cpsat_plan(
        problem, Options(time_limit=1, workers=1), progress=lambda seconds, score: seen.append(score)
    )
    report = check_plan(problem, solved)
    assert greedy.violations == [] and report.violations == []
    assert report.bound <= report.score <= greedy.score
    assert seen and seen[0] == greedy.score  # the progress starts with the greedy plan


def test_a_pinned_conflict_is_explained_as_a_minimal_set_of_rules() -> None:
    problem = with_fixed(
        small_problem(),
        [
            FixedMeeting("a", "bo0", datetime.date(2027, 3, 11), Slot.parse("13:30-14:20")),
            FixedMeeting("b", "bo1", datetime.date(2027, 3, 18), Slot.parse("14:30-15:20")),
        ],
    )
    plan = cpsat_plan(problem, Options(time_limit=0.5, workers=1))
    assert plan.status in ("infeasible", "incomplete")
    why = explain(problem, time_limit=4)
    assert why.text == (
        "The meeting of bo0 on 2027-03-11 at 13:30-14:20 is fixed. "
        "The meeting of bo1 on 2027-03-18 at 14:30-15:20 is fixed. "
        "bo0, bo1, bo2 meet only on the Regiomiddag, held at most 1 times a month."
    )


def test_counting_checks_explain_too_many_meetings() -> None:
    problem = small_problem()
    board = problem.bodies[0]
    busy = dataclasses.replace(board, meetings_min=12, meetings_max=12, min_gap_days=28)
    problem = dataclasses.replace(problem, bodies=(busy, *problem.bodies[1:]))
    why = explain(problem, time_limit=2)
    assert why.method == "counting"
    assert why.text.startswith("board needs 12 meetings but only 11 fit in the open days of the year")


def test_a_fixed_preparing_meeting_outside_its_window_is_explained() -> None:
    problem = with_fixed(
        small_problem(),
        [
            FixedMeeting("f1", "board", datetime.date(2027, 3, 10), Slot.parse("19:30-21:30")),
            FixedMeeting(
                "f2", "board-prep", datetime.date(2027, 3, 5), Slot.parse("09:00-11:00"), prepares="f1"
            ),
        ],
    )
    why = explain(problem, time_limit=2)
    assert "board prep meets 14–28 days before each meeting of board." in why.text
    assert isinstance(problem.bodies[0], Body)
