"""The dataclasses of a planning problem and of a plan. Times are local (the problem's time zone)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, order=True)
class Slot:
    """A time of day from `start` to `end`, in minutes after midnight."""

    start: int
    end: int

    @classmethod
    def parse(cls, text: str) -> Slot:
        """'13:30-15:00' → Slot(810, 900)."""
        first, _, last = text.partition("-")
        return cls(_minutes(first), _minutes(last))

    def __str__(self) -> str:
        return f"{self.start // 60:02d}:{self.start % 60:02d}-{self.end // 60:02d}:{self.end % 60:02d}"

    def overlaps(self, other: Slot) -> bool:
        return self.start < other.end and other.start < self.end

    def time(self) -> tuple[datetime.time, datetime.time]:
        return (
            datetime.time(self.start // 60, self.start % 60),
            datetime.time(min(self.end, 1439) // 60, min(self.end, 1439) % 60),
        )


def _minutes(text: str) -> int:
    hours, _, minutes = text.strip().partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise ValueError(f"{text!r} is not a time HH:MM")
    value = int(hours) * 60 + int(minutes)
    if not 0 <= value <= 24 * 60:
        raise ValueError(f"{text!r} is not a time of day")
    return value


@dataclass(frozen=True)
class Body:
    """A body's planning rules. A body that prepares another meets once for each meeting of that body, so
    its own `meetings_min`/`meetings_max` are not used."""

    id: str
    name: str
    meetings_min: int
    meetings_max: int
    slots: tuple[Slot, ...]
    members: tuple[str, ...] = ()
    weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    meeting_day: str = ""
    preferred_weekday: int | None = None
    documents_lead_days: int = 10
    min_gap_days: int = 14


@dataclass(frozen=True)
class Link:
    """Every meeting of `prepared` has one meeting of `preparing` between `min_days` and `max_days` before."""

    preparing: str
    prepared: str
    min_days: int = 14
    max_days: int = 28


@dataclass(frozen=True)
class MeetingDayRule:
    """A day on which several bodies meet, each in one of its sub-slots (the Regiomiddag): at most
    `per_month` such days a month, on one of `weekdays`."""

    id: str
    name: str
    slots: tuple[Slot, ...]
    weekdays: tuple[int, ...] = (3,)
    per_month: int = 1


@dataclass(frozen=True)
class Busy:
    """A time a person is not available: a meeting of another cooperation, a council evening."""

    date: datetime.date
    slot: Slot
    label: str = ""


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    busy: tuple[Busy, ...] = ()
    max_per_week: int | None = None


@dataclass(frozen=True)
class ClosedPeriod:
    """Days on which no meeting is planned (of `bodies`, or of every body when empty)."""

    first: datetime.date
    last: datetime.date
    reason: str
    kind: str = "other"  # public-holiday, school-holiday, recess, other
    bodies: tuple[str, ...] = ()

    def covers(self, day: datetime.date, body: str) -> bool:
        return self.first <= day <= self.last and (not self.bodies or body in self.bodies)


@dataclass(frozen=True)
class FixedMeeting:
    """A meeting already in the calendar (or pinned by hand): never moved, counts towards its body's year."""

    id: str
    body: str
    date: datetime.date
    slot: Slot
    prepares: str = ""  # the id of the fixed meeting it prepares, if any


@dataclass(frozen=True)
class Preferences:
    """Weights of the soft rules (0 switches one off); costs are per meeting, see docs/planner.md."""

    spread: int = 1  # per day away from the meeting's ideal date
    preferred_weekday: int = 10  # per meeting not on its body's preferred weekday
    before_holiday: int = 5  # per meeting in the week before a school holiday
    weekend_deadline: int = 5  # per documents deadline on a Saturday or Sunday
    change: int = 2  # per day away from the earlier accepted plan (up to 60 days)
    skipped: int = 30  # per optional meeting not held (below the body's maximum)


@dataclass(frozen=True)
class Problem:
    year: int
    first_day: datetime.date
    last_day: datetime.date
    bodies: tuple[Body, ...]
    people: tuple[Person, ...] = ()
    links: tuple[Link, ...] = ()
    meeting_days: tuple[MeetingDayRule, ...] = ()
    closed: tuple[ClosedPeriod, ...] = ()
    fixed: tuple[FixedMeeting, ...] = ()
    previous: tuple[tuple[str, datetime.date], ...] = ()  # (body, date) of the earlier accepted plan
    preferences: Preferences = field(default_factory=Preferences)
    name: str = ""
    time_zone: str = "Europe/Amsterdam"

    def body(self, body_id: str) -> Body:
        return self._bodies()[body_id]

    def _bodies(self) -> dict[str, Body]:
        return {body.id: body for body in self.bodies}

    def person(self, person_id: str) -> Person:
        return {person.id: person for person in self.people}[person_id]

    def meeting_day(self, day_id: str) -> MeetingDayRule:
        return {rule.id: rule for rule in self.meeting_days}[day_id]

    def preparing_links(self, body_id: str) -> list[Link]:
        return [link for link in self.links if link.prepared == body_id]

    def prepares(self, body_id: str) -> Link | None:
        return next((link for link in self.links if link.preparing == body_id), None)

    def closed_reason(self, day: datetime.date, body_id: str) -> str:
        for period in self.closed:
            if period.covers(day, body_id):
                return period.reason
        return ""


@dataclass(frozen=True)
class PlannedMeeting:
    key: str  # "<body>/<n>": the meeting's place in its body's year
    body: str
    date: datetime.date
    slot: Slot
    fixed: bool = False
    prepares: str = ""  # the key of the meeting it prepares


@dataclass
class Plan:
    meetings: list[PlannedMeeting]
    method: str  # greedy, cp-sat
    status: str  # feasible, optimal, incomplete
    seconds: float = 0.0
    unplaced: list[str] = field(default_factory=list)  # keys the planner could not place
    stats: dict[str, float] = field(default_factory=dict)

    def by_key(self) -> dict[str, PlannedMeeting]:
        return {meeting.key: meeting for meeting in self.meetings}
