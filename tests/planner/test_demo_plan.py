"""Done when: the demo Regio Amersfoort year 2027 plans from the database with every AO 14–28 days before
its BO, the BORA 3–4 times, nobody double-booked, nothing on a public holiday or in the region's summer
holiday."""

from __future__ import annotations

import datetime
from collections import defaultdict

import holidays
import pytest

from naober.governance.models import Body, BodyKind
from naober.planner import demo
from naober.planner.builder import build_problem
from naober.planner.model.checker import check_plan
from naober.planner.model.greedy import greedy_plan
from naober.planner.models import PlanningRule, SchoolHoliday
from naober.registry.models import Cooperation

pytestmark = pytest.mark.django_db


def test_regio_amersfoort_2027_plans_from_the_demo_database(demo_region: None) -> None:
    cooperation = Cooperation.objects.get(slug="regio-amersfoort")
    problem = build_problem(cooperation, 2027)
    plan = greedy_plan(problem)  # quick; CP-SAT's plans from the same database: test_cli.py
    assert plan.status in ("feasible", "optimal") and not plan.unplaced
    assert check_plan(problem, plan).violations == []

    bodies = {body.slug: body for body in Body.objects.filter(cooperation=cooperation)}
    by_body = defaultdict(list)
    for meeting in plan.meetings:
        by_body[meeting.body].append(meeting)
    # The BORA meets three or four times.
    assert 3 <= len(by_body["bora"]) <= 4
    # Every AO meets 14–28 days before its BO, once per BO meeting (paired by their keys).
    keyed = {meeting.key: meeting for meeting in plan.meetings}
    aos = [body for body in bodies.values() if body.kind == BodyKind.CIVIL_SERVANTS_MEETING]
    assert len(aos) == 7
    for ao in aos:
        bo_meetings = by_body[ao.prepares.slug]
        assert bo_meetings and len(by_body[ao.slug]) == len(bo_meetings)
        for meeting in by_body[ao.slug]:
            days = (keyed[meeting.prepares].date - meeting.date).days
            assert 14 <= days <= 28, (meeting, days)
    # Nobody is in two meetings at once.
    members = {body.id: body.members for body in problem.bodies}
    seen = defaultdict(list)
    for meeting in plan.meetings:
        for person in members[meeting.body]:
            for other in seen[(person, meeting.date)]:
                assert not other.slot.overlaps(meeting.slot), (person, meeting, other)
            seen[(person, meeting.date)].append(meeting)
    # No meeting on a public holiday or in the summer holiday of the region (Midden).
    public = holidays.country_holidays("NL", years=[2026, 2027])
    summer = SchoolHoliday.objects.get(region="nl-midden", name="zomervakantie", first_day__year=2027)
    for meeting in plan.meetings:
        assert meeting.date not in public, meeting
        assert not summer.first_day <= meeting.date <= summer.last_day, meeting


def test_the_demo_rules_are_idempotent(demo_region: None) -> None:
    before = PlanningRule.objects.count()
    assert demo.load(today=datetime.date(2026, 11, 23)) == []
    assert PlanningRule.objects.count() == before == 20
