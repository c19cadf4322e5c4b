"""From the database to a planning problem: the bodies with a planning rule, their members (busy in the
meetings of other cooperations and on their council's evenings), preparation links, meeting days, public and
school holidays, closed days, the meetings already in the calendar (fixed) and the last accepted plan."""

from __future__ import annotations

import datetime
import zoneinfo
from collections import Counter, defaultdict

import holidays
from django.db.models import Q

from naober.governance.models import Body, Membership, MembershipRole
from naober.meetings.models import Meeting, MeetingStatus
from naober.planner.model.problem import (
    Body as PlanBody,
)
from naober.planner.model.problem import (
    Busy,
    ClosedPeriod,
    FixedMeeting,
    Link,
    MeetingDayRule,
    Person,
    Preferences,
    Problem,
    Slot,
)
from naober.planner.models import (
    ClosedDays,
    CouncilEvening,
    MeetingDayPattern,
    PlanningRule,
    PlanProposal,
    PreparationRule,
    ProposalStatus,
    SchoolHoliday,
    parse_slots,
    parse_weekdays,
)
from naober.registry.models import Cooperation, Participation

LOOK_BACK = datetime.timedelta(days=70)  # preparing meetings of January's meetings lie in December
WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def person_key(person_id: int) -> str:
    return f"person-{person_id}"


def _local_slot(
    start: datetime.datetime, end: datetime.datetime, zone: zoneinfo.ZoneInfo
) -> tuple[datetime.date, Slot]:
    local_start, local_end = start.astimezone(zone), end.astimezone(zone)
    first = local_start.hour * 60 + local_start.minute
    last = local_end.hour * 60 + local_end.minute if local_end.date() == local_start.date() else 24 * 60
    return local_start.date(), Slot(first, max(last, first + 1))


def holiday_region(cooperation: Cooperation, on: datetime.date) -> str:
    """The school-holiday region of most of the cooperation's member municipalities."""
    regions = Counter(
        Participation.objects.filter(cooperation=cooperation, municipality__isnull=False, joined_on__lte=on)
        .filter(Q(left_on__isnull=True) | Q(left_on__gt=on))
        .values_list("municipality__holiday_region", flat=True)
    )
    return regions.most_common(1)[0][0] if regions else ""


def closed_periods(cooperation: Cooperation, first: datetime.date, last: datetime.date) -> list[ClosedPeriod]:
    closed = [
        ClosedPeriod(day, day, str(name), "public-holiday")
        for day, name in sorted(
            holidays.country_holidays(cooperation.country, years=range(first.year, last.year + 1)).items()
        )
        if first <= day <= last
    ]
    region = holiday_region(cooperation, last)
    closed.extend(
        ClosedPeriod(holiday.first_day, holiday.last_day, holiday.name, "school-holiday")
        for holiday in SchoolHoliday.objects.filter(region=region, last_day__gte=first, first_day__lte=last)
    )
    closed.extend(
        ClosedPeriod(days.first_day, days.last_day, days.reason, "recess")
        for days in ClosedDays.objects.filter(
            cooperation=cooperation, last_day__gte=first, first_day__lte=last
        )
    )
    return closed


def build_problem(
    cooperation: Cooperation, year: int, *, pins: list[dict[str, str]] | None = None
) -> Problem:
    """The planning problem of `cooperation` for `year`. `pins` ([{"body", "date", "time"}]) are meetings
    pinned by hand in the secretariat: fixed like meetings already in the calendar."""
    zone = zoneinfo.ZoneInfo(cooperation.time_zone)
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    window_start = datetime.datetime.combine(first - LOOK_BACK, datetime.time(), tzinfo=zone)
    window_end = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time(), tzinfo=zone)
    rules = {
        rule.body_id: rule
        for rule in PlanningRule.objects.filter(body__cooperation=cooperation).select_related(
            "body", "body__topic"
        )
    }
    patterns = {pattern.pk: pattern for pattern in MeetingDayPattern.objects.filter(cooperation=cooperation)}
    preparation = {
        rule.body_id: rule for rule in PreparationRule.objects.filter(body__cooperation=cooperation)
    }
    bodies = {body_id: rule.body for body_id, rule in rules.items()}
    memberships = list(
        Membership.objects.filter(start_date__lte=last)
        .filter(Q(end_date__isnull=True) | Q(end_date__gt=first))
        .exclude(role=MembershipRole.GUEST)
        .select_related("person", "body")
    )
    members: dict[int, set[int]] = defaultdict(set)  # body → persons
    person_bodies: dict[int, set[int]] = defaultdict(set)
    person_names: dict[int, str] = {}
    municipality_people: dict[int, set[int]] = defaultdict(set)
    for membership in memberships:
        members[membership.body_id].add(membership.person_id)
        person_bodies[membership.person_id].add(membership.body_id)
        person_names[membership.person_id] = membership.person.name
        if membership.body_id in bodies and membership.on_behalf_of_municipality_id:
            municipality_people[membership.on_behalf_of_municipality_id].add(membership.person_id)
    people_ids = sorted({person for body_id in bodies for person in members[body_id]})
    busy: dict[int, list[Busy]] = defaultdict(list)
    fixed_meetings: list[Meeting] = []
    meetings = (
        Meeting.objects.filter(start__gte=window_start, start__lt=window_end)
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("body", "cooperation")
        .prefetch_related("joint_bodies")
        .order_by("start", "pk")
    )
    wanted = set(people_ids)
    for meeting in meetings:
        if meeting.cooperation_id == cooperation.pk and meeting.body_id in bodies:
            fixed_meetings.append(meeting)
            continue
        day, slot = _local_slot(meeting.start, meeting.end, zone)
        attending = set(members[meeting.body_id]).union(
            *(members[body.pk] for body in meeting.joint_bodies.all())
        )
        for person in attending & wanted:
            # Only that the person is busy: the other cooperation's meeting may not be public yet.
            busy[person].append(Busy(day, slot, "other meeting"))
    for evening in CouncilEvening.objects.filter(
        municipality_id__in=list(municipality_people), start__gte=window_start, start__lt=window_end
    ).select_related("municipality"):
        day, slot = _local_slot(evening.start, evening.end, zone)
        for person in municipality_people[evening.municipality_id]:
            busy[person].append(Busy(day, slot, evening.title or f"raad {evening.municipality.name}"))
    fixed = _fixed(fixed_meetings, bodies, preparation, zone, first, last, busy, members)
    for number, pin in enumerate(pins or []):
        fixed.append(
            FixedMeeting(
                f"pin-{number}",
                pin["body"],
                datetime.date.fromisoformat(pin["date"]),
                Slot.parse(pin["time"]),
            )
        )
    plan_bodies = []
    for body_id, rule in sorted(rules.items(), key=lambda item: item[1].body.slug):
        body = rule.body
        pattern = patterns.get(rule.meeting_day_id) if rule.meeting_day_id else None
        plan_bodies.append(
            PlanBody(
                id=body.slug,
                name=str(body),
                meetings_min=rule.meetings_min,
                meetings_max=rule.meetings_max,
                slots=parse_slots(rule.slots),
                members=tuple(person_key(person) for person in sorted(members[body_id])),
                weekdays=parse_weekdays(rule.weekdays),
                meeting_day=f"day-{pattern.pk}" if pattern else "",
                preferred_weekday=WEEKDAY_CODES.index(rule.preferred_weekday)
                if rule.preferred_weekday
                else None,
                documents_lead_days=body.documents_lead_days,
                min_gap_days=rule.min_gap_days,
            )
        )
    links = []
    for body_id, body in bodies.items():
        if body.prepares_id in bodies:
            prep = preparation.get(body_id)
            links.append(
                Link(
                    body.slug,
                    bodies[body.prepares_id].slug,
                    prep.min_days if prep else 14,
                    prep.max_days if prep else 28,
                )
            )
    previous: tuple[tuple[str, datetime.date], ...] = ()
    accepted = (
        PlanProposal.objects.filter(cooperation=cooperation, year=year, status=ProposalStatus.ACCEPTED)
        .order_by("-accepted_at")
        .first()
    )
    known = {body.slug for body in bodies.values()}
    if accepted is not None:
        previous = tuple(
            (item["body"], datetime.date.fromisoformat(item["date"]))
            for item in accepted.plan.get("meetings", [])
            if item.get("body") in known
        )
    return Problem(
        year=year,
        first_day=first,
        last_day=last,
        name=f"{cooperation.display_name} {year}",
        time_zone=cooperation.time_zone,
        bodies=tuple(plan_bodies),
        people=tuple(
            Person(
                person_key(person),
                person_names[person],
                tuple(sorted(busy[person], key=lambda b: (b.date, b.slot))),
            )
            for person in people_ids
        ),
        links=tuple(sorted(links, key=lambda link: link.preparing)),
        meeting_days=tuple(
            MeetingDayRule(
                f"day-{pattern.pk}",
                pattern.name,
                parse_slots(pattern.slots),
                parse_weekdays(pattern.weekdays),
                pattern.per_month,
            )
            for pattern in patterns.values()
        ),
        closed=tuple(closed_periods(cooperation, first - LOOK_BACK, last)),
        fixed=tuple(fixed),
        previous=previous,
        preferences=Preferences(),
    )


def _fixed(
    meetings: list[Meeting],
    bodies: dict[int, Body],
    preparation: dict[int, PreparationRule],
    zone: zoneinfo.ZoneInfo,
    first: datetime.date,
    last: datetime.date,
    busy: dict[int, list[Busy]],
    members: dict[int, set[int]],
) -> list[FixedMeeting]:
    """Meetings already in the calendar: those of the year are fixed; a preparing body's meeting is fixed
    with the meeting it prepares (nearest the middle of its window); others only make their members busy."""
    local = {meeting.pk: _local_slot(meeting.start, meeting.end, zone) for meeting in meetings}
    fixed: dict[int, FixedMeeting] = {}
    for meeting in meetings:
        day, slot = local[meeting.pk]
        if bodies[meeting.body_id].prepares_id not in bodies and first <= day <= last:
            fixed[meeting.pk] = FixedMeeting(f"meeting-{meeting.pk}", bodies[meeting.body_id].slug, day, slot)
    changed = True
    while changed:
        changed = False
        for meeting in meetings:
            body = bodies[meeting.body_id]
            if meeting.pk in fixed or body.prepares_id not in bodies:
                continue
            prep = preparation.get(body.pk)
            low, high = (prep.min_days, prep.max_days) if prep else (14, 28)
            day, slot = local[meeting.pk]
            taken = {item.prepares for item in fixed.values() if item.body == body.slug}
            options = [
                other
                for other in meetings
                if other.pk in fixed
                and other.body_id == body.prepares_id
                and fixed[other.pk].id not in taken
                and low <= (local[other.pk][0] - day).days <= high
            ]
            if options:
                target = min(
                    options, key=lambda other: abs((local[other.pk][0] - day).days - (low + high) / 2)
                )
                fixed[meeting.pk] = FixedMeeting(
                    f"meeting-{meeting.pk}", body.slug, day, slot, prepares=fixed[target.pk].id
                )
                changed = True
    for meeting in meetings:
        if meeting.pk not in fixed:
            day, slot = local[meeting.pk]
            for person in members[meeting.body_id]:
                busy[person].append(Busy(day, slot, str(meeting.body)))
    return sorted(fixed.values(), key=lambda item: (item.date, item.slot, item.id))
