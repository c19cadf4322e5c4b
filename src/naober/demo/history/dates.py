"""Which days a demo region can meet: working days outside public holidays and the recesses.

shared/domain/holidays.md asks for the `holidays` package; it is not a dependency of naober, and the demo only
needs to look plausible, so this module keeps a short hand-made list: the fixed and Easter-dependent public
holidays of the Netherlands and Belgium (Flanders), the Christmas and New Year period, and the summer recess
(July and the first half of August in the Netherlands, July and August in Flanders).
"""

from __future__ import annotations

import datetime
import functools

ONE_DAY = datetime.timedelta(days=1)


def easter_sunday(year: int) -> datetime.date:
    """Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


@functools.cache
def public_holidays(year: int, country: str) -> frozenset[datetime.date]:
    easter = easter_sunday(year)
    moving = (1, 39, 50)  # Easter Monday, Ascension Day, Whit Monday
    days = {easter + datetime.timedelta(days=offset) for offset in moving}
    fixed: tuple[tuple[int, int], ...]
    if country == "BE":
        fixed = ((1, 1), (5, 1), (7, 11), (7, 21), (8, 15), (11, 1), (11, 11), (12, 25), (12, 26))
    else:
        kings_day = datetime.date(year, 4, 27)
        if kings_day.weekday() == 6:  # on a Sunday, King's Day moves to the Saturday before
            kings_day -= ONE_DAY
        days |= {easter - 2 * ONE_DAY, kings_day}  # Good Friday: most town halls are closed
        fixed = ((1, 1), (5, 5), (12, 25), (12, 26))
    days |= {datetime.date(year, month, day) for month, day in fixed}
    return frozenset(days)


def in_recess(day: datetime.date, country: str) -> bool:
    """The Christmas and New Year period, and the summer recess of councils and boards."""
    if (day.month == 12 and day.day >= 21) or (day.month == 1 and day.day <= 4):
        return True
    if day.month == 7:
        return True
    return day.month == 8 and (country == "BE" or day.day <= 15)


def can_meet(day: datetime.date, country: str) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year, country) and not in_recess(day, country)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> datetime.date:
    """The n-th (1-based) `weekday` (Monday 0) of the month."""
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def months_between(first: datetime.date, last: datetime.date) -> list[tuple[int, int]]:
    """Every (year, month) from the month of `first` to the month of `last`, both included."""
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def monthly_dates(
    *,
    first: datetime.date,
    last: datetime.date,
    country: str,
    weekday: int,
    nth: int,
    months: tuple[int, ...] = tuple(range(1, 13)),
) -> list[datetime.date]:
    """The n-th weekday of the chosen months within [first, last]; a holiday moves it a week later."""
    dates = []
    for year, month in months_between(first, last):
        if month not in months:
            continue
        day = nth_weekday(year, month, weekday, nth)
        while not can_meet(day, country):
            day += datetime.timedelta(days=7)
        if first <= day <= last:
            dates.append(day)
    return dates


def day_before(
    day: datetime.date, *, offsets: tuple[int, ...], country: str, not_before: datetime.date
) -> datetime.date | None:
    """The first of `day - offset` (in the order given) on which the region can meet, or None."""
    for offset in offsets:
        candidate = day - datetime.timedelta(days=offset)
        if candidate >= not_before and can_meet(candidate, country):
            return candidate
    return None
