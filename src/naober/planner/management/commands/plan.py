"""naober plan: export a cooperation's planning problem as JSON, solve a problem file, or plan from the
database and show the year as a table. Bad input ends with exit code 2 and one line naming what and where;
a problem without a plan ends with exit code 3 and the rules that conflict."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from naober.planner.model.cpsat import Options
from naober.planner.model.jsonform import ProblemError, plan_to_dict, problem_from_json, problem_to_json
from naober.planner.model.problem import WEEKDAYS, Plan, Problem

BAD_INPUT = 2
NO_PLAN = 3


def _solver_options(parser: argparse.ArgumentParser, *, sub: bool) -> None:
    default = argparse.SUPPRESS if sub else None
    parser.add_argument(
        "--time-limit", type=float, default=default if sub else 10.0, help="seconds for CP-SAT (default 10)"
    )
    parser.add_argument(
        "--workers", type=int, default=default if sub else 2, help="CP-SAT workers (default 2)"
    )
    parser.add_argument("--seed", type=int, default=default if sub else 0, help="random seed (default 0)")
    parser.add_argument(
        "--json", action="store_true", default=default if sub else False, help="print the plan as JSON"
    )
    parser.add_argument(
        "--quiet", action="store_true", default=default if sub else False, help="no progress on stderr"
    )


def _where(parser: argparse.ArgumentParser, *, sub: bool) -> None:
    default = argparse.SUPPRESS if sub else None
    parser.add_argument("--cooperation", default=default, help="the cooperation's slug")
    parser.add_argument("--year", type=int, default=default, help="the year to plan")


class Command(BaseCommand):
    help = (
        "Plan a year of meetings: `plan export --cooperation SLUG --year Y > problem.json`, "
        "`plan solve problem.json --json`, `plan --cooperation SLUG --year Y` (a table)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        _where(parser, sub=False)
        _solver_options(parser, sub=False)
        subparsers = parser.add_subparsers(dest="action", required=False)
        export = subparsers.add_parser("export", help="print the cooperation's planning problem as JSON")
        _where(export, sub=True)
        solve = subparsers.add_parser("solve", help="plan a problem file (- for standard input)")
        solve.add_argument("file")
        _solver_options(solve, sub=True)
        evenings = subparsers.add_parser(
            "council-evenings", help="import a council's meeting evenings from an iCalendar file or URL"
        )
        evenings.add_argument("--municipality", required=True, help="the municipality's slug")
        evenings.add_argument("source", help="an .ics file or an http(s) address")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options.get("action")
        if action == "council-evenings":
            self._council_evenings(options["municipality"], options["source"])
            return
        if action == "solve":
            problem = self._read(options["file"])
        else:
            problem = self._from_database(options)
            if action == "export":
                self.stdout.write(problem_to_json(problem))
                return
        self._solve(problem, options)

    def _council_evenings(self, slug: str, source: str) -> None:
        from django.core.exceptions import ValidationError

        from naober.core.models import Channel
        from naober.planner.services import council_evenings_fetch, council_evenings_import
        from naober.registry.models import Municipality

        municipality = Municipality.objects.filter(slug=slug).first()
        if municipality is None:
            raise CommandError(f"--municipality: no municipality {slug!r}", returncode=BAD_INPUT)
        try:
            if source.startswith(("http://", "https://")):
                data = council_evenings_fetch(source)
            else:
                data = Path(source).read_bytes()
            count = council_evenings_import(municipality=municipality, data=data, channel=Channel.CLI)
        except OSError as error:
            raise CommandError(f"{source}: cannot read: {error}", returncode=BAD_INPUT) from None
        except ValidationError as error:
            raise CommandError(f"{source}: {' '.join(error.messages)}", returncode=BAD_INPUT) from None
        self.stdout.write(f"{municipality.name}: {count} council meeting evenings new or changed.")

    def _read(self, name: str) -> Problem:
        try:
            text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
        except OSError as error:
            raise CommandError(f"{name}: cannot read: {error.strerror}", returncode=BAD_INPUT) from None
        except UnicodeDecodeError:
            raise CommandError(f"{name}: not UTF-8 text", returncode=BAD_INPUT) from None
        try:
            return problem_from_json(text)
        except ProblemError as error:
            raise CommandError(f"{name}: {error}", returncode=BAD_INPUT) from None

    def _from_database(self, options: dict[str, Any]) -> Problem:
        from naober.planner.builder import build_problem
        from naober.registry.models import Cooperation

        slug, year = options.get("cooperation"), options.get("year")
        if not slug or not year:
            raise CommandError(
                "--cooperation and --year are required (or use: plan solve FILE)", returncode=BAD_INPUT
            )
        if not 1900 <= year <= 2200:
            raise CommandError(f"--year: {year} is not a year to plan", returncode=BAD_INPUT)
        cooperation = Cooperation.objects.filter(slug=slug).first()
        if cooperation is None:
            raise CommandError(f"--cooperation: no cooperation {slug!r}", returncode=BAD_INPUT)
        problem = build_problem(cooperation, year)
        if not problem.bodies:
            raise CommandError(
                f"--cooperation: no body of {slug!r} has a planning rule", returncode=BAD_INPUT
            )
        return problem

    def _solve(self, problem: Problem, options: dict[str, Any]) -> None:
        from naober.planner.services import solve

        if options["time_limit"] <= 0 or options["workers"] < 1:
            raise CommandError("--time-limit must be above 0 and --workers at least 1", returncode=BAD_INPUT)
        quiet = options["quiet"]

        def progress(seconds: float, score: int) -> None:
            if not quiet:
                self.stderr.write(f"{seconds:7.2f} s  best score so far {score}")

        plan, report = solve(
            problem,
            Options(time_limit=options["time_limit"], workers=options["workers"], seed=options["seed"]),
            progress=progress,
        )
        if options["json"]:
            self.stdout.write(
                json.dumps({**plan_to_dict(plan), "report": report}, indent=1, ensure_ascii=False)
            )
        else:
            self._table(problem, plan, report)
        if not report["feasible"]:
            reasons = (
                " ".join(item["text"] for item in report["explanation"])
                or "no plan found within the time limit"
            )
            raise CommandError(f"no plan meets every rule: {reasons}", returncode=NO_PLAN)

    def _table(self, problem: Problem, plan: Plan, report: dict[str, Any]) -> None:
        names = {body.id: body.name for body in problem.bodies}
        self.stdout.write(
            f"{problem.name or 'plan'}: {len(plan.meetings)} meetings "
            f"({plan.method}, {plan.status}, {plan.seconds:.1f} s)"
        )
        self.stdout.write(f"{'date':<10}  {'day':<3}  {'time':<11}  {'':1}  body")
        for meeting in sorted(plan.meetings, key=lambda item: (item.date, item.slot, item.key)):
            mark = "*" if meeting.fixed else ""
            day, name = WEEKDAYS[meeting.date.weekday()], names[meeting.body]
            self.stdout.write(
                f"{meeting.date.isoformat():<10}  {day:<3}  {meeting.slot!s:<11}  {mark:1}  {name}"
            )
        self.stdout.write("* already in the calendar (fixed)")
        verdict = "all met" if report["feasible"] else f"{len(report['violations'])} broken"
        self.stdout.write(f"hard rules (independent check): {verdict}")
        for violation in report["violations"]:
            self.stdout.write(f"  - {violation['text']}")
        parts = ", ".join(f"{name} {value}" for name, value in report["scores"].items())
        self.stdout.write(
            f"score {report['score']} ({parts}); lower bound {report['bound']}; gap {report['gap']:.1%}"
        )
