"""Demo planning rules for Regio Amersfoort (rules.md §6): the BORA three or four times a year with the ARG
two to four weeks before it; each BO five or six times a year on the monthly Regiomiddag (Thursday
afternoon, four sub-slots), its AO (or the stuurgroep sociaal domein) 14–28 days before; and council
meeting evenings of the member municipalities. Idempotent: a second run writes nothing."""

from __future__ import annotations

import datetime
import zoneinfo

from django.db import models

from naober.core.models import Channel
from naober.core.services import object_save
from naober.governance.models import Body, BodyKind
from naober.planner.models import CouncilEvening, MeetingDayPattern, PlanningRule, PreparationRule
from naober.registry.models import Cooperation, Municipality

SLUG = "regio-amersfoort"
REGIOMIDDAG_SLOTS = "13:30-14:20,14:30-15:20,15:30-16:20,16:30-17:20"
AO_SLOTS = "09:00-10:30,11:00-12:30,13:30-15:00,15:30-17:00"
STADHUIS = "Stadhuis Amersfoort, Stadhuisplein 1, Amersfoort"
BUREAU = "Bureau Regio Amersfoort, Amersfoort"
# Council evenings (illustrative): weekday and week parity of each member municipality's council.
COUNCILS = {
    "amersfoort": (1, 0),
    "baarn": (3, 1),
    "bunschoten": (1, 1),
    "eemnes": (3, 0),
    "leusden": (3, 0),
    "soest": (1, 0),
    "woudenberg": (2, 1),
}


def _ensure(model: type[models.Model], lookup: dict[str, object], values: dict[str, object]) -> bool:
    instance = model._default_manager.filter(**lookup).first()
    if instance is not None:
        return False
    object_save(instance=model(**lookup, **values), channel=Channel.IMPORT)
    return True


def load(*, today: datetime.date) -> list[str]:
    cooperation = Cooperation.objects.filter(slug=SLUG).first()
    if cooperation is None:
        return []
    written = 0
    bodies = {body.slug: body for body in Body.objects.filter(cooperation=cooperation)}
    written += _ensure(
        MeetingDayPattern,
        {"cooperation": cooperation, "name": "Regiomiddag"},
        {
            "weekdays": "thu",
            "slots": REGIOMIDDAG_SLOTS,
            "per_month": 1,
            "location": "Stadhuis Amersfoort, Stadhuisplein 1, Amersfoort",
        },
    )
    regiomiddag = MeetingDayPattern.objects.get(cooperation=cooperation, name="Regiomiddag")
    if "bora" in bodies:
        written += _ensure(
            PlanningRule,
            {"body": bodies["bora"]},
            {"meetings_min": 3, "meetings_max": 4, "weekdays": "tue,wed,thu",
             "slots": "19:30-21:30,15:00-17:00", "preferred_weekday": "wed", "min_gap_days": 42,
             "location": STADHUIS},
        )  # fmt: skip
    if "arg" in bodies:
        written += _ensure(
            PlanningRule,
            {"body": bodies["arg"]},
            {
                "meetings_min": 0,
                "meetings_max": 0,
                "slots": "09:00-11:00",
                "min_gap_days": 28,
                "location": BUREAU,
            },
        )
        written += _ensure(PreparationRule, {"body": bodies["arg"]}, {"min_days": 14, "max_days": 28})
    for body in bodies.values():
        if body.kind == BodyKind.PORTFOLIO_MEETING:
            written += _ensure(
                PlanningRule,
                {"body": body},
                {"meetings_min": 5, "meetings_max": 6, "weekdays": "thu", "slots": "",
                 "meeting_day": regiomiddag, "preferred_weekday": "thu", "min_gap_days": 28},
            )  # fmt: skip
        elif body.prepares is not None and body.prepares.kind == BodyKind.PORTFOLIO_MEETING:
            written += _ensure(
                PlanningRule,
                {"body": body},
                {"meetings_min": 0, "meetings_max": 0, "slots": AO_SLOTS, "preferred_weekday": "tue",
                 "min_gap_days": 21, "location": BUREAU},
            )  # fmt: skip
            written += _ensure(PreparationRule, {"body": body}, {"min_days": 14, "max_days": 28})
    written += _council_evenings(today.year + 1)
    return (
        [f"Planner: {written} planning rules, patterns and council evenings written for Regio Amersfoort."]
        if written
        else []
    )


def _council_evenings(year: int) -> int:
    zone = zoneinfo.ZoneInfo("Europe/Amsterdam")
    written = 0
    for slug, (weekday, parity) in COUNCILS.items():
        municipality = Municipality.objects.filter(slug=slug).first()
        if municipality is None:
            continue
        day = datetime.date(year, 1, 1)
        while day.year == year:
            week = day.isocalendar()[1]
            if (
                day.weekday() == weekday
                and week % 2 == parity
                and week % 4 < 2
                and day.month not in (7, 8)
                and week > 2
            ):
                start = datetime.datetime.combine(day, datetime.time(19, 30), tzinfo=zone)
                written += _ensure(
                    CouncilEvening,
                    {"municipality": municipality, "start": start},
                    {
                        "end": start + datetime.timedelta(hours=3, minutes=30),
                        "title": f"Gemeenteraad {municipality.name}",
                    },
                )
            day += datetime.timedelta(days=1)
    return written
