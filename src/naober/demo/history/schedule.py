"""When the bodies of each demo region meet, from about ten months ago to about three months ahead.

The rhythm follows shared/domain/regions.md and rules.md §6: Regio Amersfoort's monthly Regiomiddag (the
second Thursday afternoon, not in July and August) with three or four BOs in their own time slots, each AO two
to four weeks before its BO, the BORA four times a year with the ARG two to three weeks before it; the
algemeen bestuur, theme tables, council assembly and triple-helix board of the Achterhoek and Twente; the
monthly mayors' meeting of the Denderregio with its directors' meeting two weeks earlier.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from zoneinfo import ZoneInfo

from naober.demo.history.dates import day_before, monthly_dates
from naober.demo.history.records import RegionContext, Slot, seeded

PAST_DAYS = 304  # about ten months
FUTURE_DAYS = 92  # about three months
MON, TUE, WED, THU, FRI = range(5)


def window(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    return today - datetime.timedelta(days=PAST_DAYS), today + datetime.timedelta(days=FUTURE_DAYS)


class _Calendar:
    """Slots for one region, in its time zone, only for bodies the region really has."""

    def __init__(self, context: RegionContext, today: datetime.date) -> None:
        self.context = context
        self.zone = ZoneInfo(context.time_zone)
        self.first, self.last = window(today)
        self.slots: list[Slot] = []

    def has(self, body: str) -> bool:
        return self.context.body(body) is not None

    def at(self, day: datetime.date, hhmm: str) -> datetime.datetime:
        hour, minute = (int(part) for part in hhmm.split(":"))
        return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=self.zone)

    def add(
        self, body: str, day: datetime.date, start: str, end: str, location: str, meeting_day: str = ""
    ) -> None:
        if self.has(body):
            self.slots.append(Slot(body, self.at(day, start), self.at(day, end), location, meeting_day))

    def monthly(
        self, *, weekday: int, nth: int, months: tuple[int, ...] = tuple(range(1, 13))
    ) -> list[datetime.date]:
        return monthly_dates(
            first=self.first,
            last=self.last,
            country=self.context.country,
            weekday=weekday,
            nth=nth,
            months=months,
        )

    def before(self, day: datetime.date, offsets: tuple[int, ...]) -> datetime.date | None:
        return day_before(day, offsets=offsets, country=self.context.country, not_before=self.first)

    def preparing(self, body: str) -> list[str]:
        """The bodies that prepare `body` (its AO, or the stuurgroep sociaal domein), by slug."""
        return [other.slug for other in self.context.bodies if other.prepares == body]


# Regio Amersfoort -----------------------------------------------------------------------------------------

# The ten BOs in two groups that alternate month by month, so each BO meets about every two months.
BO_GROUPS = (
    ("bo-wonen", "bo-ruimte-en-wonen", "bo-verkeer-en-vervoer", "bo-res", "bo-ontwikkelbeeld"),
    ("bo-economische-zaken", "bo-sociaal-domein", "bo-werk-en-inkomen", "bo-landelijk-gebied",
     "bo-recreatie-en-toerisme"),
)  # fmt: skip
REGIOMIDDAG_SLOTS = (("13:30", "14:20"), ("14:30", "15:20"), ("15:30", "16:20"), ("16:30", "17:20"))
# AOs of one Regiomiddag get different hours, so people in two AOs are never expected twice at once.
AO_SLOTS = (("09:00", "10:30"), ("11:00", "12:30"), ("13:30", "15:00"), ("15:30", "17:00"))
AO_OFFSETS = (15, 14, 16, 21, 20, 22, 17, 23, 27, 28)  # days before the BO: two to four weeks


def _amersfoort(calendar: _Calendar) -> None:
    stadhuis = "Stadhuis Amersfoort, Stadhuisplein 1, Amersfoort"
    bureau = "Bureau Regio Amersfoort, Amersfoort"
    for day in calendar.monthly(weekday=THU, nth=2, months=(1, 2, 3, 4, 5, 6, 9, 10, 11, 12)):
        rng = seeded(f"{calendar.context.slug}:regiomiddag:{day.isoformat()}")
        group = [body for body in BO_GROUPS[(day.year * 12 + day.month) % 2] if calendar.has(body)]
        meeting = sorted(rng.sample(group, k=min(len(group), rng.choice((3, 4)))), key=group.index)
        for index, body in enumerate(meeting):
            start, end = REGIOMIDDAG_SLOTS[index]
            calendar.add(body, day, start, end, stadhuis, meeting_day="Regiomiddag")
            for preparing in calendar.preparing(body):
                offsets = tuple(rng.sample(AO_OFFSETS[:5], 5)) + AO_OFFSETS[5:]
                ao_day = calendar.before(day, offsets)
                if ao_day is not None:
                    place = rng.choice((bureau, bureau, "Online (Microsoft Teams)"))
                    calendar.add(preparing, ao_day, *AO_SLOTS[index], place)
    for index, day in enumerate(calendar.monthly(weekday=WED, nth=2, months=(3, 6, 10, 12))):
        evening = index % 2 == 0
        calendar.add("bora", day, "19:30" if evening else "15:00", "21:30" if evening else "17:00", stadhuis)
        arg_day = calendar.before(day, (16, 15, 14, 17, 18, 21, 22))
        if arg_day is not None:
            calendar.add("arg", arg_day, "09:00", "11:00", bureau)


# Regio Achterhoek -----------------------------------------------------------------------------------------

ACHTERHOEK_TOWNS = ("Doetinchem", "Winterswijk", "Berkelland", "Oude IJsselstreek", "Aalten", "Bronckhorst")


def _achterhoek(calendar: _Calendar) -> None:
    office = "Regiokantoor Achterhoek, Doetinchem"
    for day in calendar.monthly(weekday=WED, nth=2, months=(2, 4, 6, 9, 10, 12)):
        calendar.add("algemeen-bestuur", day, "15:00", "17:00", "Stadhuis Doetinchem")
        db_day = calendar.before(day, (8, 15, 7, 14, 9))
        if db_day is not None:
            calendar.add("dagelijks-bestuur", db_day, "09:00", "11:00", office)
    for day in calendar.monthly(weekday=THU, nth=1, months=(3, 5, 9, 11)):
        calendar.add("thematafel-circulaire-economie", day, "15:30", "17:30", office)
    for day in calendar.monthly(weekday=THU, nth=3, months=(3, 5, 9, 11)):
        calendar.add("thematafel-mobiliteit", day, "15:30", "17:30", office)
    for index, day in enumerate(calendar.monthly(weekday=MON, nth=4, months=(3, 6, 11))):
        town = ACHTERHOEK_TOWNS[(day.year + index) % len(ACHTERHOEK_TOWNS)]
        calendar.add("achterhoek-raad", day, "19:30", "21:30", f"Raadzaal {town}")
    for day in calendar.monthly(weekday=FRI, nth=1, months=(3, 6, 9, 12)):
        calendar.add("achterhoek-board", day, "08:00", "10:00", office)


# Twente -----------------------------------------------------------------------------------------------------

TWENTE_TOWNS = ("Hengelo", "Almelo", "Oldenzaal", "Enschede", "Rijssen-Holten", "Borne")


def _twente(calendar: _Calendar) -> None:
    for day in calendar.monthly(weekday=THU, nth=2, months=(2, 4, 6, 9, 11, 12)):
        calendar.add("algemeen-bestuur", day, "10:00", "12:00", "Stadhuis Enschede")
    for index, day in enumerate(calendar.monthly(weekday=WED, nth=4, months=(3, 6, 11))):
        town = TWENTE_TOWNS[(day.year + index) % len(TWENTE_TOWNS)]
        calendar.add("twenteraad", day, "19:30", "22:00", f"Raadzaal {town}")
    for day in calendar.monthly(weekday=FRI, nth=1, months=(2, 5, 9, 11)):
        calendar.add("twente-board", day, "08:00", "10:00", "Kennispark Twente, Enschede")


# Denderregio ------------------------------------------------------------------------------------------------


def _dender(calendar: _Calendar) -> None:
    towns = [name for _, name in calendar.context.municipalities] or ["Aalst"]
    for index, day in enumerate(
        calendar.monthly(weekday=FRI, nth=2, months=(1, 2, 3, 4, 5, 6, 9, 10, 11, 12))
    ):
        town = towns[(day.year * 12 + day.month + index) % len(towns)]
        calendar.add("dbo", day, "08:30", "10:30", f"Gemeentehuis {town}")
        dado_day = calendar.before(day, (15, 14, 16, 13, 21))
        if dado_day is not None:
            calendar.add("dado", dado_day, "14:00", "16:00", "Gemeentehuis Denderleeuw")
    for day in calendar.monthly(weekday=WED, nth=3, months=(2, 5, 9, 11)):
        calendar.add("stuurgroep-regiovorming", day, "16:00", "18:00", "Stadhuis Dendermonde")


SCHEDULES: dict[str, Callable[[_Calendar], None]] = {
    "regio-amersfoort": _amersfoort,
    "regio-achterhoek": _achterhoek,
    "twente": _twente,
    "denderregio": _dender,
}


def has_schedule(slug: str) -> bool:
    return slug in SCHEDULES


def schedule(context: RegionContext, today: datetime.date) -> list[Slot]:
    """Every meeting slot of the region within the window, in time order; [] for an unknown region."""
    rule = SCHEDULES.get(context.slug)
    if rule is None:
        return []
    calendar = _Calendar(context, today)
    rule(calendar)
    first, last = window(today)
    return sorted(
        (slot for slot in calendar.slots if first <= slot.start.date() <= last),
        key=lambda slot: (slot.start, slot.body),
    )
