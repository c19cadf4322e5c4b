"""Dates of the Wgr budget cycle (shared/domain/rules.md §2) and the councils' summer recess: no database.

For the budget of year Y, prepared in Y-1: kaders (and the preliminary annual accounts) to the councils by
30 April ⚠️; the draft budget to the councils 12 weeks before the board treats it; 12 weeks for their opinion;
adoption by the board; to the province within 2 weeks, at the latest 15 September; the annual accounts of
Y-2 to the province by 15 July 🟡. Every number comes from the cooperation's `CycleRules`.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings

# The summer holiday of the schools per school-holiday region, which the councils' recess follows
# (shared/domain/holidays.md, source rijksoverheid.nl and onderwijs.vlaanderen.be). Years not listed fall
# back to the whole span in which any region's summer holiday can lie — a cautious warning: in the
# Netherlands weeks 28–35 (the six weeks of each region start on the Saturday before; holidays.md), in
# Flanders 1 July – 31 August (the rule of BVR 17-4-1991).
# Installations add or correct years with the setting NAOBER_SUMMER_RECESS:
# {"2027": {"nl-noord": ["2027-07-10", "2027-08-22"], ...}}.
SUMMER_RECESS: dict[int, dict[str, tuple[datetime.date, datetime.date]]] = {
    2026: {
        "nl-noord": (datetime.date(2026, 7, 4), datetime.date(2026, 8, 16)),
        "nl-midden": (datetime.date(2026, 7, 18), datetime.date(2026, 8, 30)),
        "nl-zuid": (datetime.date(2026, 7, 11), datetime.date(2026, 8, 23)),
        "be-vl": (datetime.date(2026, 7, 1), datetime.date(2026, 8, 31)),
    },
}
FLANDERS_SUMMER = ((7, 1), (8, 31))


class Rules(Protocol):
    kaders_month: int
    kaders_day: int
    board_month: int
    board_day: int
    send_weeks_before_board: int
    opinion_weeks: int
    province_weeks_after_adoption: int
    province_month: int
    province_day: int
    accounts_month: int
    accounts_day: int


@dataclass(frozen=True)
class PlannedMilestone:
    kind: str  # MilestoneKind values
    due_on: datetime.date
    recess_overlap_days: int = 0
    after_deadline: bool = False


def safe_date(year: int, month: int, day: int) -> datetime.date:
    """The date, with the day clamped to the month's length (31 April → 30 April)."""
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _configured(year: int) -> Mapping[str, tuple[datetime.date, datetime.date]]:
    table = dict(SUMMER_RECESS.get(year, {}))
    extra = getattr(settings, "NAOBER_SUMMER_RECESS", {}) or {}
    for region, (start, end) in (extra.get(str(year)) or extra.get(year) or {}).items():
        table[region] = (datetime.date.fromisoformat(str(start)), datetime.date.fromisoformat(str(end)))
    return table


def summer_recess(*, region: str, year: int) -> tuple[datetime.date, datetime.date]:
    found = _configured(year).get(region)
    if found is not None:
        return found
    if region.startswith("be-"):
        (start_month, start_day), (end_month, end_day) = FLANDERS_SUMMER
        return datetime.date(year, start_month, start_day), datetime.date(year, end_month, end_day)
    start = datetime.date.fromisocalendar(year, 28, 1) - datetime.timedelta(days=2)
    return start, datetime.date.fromisocalendar(year, 35, 7)


def recess_overlap_days(*, start: datetime.date, end: datetime.date, regions: Iterable[str]) -> int:
    """The most days of [start, end] that fall in the summer recess of any of the regions."""
    worst = 0
    for region in set(regions):
        for year in range(start.year, end.year + 1):
            recess_start, recess_end = summer_recess(region=region, year=year)
            first, last = max(start, recess_start), min(end, recess_end)
            worst = max(worst, (last - first).days + 1 if first <= last else 0)
    return worst


def cycle_plan(
    *, rules: Rules, budget_year: int, board_date: datetime.date | None, regions: Iterable[str]
) -> list[PlannedMilestone]:
    """The milestones of the budget of `budget_year`, in date order."""
    year = budget_year - 1
    board = board_date or safe_date(year, rules.board_month, rules.board_day)
    sent = board - datetime.timedelta(weeks=rules.send_weeks_before_board)
    opinions_due = sent + datetime.timedelta(weeks=rules.opinion_weeks)
    latest = safe_date(year, rules.province_month, rules.province_day)
    province = max(board, min(board + datetime.timedelta(weeks=rules.province_weeks_after_adoption), latest))
    overlap = recess_overlap_days(start=sent, end=opinions_due, regions=regions)
    planned = [
        PlannedMilestone("kaders", safe_date(year, rules.kaders_month, rules.kaders_day)),
        PlannedMilestone("draft-sent", sent),
        PlannedMilestone("opinions-due", opinions_due, overlap),
        PlannedMilestone("adoption", board),
        PlannedMilestone("province", province, after_deadline=province > latest),
        PlannedMilestone("accounts", safe_date(year, rules.accounts_month, rules.accounts_day)),
    ]
    return sorted(planned, key=lambda milestone: (milestone.due_on, milestone.kind))
