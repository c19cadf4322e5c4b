"""Writes of the planner, audited through core.services: plan proposals (solve, re-plan with pins, accept),
council meeting evenings from iCalendar."""

from __future__ import annotations

import datetime
import urllib.request
import zoneinfo
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.accounts.models import User
from naober.accounts.permissions import require_editor
from naober.core.models import Channel
from naober.core.services import Actor, object_save
from naober.governance.models import Body
from naober.meetings.models import Meeting
from naober.meetings.services.meeting import meeting_day_get_or_create, meeting_plan
from naober.planner.builder import build_problem
from naober.planner.model.checker import check_plan
from naober.planner.model.cpsat import Options, cpsat_plan
from naober.planner.model.explain import explain
from naober.planner.model.jsonform import plan_to_dict, problem_to_dict
from naober.planner.model.problem import Plan, Problem
from naober.planner.models import (
    CouncilEvening,
    MeetingDayPattern,
    PlanningRule,
    PlanProposal,
    ProposalStatus,
)
from naober.registry.models import Cooperation, Municipality

Progress = Callable[[float, int], None]


def _user(by: Actor) -> User | None:
    return by if isinstance(by, User) else None


def solve(
    problem: Problem, options: Options, *, progress: Progress | None = None, explain_limit: float = 20.0
) -> tuple[Plan, dict[str, Any]]:
    """Plan `problem`; the report holds the independent checker's verdict, the scores, the bound and, when
    there is no plan, the explanation."""
    plan = cpsat_plan(problem, options, progress=progress)
    checked = check_plan(problem, plan)
    report: dict[str, Any] = {
        "feasible": checked.feasible and not plan.unplaced,
        "score": checked.score,
        "scores": checked.scores,
        "bound": checked.bound,
        "gap": round(checked.gap, 4),
        "violations": [
            {"rule": v.rule, "template": v.template, "params": v.params, "text": v.text, "keys": list(v.keys)}
            for v in checked.violations
        ],
        "explanation": [],
    }
    if plan.unplaced or plan.status in ("infeasible", "incomplete"):
        why = explain(problem, time_limit=explain_limit, workers=options.workers, seed=options.seed)
        report["explanation"] = [
            {"rule": r.rule, "template": r.template, "params": r.params, "text": r.text} for r in why.reasons
        ]
        report["explanation_method"] = why.method
    return plan, report


def proposal_create(
    *,
    cooperation: Cooperation,
    year: int,
    pins: list[dict[str, str]] | None = None,
    options: Options | None = None,
    by: Actor = None,
    channel: str = Channel.SECRETARIAT,
) -> PlanProposal:
    """Plan the cooperation's year (with meetings pinned by hand) and keep it as a proposal."""
    if by is not None:
        require_editor(user=by, cooperation_id=cooperation.pk)
    problem = build_problem(cooperation, year, pins=pins)
    if not problem.bodies:
        raise ValidationError(_("No body of this cooperation has a planning rule yet."))
    plan, report = solve(problem, options or Options(time_limit=5.0, workers=2), explain_limit=8.0)
    proposal = PlanProposal(
        cooperation=cooperation,
        year=year,
        problem=problem_to_dict(problem),
        plan=plan_to_dict(plan),
        report=report,
        pins=list(pins or []),
        created_by=_user(by),
    )
    return object_save(instance=proposal, by=by, channel=channel)


def proposal_accept(
    *, proposal: PlanProposal, by: Actor = None, channel: str = Channel.SECRETARIAT
) -> list[Meeting]:
    """Create the proposal's new meetings (status planned) through the meeting services."""
    if by is not None:
        require_editor(user=by, cooperation_id=proposal.cooperation_id)
    if proposal.status != ProposalStatus.PROPOSED:
        raise ValidationError(_("Only a proposed plan can be accepted."))
    if not proposal.report.get("feasible"):
        raise ValidationError(_("This plan breaks a rule; adjust it before accepting."))
    cooperation = proposal.cooperation
    zone = zoneinfo.ZoneInfo(cooperation.time_zone)
    bodies = {
        body.slug: body for body in Body.objects.filter(cooperation=cooperation).select_related("topic")
    }
    rules = {
        rule.body_id: rule
        for rule in PlanningRule.objects.filter(body__cooperation=cooperation).select_related("meeting_day")
    }
    today = timezone.localdate()
    made: list[Meeting] = []
    with transaction.atomic():
        locked = PlanProposal.objects.select_for_update().get(pk=proposal.pk)
        if locked.status != ProposalStatus.PROPOSED:
            raise ValidationError(_("Only a proposed plan can be accepted."))
        for item in proposal.plan["meetings"]:
            if item.get("fixed") or item["body"] not in bodies:
                continue
            body = bodies[item["body"]]
            day = datetime.date.fromisoformat(item["date"])
            if day < today:
                raise ValidationError(
                    _("The plan has a meeting in the past (%(date)s); plan again.") % {"date": day}
                )
            start_text, _sep, end_text = item["time"].partition("-")
            start = datetime.datetime.combine(day, datetime.time.fromisoformat(start_text), tzinfo=zone)
            end = datetime.datetime.combine(day, datetime.time.fromisoformat(end_text), tzinfo=zone)
            rule = rules.get(body.pk)
            pattern: MeetingDayPattern | None = rule.meeting_day if rule else None
            meeting_day = None
            if pattern is not None:
                meeting_day = meeting_day_get_or_create(
                    cooperation_id=cooperation.pk,
                    date=day,
                    name=pattern.name,
                    location=pattern.location,
                    by=by,
                    channel=channel,
                )
            location = (rule.location if rule else "") or (pattern.location if pattern else "")
            made.append(
                meeting_plan(
                    body=body,
                    start=start,
                    end=end,
                    location=location,
                    meeting_day=meeting_day,
                    by=by,
                    channel=channel,
                )
            )
        for other in PlanProposal.objects.filter(
            cooperation=cooperation, year=proposal.year, status=ProposalStatus.ACCEPTED
        ):
            other.status = ProposalStatus.SUPERSEDED
            object_save(instance=other, by=by, channel=channel)
        locked.status = ProposalStatus.ACCEPTED
        locked.accepted_at = timezone.now()
        locked.accepted_by = _user(by)
        locked.meeting_ids = [meeting.pk for meeting in made]
        object_save(instance=locked, by=by, channel=channel)
    proposal.refresh_from_db()
    return made


def council_evenings_import(
    *, municipality: Municipality, data: bytes, by: Actor = None, channel: str = Channel.IMPORT
) -> int:
    """Import a council's meeting evenings from an iCalendar file; returns how many were new or changed.
    Events without a start time or with an end before the start are refused with the event's summary."""
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(data)
    except ValueError as error:
        raise ValidationError(_("Not an iCalendar file: %(error)s") % {"error": error}) from None
    zone = zoneinfo.ZoneInfo("Europe/Brussels" if municipality.country == "BE" else "Europe/Amsterdam")
    count = 0
    with transaction.atomic():
        for event in calendar.walk("VEVENT"):
            start = event.decoded("DTSTART", None)
            if not isinstance(start, datetime.datetime):
                continue  # whole-day entries are no meeting evenings
            end = event.decoded("DTEND", None) or start + datetime.timedelta(hours=3)
            start = start if start.tzinfo else start.replace(tzinfo=zone)
            end = end if end.tzinfo else end.replace(tzinfo=zone)
            title = str(event.get("SUMMARY", ""))[:300]
            evening = CouncilEvening.objects.filter(
                municipality=municipality, start=start
            ).first() or CouncilEvening(municipality=municipality, start=start)
            if evening.pk and evening.end == end and evening.title == title:
                continue
            evening.end, evening.title, evening.uid = end, title, str(event.get("UID", ""))[:300]
            try:
                object_save(instance=evening, by=by, channel=channel)
            except ValidationError as error:
                raise ValidationError(
                    _("Event %(title)s on %(date)s: %(error)s")
                    % {"title": title, "date": start.date(), "error": " ".join(error.messages)}
                ) from None
            count += 1
    return count


def council_evenings_fetch(url: str, *, timeout: float = 20.0) -> bytes:
    """Read an iCalendar feed (http or https only)."""
    if not url.startswith(("https://", "http://")):
        raise ValidationError(_("Give an http or https address."))
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - scheme checked above
        return bytes(response.read(5_000_000))
