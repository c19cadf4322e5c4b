"""Legislative terms (OParl LegislativeTerm) of a cooperation, derived from its members' municipal terms.

A cooperation has no elected term of its own; what turns its bodies over is the municipal elections of its
members (shared/domain/rules.md: NL municipal elections in March every four years, Flemish local elections
in October 2024 with the term from 1 January 2025). So a cooperation's terms are the municipal terms of its
country. Dutch councils are installed about two weeks after the March election; the dates below are the
installation days. Add a row here when a new term is known (settings.NAOBER_OPARL_TERMS may replace the
table: a mapping of country code to (name, start, end) tuples).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings

from naober.registry.models import Cooperation


@dataclass(frozen=True)
class Term:
    name: str
    start: datetime.date
    end: datetime.date


D = datetime.date
TERMS: dict[str, tuple[tuple[str, datetime.date, datetime.date], ...]] = {
    "NL": (
        ("Gemeenteraadsperiode 2018–2022", D(2018, 3, 29), D(2022, 3, 29)),
        ("Gemeenteraadsperiode 2022–2026", D(2022, 3, 30), D(2026, 3, 31)),
        ("Gemeenteraadsperiode 2026–2030", D(2026, 4, 1), D(2030, 3, 31)),
    ),
    "BE": (
        ("Lokale bestuursperiode 2019–2024", D(2019, 1, 1), D(2024, 12, 31)),
        ("Lokale bestuursperiode 2025–2030", D(2025, 1, 1), D(2030, 12, 31)),
    ),
}


def terms_of(cooperation: Cooperation) -> list[Term]:
    """The terms of the cooperation's country that overlap its existence (all of them if its founding date is
    unknown), oldest first."""
    table = getattr(settings, "NAOBER_OPARL_TERMS", None) or TERMS
    rows = table.get(cooperation.country, ())
    founded = cooperation.founded_on
    return [Term(name, start, end) for name, start, end in rows if founded is None or end >= founded]


def term_by_year(cooperation: Cooperation, start_year: int) -> Term | None:
    return next((term for term in terms_of(cooperation) if term.start.year == start_year), None)
