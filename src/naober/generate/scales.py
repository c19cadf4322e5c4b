"""How big each scale is; the national figures are those of issue #11 (~640 municipalities, 300 cooperations,
~5,000 bodies, 10 years, ~150,000 meetings, ~1,500,000 agenda items, ~1,000,000 documents)."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Scale:
    name: str
    nl_municipalities: int
    be_municipalities: int
    cooperations: int
    first_year: int
    last_year: int
    # Municipalities per cooperation (inclusive range); topics (a BO and an AO each) per cooperation.
    members: tuple[int, int] = (4, 14)
    topics: tuple[int, int] = (3, 8)
    # Municipalities are drawn from groups of this size (a province), so cooperations overlap as real ones do.
    group_size: int = 40
    confidential_share: float = 0.06
    secret_share: float = 0.003

    @property
    def years(self) -> int:
        return self.last_year - self.first_year + 1

    def with_years(self, years: int) -> Scale:
        return replace(self, first_year=self.last_year - years + 1)

    def with_cooperations(self, cooperations: int) -> Scale:
        return replace(self, cooperations=cooperations)


SCALES = {
    "region": Scale("region", 9, 0, 1, 2017, 2026, members=(9, 9), topics=(7, 7), group_size=9),
    "province": Scale("province", 52, 0, 30, 2017, 2026, group_size=52),
    "national": Scale("national", 342, 300, 300, 2017, 2026),
}
