"""Hypothesis strategies: small planning problems with bodies, preparation links, a meeting day, people in
several bodies, closed periods and busy times."""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

from naober.planner.model.problem import Body, Busy, ClosedPeriod, Link, MeetingDayRule, Person, Problem, Slot

SLOTS = (
    Slot.parse("09:00-11:00"),
    Slot.parse("10:00-12:00"),
    Slot.parse("13:30-15:00"),
    Slot.parse("19:30-21:30"),
)
FIRST = datetime.date(2027, 1, 1)


@st.composite
def problems(draw: st.DrawFn) -> Problem:
    people = [f"p{n}" for n in range(draw(st.integers(3, 8)))]
    roots = draw(st.integers(1, 3))
    bodies: list[Body] = []
    links: list[Link] = []
    with_day = draw(st.booleans())
    for number in range(roots):
        low = draw(st.integers(1, 4))
        high = draw(st.integers(low, 6))
        on_day = with_day and draw(st.booleans())
        members = tuple(sorted(draw(st.sets(st.sampled_from(people), min_size=1, max_size=4))))
        weekdays = tuple(sorted(draw(st.sets(st.integers(0, 4), min_size=1, max_size=5))))
        bodies.append(
            Body(
                id=f"b{number}",
                name=f"Body {number}",
                meetings_min=low,
                meetings_max=high,
                slots=()
                if on_day
                else tuple(sorted(draw(st.sets(st.sampled_from(SLOTS), min_size=1, max_size=3)))),
                members=members,
                weekdays=(3,) if on_day else weekdays,
                meeting_day="day" if on_day else "",
                preferred_weekday=draw(st.one_of(st.none(), st.integers(0, 4))),
                min_gap_days=draw(st.integers(7, 35)),
            )
        )
        if draw(st.booleans()):
            low_days = draw(st.integers(7, 21))
            links.append(Link(f"a{number}", f"b{number}", low_days, low_days + draw(st.integers(0, 14))))
            bodies.append(
                Body(
                    id=f"a{number}",
                    name=f"Prep {number}",
                    meetings_min=0,
                    meetings_max=0,
                    slots=tuple(sorted(draw(st.sets(st.sampled_from(SLOTS), min_size=1, max_size=2)))),
                    members=tuple(sorted(draw(st.sets(st.sampled_from(people), min_size=1, max_size=3)))),
                    min_gap_days=draw(st.integers(1, 14)),
                )
            )
    closed = []
    for _ in range(draw(st.integers(0, 3))):
        start = FIRST + datetime.timedelta(days=draw(st.integers(0, 360)))
        closed.append(
            ClosedPeriod(
                start,
                start + datetime.timedelta(days=draw(st.integers(0, 20))),
                "closed",
                draw(st.sampled_from(("public-holiday", "school-holiday"))),
            )
        )
    persons = []
    for person in people:
        busy = tuple(
            Busy(
                FIRST + datetime.timedelta(days=draw(st.integers(0, 364))),
                draw(st.sampled_from(SLOTS)),
                "elsewhere",
            )
            for _ in range(draw(st.integers(0, 5)))
        )
        persons.append(Person(person, person.upper(), busy, draw(st.one_of(st.none(), st.integers(2, 3)))))
    return Problem(
        year=2027,
        first_day=FIRST,
        last_day=datetime.date(2027, 12, 31),
        bodies=tuple(bodies),
        people=tuple(persons),
        links=tuple(links),
        meeting_days=(MeetingDayRule("day", "Meeting day", (SLOTS[0], SLOTS[2]), (3,), 1),)
        if with_day
        else (),
        closed=tuple(closed),
    )
