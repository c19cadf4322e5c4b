"""Generated planning problems for tests and the benchmark: a region like Regio Amersfoort (a board with its
preparing group, portfolio meetings on a monthly meeting day each with its preparing civil servants' meeting,
people in several bodies) or many of them sharing people (a province)."""

from __future__ import annotations

import datetime
import random

from naober.planner.model.problem import (
    Body,
    Busy,
    ClosedPeriod,
    FixedMeeting,
    Link,
    MeetingDayRule,
    Person,
    Problem,
    Slot,
)

REGIOMIDDAG = tuple(Slot.parse(text) for text in ("13:30-14:20", "14:30-15:20", "15:30-16:20", "16:30-17:20"))
AO_SLOTS = tuple(Slot.parse(text) for text in ("09:00-10:30", "11:00-12:30", "13:30-15:00", "15:30-17:00"))


def nl_closed(year: int) -> tuple[ClosedPeriod, ...]:
    """Public holidays (the `holidays` package) and an illustrative school-holiday calendar (Midden)."""
    import holidays

    closed = [
        ClosedPeriod(day, day, str(name), "public-holiday")
        for day, name in sorted(holidays.country_holidays("NL", years=year).items())
    ]
    closed += [
        ClosedPeriod(
            datetime.date(year, 2, 20), datetime.date(year, 2, 28), "voorjaarsvakantie", "school-holiday"
        ),
        ClosedPeriod(datetime.date(year, 4, 24), datetime.date(year, 5, 2), "meivakantie", "school-holiday"),
        ClosedPeriod(
            datetime.date(year, 7, 10), datetime.date(year, 8, 22), "zomervakantie", "school-holiday"
        ),
        ClosedPeriod(
            datetime.date(year, 10, 16), datetime.date(year, 10, 24), "herfstvakantie", "school-holiday"
        ),
        ClosedPeriod(
            datetime.date(year, 12, 18), datetime.date(year, 12, 31), "kerstvakantie", "school-holiday"
        ),
    ]
    return tuple(closed)


def region_bodies(
    prefix: str, rng: random.Random, *, portfolios: int, people: list[str]
) -> tuple[list[Body], list[Link]]:
    def members(count: int) -> tuple[str, ...]:
        return tuple(sorted(rng.sample(people, k=min(count, len(people)))))

    bodies = [
        Body(
            f"{prefix}board",
            f"{prefix}board",
            3,
            4,
            (Slot.parse("19:30-21:30"), Slot.parse("15:00-17:00")),
            members(7),
            (1, 2, 3),
        ),
        Body(f"{prefix}board-prep", f"{prefix}board prep", 0, 0, (Slot.parse("09:00-11:00"),), members(6)),
    ]
    links = [Link(f"{prefix}board-prep", f"{prefix}board", 14, 28)]
    for number in range(portfolios):
        bo, ao = f"{prefix}bo{number}", f"{prefix}ao{number}"
        bodies.append(
            Body(
                bo,
                bo,
                5,
                6,
                (),
                members(rng.randint(4, 7)),
                meeting_day=f"{prefix}day",
                preferred_weekday=3,
                min_gap_days=28,
            )
        )
        if number % 5 != 4:
            bodies.append(
                Body(ao, ao, 0, 0, AO_SLOTS, members(rng.randint(3, 6)), preferred_weekday=rng.choice((1, 2)))
            )
            links.append(Link(ao, bo, 14, 28))
    return bodies, links


def region_problem(seed: int = 1, *, year: int = 2027, portfolios: int = 10, people: int = 72) -> Problem:
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    names = [f"p{index}" for index in range(people)]
    bodies, links = region_bodies("", rng, portfolios=portfolios, people=names)
    return Problem(
        year=year,
        first_day=datetime.date(year, 1, 1),
        last_day=datetime.date(year, 12, 31),
        bodies=tuple(bodies),
        people=tuple(Person(name, name) for name in names),
        links=tuple(links),
        meeting_days=(MeetingDayRule("day", "Regiomiddag", REGIOMIDDAG, (3,), 1),),
        closed=nl_closed(year),
        name=f"generated region {seed}",
    )


def province_problems(
    seed: int = 1, *, year: int = 2027, cooperations: int = 30, people: int = 549
) -> list[Problem]:
    """Cooperations sharing people: each a region with its own meeting day; planned one after another, each
    with the meetings of the ones before as busy time of the shared people (see bench/planner.py)."""
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    names = [f"p{index}" for index in range(people)]
    problems = []
    for number in range(cooperations):
        pool = rng.sample(names, k=60)
        bodies, links = region_bodies(f"c{number}-", rng, portfolios=rng.randint(7, 11), people=pool)
        weekday = rng.choice((1, 2, 3))
        bodies = [
            Body(
                b.id,
                b.name,
                b.meetings_min,
                b.meetings_max,
                b.slots,
                b.members,
                b.weekdays,
                b.meeting_day,
                weekday if b.meeting_day else b.preferred_weekday,
                b.documents_lead_days,
                b.min_gap_days,
            )
            for b in bodies
        ]
        problems.append(
            Problem(
                year=year,
                first_day=datetime.date(year, 1, 1),
                last_day=datetime.date(year, 12, 31),
                bodies=tuple(bodies),
                people=tuple(Person(name, name) for name in pool),
                links=tuple(links),
                meeting_days=(
                    MeetingDayRule(f"c{number}-day", f"meeting day {number}", REGIOMIDDAG, (weekday,), 1),
                ),
                closed=nl_closed(year),
                name=f"cooperation {number}",
            )
        )
    return problems


def with_busy(problem: Problem, busy: dict[str, list[Busy]]) -> Problem:
    people = tuple(
        Person(person.id, person.name, person.busy + tuple(busy.get(person.id, ())), person.max_per_week)
        for person in problem.people
    )
    return Problem(**{**problem.__dict__, "people": people})


def with_fixed(problem: Problem, fixed: list[FixedMeeting]) -> Problem:
    return Problem(**{**problem.__dict__, "fixed": problem.fixed + tuple(fixed)})
