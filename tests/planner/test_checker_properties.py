"""Property-based tests of the independent checker: it accepts what the planners produce and rejects plans
with a violation injected."""

from __future__ import annotations

import dataclasses
import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from naober.planner.model.checker import check_plan, hard_rule_violations
from naober.planner.model.cpsat import Options, cpsat_plan
from naober.planner.model.greedy import greedy_plan
from naober.planner.model.problem import ClosedPeriod, Plan, PlannedMeeting, Problem
from tests.planner.strategies import problems

FAST = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def rules(problem: Problem, plan: Plan) -> set[str]:
    return {violation.rule for violation in hard_rule_violations(problem, plan)}


def replaced(plan: Plan, old: PlannedMeeting, new: PlannedMeeting | None) -> Plan:
    meetings = [item for item in plan.meetings if item is not old] + ([new] if new else [])
    return Plan(meetings, plan.method, plan.status)


@FAST
@given(problems())
def test_greedy_plans_pass_the_checker_or_say_what_is_missing(problem: Problem) -> None:
    plan = greedy_plan(problem)
    if plan.unplaced:
        assert rules(problem, plan) & {"count", "link"}, "an incomplete plan must break a count or a link"
    else:
        assert rules(problem, plan) == set()


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_cpsat_plans_pass_the_checker(problem: Problem) -> None:
    plan = cpsat_plan(problem, Options(time_limit=0.5, workers=1))
    if plan.status in ("feasible", "optimal") and not plan.unplaced:
        report = check_plan(problem, plan)
        assert report.violations == []
        assert report.score >= report.bound


@FAST
@given(problems(), st.data())
def test_a_meeting_on_a_closed_day_is_rejected(problem: Problem, data: st.DataObject) -> None:
    plan = greedy_plan(problem)
    if not plan.meetings:
        return
    meeting = data.draw(st.sampled_from(plan.meetings))
    closed = ClosedPeriod(meeting.date, meeting.date, "injected", "other")
    broken = dataclasses.replace(problem, closed=(*problem.closed, closed))
    assert "closed" in rules(broken, plan)


@FAST
@given(problems(), st.data())
def test_a_second_meeting_at_the_same_time_is_rejected(problem: Problem, data: st.DataObject) -> None:
    plan = greedy_plan(problem)
    if not plan.meetings:
        return
    meeting = data.draw(st.sampled_from(plan.meetings))
    copy = dataclasses.replace(meeting, key=meeting.key + "-copy")
    found = rules(problem, Plan([*plan.meetings, copy], plan.method, plan.status))
    assert "gap" in found and "double-booked" in found


@FAST
@given(problems(), st.data())
def test_a_missing_meeting_below_the_minimum_is_rejected(problem: Problem, data: st.DataObject) -> None:
    plan = greedy_plan(problem)
    at_minimum = [
        item
        for item in plan.meetings
        if problem.prepares(item.body) is None
        and sum(1 for other in plan.meetings if other.body == item.body)
        == problem.body(item.body).meetings_min
    ]
    if plan.unplaced or not at_minimum:
        return
    meeting = data.draw(st.sampled_from(at_minimum))
    assert "count" in rules(problem, replaced(plan, meeting, None))


@FAST
@given(problems(), st.data())
def test_a_preparing_meeting_out_of_its_window_is_rejected(problem: Problem, data: st.DataObject) -> None:
    plan = greedy_plan(problem)
    preparing = [item for item in plan.meetings if problem.prepares(item.body) is not None]
    if plan.unplaced or not preparing:
        return
    meeting = data.draw(st.sampled_from(preparing))
    link = problem.prepares(meeting.body)
    assert link is not None
    earliest = min(item.date for item in plan.meetings if item.body == link.prepared)
    moved = dataclasses.replace(meeting, date=earliest - datetime.timedelta(days=link.max_days + 1))
    assert "link" in rules(problem, replaced(plan, meeting, moved))


@FAST
@given(problems(), st.data())
def test_a_person_in_two_meetings_at_once_is_rejected(problem: Problem, data: st.DataObject) -> None:
    plan = greedy_plan(problem)
    pairs = [
        (first, second)
        for first in plan.meetings
        for second in plan.meetings
        if first.body != second.body
        and set(problem.body(first.body).members) & set(problem.body(second.body).members)
    ]
    if not pairs:
        return
    first, second = data.draw(st.sampled_from(pairs))
    moved = dataclasses.replace(second, date=first.date, slot=first.slot)
    assert "double-booked" in rules(problem, replaced(plan, second, moved))
