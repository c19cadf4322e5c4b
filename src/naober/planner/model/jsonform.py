"""The JSON form of a problem and of a plan (format version 1, documented in docs/planner.md).

`problem_from_json` validates everything it reads and raises `ProblemError` naming the path of the first bad
field ("bodies[2].slots[0]: '25:00' is not a time HH:MM"), so a command can print one clear line.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from typing import Any, TypeVar

from naober.planner.model.problem import (
    WEEKDAYS,
    Body,
    Busy,
    ClosedPeriod,
    FixedMeeting,
    Link,
    MeetingDayRule,
    Person,
    Plan,
    PlannedMeeting,
    Preferences,
    Problem,
    Slot,
)

PROBLEM_FORMAT = "naober-planning-problem"
PLAN_FORMAT = "naober-plan"
VERSION = 1
T = TypeVar("T")


class ProblemError(ValueError):
    """A bad field in a problem's JSON form, with its path."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path


class _Reader:
    def __init__(self, value: Any, path: str) -> None:
        self.value = value
        self.path = path

    def fail(self, message: str) -> ProblemError:
        return ProblemError(self.path, message)

    def at(self, key: str | int) -> _Reader:
        path = f"{self.path}[{key}]" if isinstance(key, int) else (f"{self.path}.{key}" if self.path else key)
        if isinstance(key, int):
            return _Reader(self.value[key], path)
        return _Reader(self.value.get(key) if isinstance(self.value, dict) else None, path)

    def has(self, key: str) -> bool:
        return isinstance(self.value, dict) and self.value.get(key) is not None

    def obj(self, allowed: set[str]) -> _Reader:
        if not isinstance(self.value, dict):
            raise self.fail("expected an object")
        unknown = sorted(set(self.value) - allowed)
        if unknown:
            raise ProblemError(f"{self.path}.{unknown[0]}" if self.path else unknown[0], "unknown field")
        return self

    def items(self) -> list[_Reader]:
        if self.value is None:
            return []
        if not isinstance(self.value, list):
            raise self.fail("expected a list")
        return [self.at(index) for index in range(len(self.value))]

    def text(self, *, required: bool = True, default: str = "") -> str:
        if self.value is None and not required:
            return default
        if not isinstance(self.value, str) or (required and not self.value.strip()):
            raise self.fail("expected a non-empty text" if required else "expected a text")
        return self.value

    def integer(self, *, low: int = 0, high: int = 10**6, default: int | None = None) -> int:
        if self.value is None and default is not None:
            return default
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise self.fail("expected a whole number")
        if not low <= self.value <= high:
            raise self.fail(f"expected a number from {low} to {high}, got {self.value}")
        return self.value

    def date(self) -> datetime.date:
        try:
            return datetime.date.fromisoformat(self.text())
        except ValueError:
            raise self.fail(f"{self.value!r} is not a date YYYY-MM-DD") from None

    def slot(self) -> Slot:
        try:
            slot = Slot.parse(self.text())
        except ValueError as error:
            raise self.fail(f"{self.value!r}: {error}; expected HH:MM-HH:MM") from None
        if slot.end <= slot.start:
            raise self.fail(f"{self.value!r} ends before it starts")
        return slot

    def weekday(self) -> int:
        text = self.text()
        if text not in WEEKDAYS:
            raise self.fail(f"{text!r} is not a weekday ({', '.join(WEEKDAYS)})")
        return WEEKDAYS.index(text)

    def each(self, read: Callable[[_Reader], T]) -> tuple[T, ...]:
        return tuple(read(item) for item in self.items())


def problem_from_json(text: str | bytes) -> Problem:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ProblemError("", f"not JSON: {error.msg} at line {error.lineno} column {error.colno}") from None
    return problem_from_dict(data)


def problem_from_dict(data: Any) -> Problem:
    root = _Reader(data, "").obj(
        {"format", "version", "name", "year", "first_day", "last_day", "time_zone", "bodies", "links",
         "meeting_days", "people", "closed", "fixed", "previous", "preferences"}
    )  # fmt: skip
    if root.at("format").value != PROBLEM_FORMAT:
        raise ProblemError("format", f"expected {PROBLEM_FORMAT!r}")
    if root.at("version").value != VERSION:
        raise ProblemError(
            "version", f"this naober reads version {VERSION}, got {root.at('version').value!r}"
        )
    year = root.at("year").integer(low=1900, high=2200)
    first = root.at("first_day").date() if root.has("first_day") else datetime.date(year, 1, 1)
    last = root.at("last_day").date() if root.has("last_day") else datetime.date(year, 12, 31)
    if last < first:
        raise ProblemError("last_day", "is before first_day")
    problem = Problem(
        year=year,
        first_day=first,
        last_day=last,
        name=root.at("name").text(required=False),
        time_zone=root.at("time_zone").text(required=False, default="Europe/Amsterdam"),
        bodies=root.at("bodies").each(_body),
        links=root.at("links").each(_link),
        meeting_days=root.at("meeting_days").each(_meeting_day),
        people=root.at("people").each(_person),
        closed=root.at("closed").each(_closed),
        fixed=root.at("fixed").each(_fixed),
        previous=root.at("previous").each(_previous),
        preferences=_preferences(root.at("preferences")),
    )
    if not problem.bodies:
        raise ProblemError("bodies", "a problem needs at least one body")
    _cross_check(problem, data)
    return problem


def _body(item: _Reader) -> Body:
    item.obj(
        {"id", "name", "meetings", "slots", "members", "weekdays", "meeting_day", "preferred_weekday",
         "documents_lead_days", "min_gap_days"}
    )  # fmt: skip
    meetings = item.at("meetings").obj({"min", "max"})
    low = meetings.at("min").integer(high=366)
    high = meetings.at("max").integer(high=366)
    if high < low:
        raise ProblemError(f"{item.path}.meetings.max", f"{high} is below the minimum {low}")
    slots = item.at("slots").each(_Reader.slot)
    if not slots and not item.has("meeting_day"):
        raise ProblemError(f"{item.path}.slots", "a body needs at least one time slot or a meeting_day")
    weekdays = item.at("weekdays").each(_Reader.weekday) if item.has("weekdays") else (0, 1, 2, 3, 4)
    return Body(
        id=item.at("id").text(),
        name=item.at("name").text(),
        meetings_min=low,
        meetings_max=high,
        slots=slots,
        members=item.at("members").each(_Reader.text),
        weekdays=weekdays,
        meeting_day=item.at("meeting_day").text(required=False),
        preferred_weekday=item.at("preferred_weekday").weekday() if item.has("preferred_weekday") else None,
        documents_lead_days=item.at("documents_lead_days").integer(high=120, default=10),
        min_gap_days=item.at("min_gap_days").integer(low=1, high=180, default=14),
    )


def _link(item: _Reader) -> Link:
    item.obj({"preparing", "prepared", "min_days", "max_days"})
    low = item.at("min_days").integer(low=1, high=180, default=14)
    high = item.at("max_days").integer(low=1, high=180, default=28)
    if high < low:
        raise ProblemError(f"{item.path}.max_days", f"{high} is below min_days {low}")
    return Link(item.at("preparing").text(), item.at("prepared").text(), low, high)


def _meeting_day(item: _Reader) -> MeetingDayRule:
    item.obj({"id", "name", "slots", "weekdays", "per_month"})
    slots = item.at("slots").each(_Reader.slot)
    if not slots:
        raise ProblemError(f"{item.path}.slots", "a meeting day needs at least one sub-slot")
    return MeetingDayRule(
        id=item.at("id").text(),
        name=item.at("name").text(),
        slots=slots,
        weekdays=item.at("weekdays").each(_Reader.weekday) if item.has("weekdays") else (3,),
        per_month=item.at("per_month").integer(low=1, high=31, default=1),
    )


def _busy(item: _Reader) -> Busy:
    item.obj({"date", "time", "label"})
    return Busy(item.at("date").date(), item.at("time").slot(), item.at("label").text(required=False))


def _person(item: _Reader) -> Person:
    item.obj({"id", "name", "busy", "max_per_week"})
    return Person(
        id=item.at("id").text(),
        name=item.at("name").text(required=False) or item.at("id").text(),
        busy=item.at("busy").each(_busy),
        max_per_week=item.at("max_per_week").integer(low=1, high=50) if item.has("max_per_week") else None,
    )


def _closed(item: _Reader) -> ClosedPeriod:
    item.obj({"first", "last", "reason", "kind", "bodies"})
    first = item.at("first").date()
    last = item.at("last").date() if item.has("last") else first
    if last < first:
        raise ProblemError(f"{item.path}.last", "is before first")
    return ClosedPeriod(
        first=first,
        last=last,
        reason=item.at("reason").text(),
        kind=item.at("kind").text(required=False, default="other"),
        bodies=item.at("bodies").each(_Reader.text),
    )


def _fixed(item: _Reader) -> FixedMeeting:
    item.obj({"id", "body", "date", "time", "prepares"})
    return FixedMeeting(
        id=item.at("id").text(),
        body=item.at("body").text(),
        date=item.at("date").date(),
        slot=item.at("time").slot(),
        prepares=item.at("prepares").text(required=False),
    )


def _previous(item: _Reader) -> tuple[str, datetime.date]:
    item.obj({"body", "date"})
    return item.at("body").text(), item.at("date").date()


def _preferences(item: _Reader) -> Preferences:
    if item.value is None:
        return Preferences()
    names = set(Preferences.__dataclass_fields__)
    item.obj(names)
    defaults = Preferences()
    return Preferences(
        **{name: item.at(name).integer(high=10_000, default=getattr(defaults, name)) for name in names}
    )


def _duplicates(path: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for index, value in enumerate(ids):
        if value in seen:
            raise ProblemError(f"{path}[{index}].id", f"{value!r} occurs twice")
        seen.add(value)


def _cross_check(problem: Problem, data: Any) -> None:
    bodies = {body.id for body in problem.bodies}
    people = {person.id for person in problem.people}
    days = {rule.id: rule for rule in problem.meeting_days}
    _duplicates("bodies", [body.id for body in problem.bodies])
    _duplicates("people", [person.id for person in problem.people])
    _duplicates("meeting_days", list(days))
    _duplicates("fixed", [fixed.id for fixed in problem.fixed])
    for index, body in enumerate(problem.bodies):
        for number, member in enumerate(body.members):
            if member not in people:
                raise ProblemError(f"bodies[{index}].members[{number}]", f"unknown person {member!r}")
        if body.meeting_day and body.meeting_day not in days:
            raise ProblemError(f"bodies[{index}].meeting_day", f"unknown meeting day {body.meeting_day!r}")
        if body.meeting_day and not body.slots:
            pass  # the meeting day's sub-slots are used
    preparing: set[str] = set()
    for index, link in enumerate(problem.links):
        for name in ("preparing", "prepared"):
            if getattr(link, name) not in bodies:
                raise ProblemError(f"links[{index}].{name}", f"unknown body {getattr(link, name)!r}")
        if link.preparing in preparing:
            raise ProblemError(
                f"links[{index}].preparing", f"{link.preparing!r} already prepares another body"
            )
        if link.preparing == link.prepared:
            raise ProblemError(f"links[{index}].prepared", "a body cannot prepare itself")
        preparing.add(link.preparing)
    for index, link in enumerate(problem.links):
        seen, current = {link.preparing}, problem.prepares(link.prepared)
        while current is not None:
            if current.prepared in seen:
                raise ProblemError(f"links[{index}]", "the preparation links form a circle")
            seen.add(current.prepared)
            current = problem.prepares(current.prepared)
    fixed_ids = {fixed.id: fixed for fixed in problem.fixed}
    for index, fixed in enumerate(problem.fixed):
        if fixed.body not in bodies:
            raise ProblemError(f"fixed[{index}].body", f"unknown body {fixed.body!r}")
        if fixed.prepares:
            target = fixed_ids.get(fixed.prepares)
            preparing_link = problem.prepares(fixed.body)
            if target is None:
                raise ProblemError(f"fixed[{index}].prepares", f"unknown fixed meeting {fixed.prepares!r}")
            if preparing_link is None or preparing_link.prepared != target.body:
                raise ProblemError(
                    f"fixed[{index}].prepares", f"{fixed.body!r} does not prepare {target.body!r}"
                )
    for index, (body_id, _day) in enumerate(problem.previous):
        if body_id not in bodies:
            raise ProblemError(f"previous[{index}].body", f"unknown body {body_id!r}")
    for index, period in enumerate(problem.closed):
        for number, body_id in enumerate(period.bodies):
            if body_id not in bodies:
                raise ProblemError(f"closed[{index}].bodies[{number}]", f"unknown body {body_id!r}")


def _weekdays(values: tuple[int, ...]) -> list[str]:
    return [WEEKDAYS[value] for value in values]


def problem_to_dict(problem: Problem) -> dict[str, Any]:
    prefs = problem.preferences
    return {
        "format": PROBLEM_FORMAT,
        "version": VERSION,
        "name": problem.name,
        "year": problem.year,
        "first_day": problem.first_day.isoformat(),
        "last_day": problem.last_day.isoformat(),
        "time_zone": problem.time_zone,
        "bodies": [
            {
                "id": body.id,
                "name": body.name,
                "meetings": {"min": body.meetings_min, "max": body.meetings_max},
                "slots": [str(slot) for slot in body.slots],
                "members": list(body.members),
                "weekdays": _weekdays(body.weekdays),
                **({"meeting_day": body.meeting_day} if body.meeting_day else {}),
                **(
                    {"preferred_weekday": WEEKDAYS[body.preferred_weekday]}
                    if body.preferred_weekday is not None
                    else {}
                ),
                "documents_lead_days": body.documents_lead_days,
                "min_gap_days": body.min_gap_days,
            }
            for body in problem.bodies
        ],
        "links": [
            {
                "preparing": link.preparing,
                "prepared": link.prepared,
                "min_days": link.min_days,
                "max_days": link.max_days,
            }
            for link in problem.links
        ],
        "meeting_days": [
            {
                "id": rule.id,
                "name": rule.name,
                "slots": [str(slot) for slot in rule.slots],
                "weekdays": _weekdays(rule.weekdays),
                "per_month": rule.per_month,
            }
            for rule in problem.meeting_days
        ],
        "people": [
            {
                "id": person.id,
                "name": person.name,
                "busy": [
                    {
                        "date": busy.date.isoformat(),
                        "time": str(busy.slot),
                        **({"label": busy.label} if busy.label else {}),
                    }
                    for busy in person.busy
                ],
                **({"max_per_week": person.max_per_week} if person.max_per_week else {}),
            }
            for person in problem.people
        ],
        "closed": [
            {
                "first": period.first.isoformat(),
                "last": period.last.isoformat(),
                "reason": period.reason,
                "kind": period.kind,
                **({"bodies": list(period.bodies)} if period.bodies else {}),
            }
            for period in problem.closed
        ],
        "fixed": [
            {
                "id": fixed.id,
                "body": fixed.body,
                "date": fixed.date.isoformat(),
                "time": str(fixed.slot),
                **({"prepares": fixed.prepares} if fixed.prepares else {}),
            }
            for fixed in problem.fixed
        ],
        "previous": [{"body": body, "date": day.isoformat()} for body, day in problem.previous],
        "preferences": {name: getattr(prefs, name) for name in Preferences.__dataclass_fields__},
    }


def problem_to_json(problem: Problem) -> str:
    return json.dumps(problem_to_dict(problem), indent=1, ensure_ascii=False)


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    return {
        "format": PLAN_FORMAT,
        "version": VERSION,
        "method": plan.method,
        "status": plan.status,
        "seconds": round(plan.seconds, 3),
        "meetings": [
            {
                "key": meeting.key,
                "body": meeting.body,
                "date": meeting.date.isoformat(),
                "time": str(meeting.slot),
                "fixed": meeting.fixed,
                **({"prepares": meeting.prepares} if meeting.prepares else {}),
            }
            for meeting in sorted(plan.meetings, key=lambda item: (item.date, item.slot, item.key))
        ],
        "unplaced": list(plan.unplaced),
    }


def plan_from_dict(data: Any) -> Plan:
    root = _Reader(data, "").obj(
        {"format", "version", "method", "status", "seconds", "meetings", "unplaced", "report"}
    )
    if root.at("format").value != PLAN_FORMAT:
        raise ProblemError("format", f"expected {PLAN_FORMAT!r}")

    def meeting(item: _Reader) -> PlannedMeeting:
        item.obj({"key", "body", "date", "time", "fixed", "prepares"})
        return PlannedMeeting(
            key=item.at("key").text(),
            body=item.at("body").text(),
            date=item.at("date").date(),
            slot=item.at("time").slot(),
            fixed=bool(item.at("fixed").value),
            prepares=item.at("prepares").text(required=False),
        )

    return Plan(
        meetings=list(root.at("meetings").each(meeting)),
        method=root.at("method").text(),
        status=root.at("status").text(),
        unplaced=list(root.at("unplaced").each(_Reader.text)),
    )
