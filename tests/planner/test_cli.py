"""naober plan: export, solve, table; bad input ends with exit code 2 and one line naming what and where."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from naober.planner.model.generate import region_problem
from naober.planner.model.jsonform import problem_to_json


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("plan", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_solve_prints_the_plan_as_json_with_the_report(tmp_path: Path) -> None:
    path = tmp_path / "problem.json"
    path.write_text(problem_to_json(region_problem(3, portfolios=2, people=20)), encoding="utf-8")
    out, err = run("solve", str(path), "--json", "--time-limit", "1", "--workers", "1", "--seed", "3")
    plan = json.loads(out)
    assert plan["format"] == "naober-plan" and plan["report"]["feasible"] is True
    assert plan["report"]["violations"] == [] and plan["report"]["bound"] <= plan["report"]["score"]
    assert "best score so far" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "problem.json: not JSON: "),
        (
            '{"format": "naober-planning-problem", "version": 1, "year": 2027, "bodies": [{"id": "x"}]}',
            "problem.json: bodies[0].meetings: expected an object",
        ),
    ],
)
def test_bad_problem_files_exit_2_with_one_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "problem.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        run("solve", str(path))
    assert raised.value.returncode == 2
    assert str(raised.value).startswith(str(tmp_path / message)) and "\n" not in str(raised.value)


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="cannot read") as raised:
        run("solve", str(tmp_path / "nothing.json"))
    assert raised.value.returncode == 2


@pytest.mark.django_db
def test_an_unknown_cooperation_exits_2() -> None:
    with pytest.raises(CommandError, match="--cooperation: no cooperation 'nowhere'") as raised:
        run("--cooperation", "nowhere", "--year", "2027")
    assert raised.value.returncode == 2
    with pytest.raises(CommandError, match="--cooperation and --year are required"):
        run("export")


def test_a_problem_without_a_plan_exits_3_with_the_conflict(tmp_path: Path) -> None:
    import dataclasses

    problem = region_problem(3, portfolios=2, people=20)
    board = dataclasses.replace(problem.bodies[0], meetings_min=12, meetings_max=12, min_gap_days=28)
    path = tmp_path / "problem.json"
    path.write_text(
        problem_to_json(dataclasses.replace(problem, bodies=(board, *problem.bodies[1:]))), encoding="utf-8"
    )
    with pytest.raises(CommandError, match="no plan meets every rule: board needs 12 meetings") as raised:
        run("solve", str(path), "--time-limit", "1", "--quiet")
    assert raised.value.returncode == 3


def test_export_and_table_from_the_demo_database(demo_region: None, tmp_path: Path) -> None:
    out, _err = run("export", "--cooperation", "regio-amersfoort", "--year", "2027")
    problem = json.loads(out)
    assert problem["format"] == "naober-planning-problem" and len(problem["bodies"]) == 20
    path = tmp_path / "problem.json"
    path.write_text(out, encoding="utf-8")
    table, _err = run("--cooperation", "regio-amersfoort", "--year", "2027", "--time-limit", "1", "--quiet")
    assert "hard rules (independent check): all met" in table
    assert "Bestuurlijk overleg Regio Amersfoort" in table
