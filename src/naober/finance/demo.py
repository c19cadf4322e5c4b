"""Demo budgets for the four demo regions, last year and this year, written through the services; running it
again changes nothing.

Amounts are illustrative, of a plausible size for each region (shared/domain/regions.md); the keys show every
kind of rules.md §4: Twente €12 per inhabitant, half equal / half by population (Achterhoek, Denderregio),
a percentage table (Achterhoek Raad, Denderregio), opt-in projects (Achterhoek, Amersfoort) and the service
fee to Amersfoort, which hosts Bureau Regio Amersfoort. Regio Achterhoek also has a budget change this year,
next year's draft budget (sent to the councils: the consultation round of the councils demo) and the
milestones of its next two budget cycles.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from naober.core.models import Channel
from naober.finance.allocation import KeyKind, largest_remainder
from naober.finance.models import Budget, BudgetStatus
from naober.finance.services import (
    LineInput,
    budget_adopt,
    budget_change_create,
    budget_create,
    budget_line_save,
    budget_send,
    cycle_generate,
)
from naober.meetings.models import Dossier
from naober.registry.models import Cooperation, Municipality, Topic

IMPORT = Channel.IMPORT


@dataclass(frozen=True)
class DemoLine:
    name: str
    kind: str
    key: KeyKind
    amounts: tuple[str, str]  # last year, this year (for a per-inhabitant key: the rate)
    topic: str = ""
    equal_fraction: str = "0"
    host: str = ""
    participants: tuple[str, ...] = ()
    percentages_by_population: bool = False
    description: str = ""


@dataclass(frozen=True)
class DemoBudget:
    cooperation: str
    lines: tuple[DemoLine, ...]
    reference_dates: dict[int, datetime.date] = field(default_factory=dict)  # by offset from this year


ACHTERHOEK = DemoBudget(
    "regio-achterhoek",
    (
        DemoLine(
            "Regionale samenwerking en bestuursondersteuning",
            "programme",
            KeyKind.EQUAL_AND_POPULATION,
            ("1790000.00", "1850000.00"),
            equal_fraction="0.5",
            description="De helft in gelijke delen, de helft naar inwonertal.",
        ),
        DemoLine("Smart Werken", "theme", KeyKind.PER_INHABITANT, ("3.25", "3.50"), topic="smart-werken"),
        DemoLine("Wonen", "theme", KeyKind.PER_INHABITANT, ("1.20", "1.20"), topic="wonen"),
        DemoLine(
            "Achterhoek Raad",
            "programme",
            KeyKind.PERCENTAGES,
            ("115000.00", "120000.00"),
            percentages_by_population=True,
            description="Vaste verdeelsleutel in procenten, vastgesteld bij de begroting.",
        ),
        DemoLine(
            "Project Grensoverschrijdende arbeidsmarkt",
            "project",
            KeyKind.PARTICIPANTS,
            ("200000.00", "240000.00"),
            topic="smart-werken",
            equal_fraction="0.5",
            participants=("doetinchem", "winterswijk", "aalten", "oost-gelre", "berkelland"),
            description="Alleen de deelnemende gemeenten betalen (opt-in).",
        ),
    ),
)
TWENTE = DemoBudget(
    "twente",
    (
        DemoLine("Agenda voor Twente", "programme", KeyKind.PER_INHABITANT, ("12.00", "12.00")),
        DemoLine(
            "Public affairs en lobby",
            "theme",
            KeyKind.EQUAL_AND_POPULATION,
            ("430000.00", "450000.00"),
            topic="public-affairs-en-lobby",
            equal_fraction="0.5",
        ),
    ),
)
AMERSFOORT = DemoBudget(
    "regio-amersfoort",
    (
        DemoLine(
            "Bureau Regio Amersfoort",
            "programme",
            KeyKind.SERVICE_FEE,
            ("1200000.00", "1240000.00"),
            host="amersfoort",
            description="Vergoeding aan de gemeente Amersfoort, waar het bureau deel van uitmaakt.",
        ),
        DemoLine(
            "Woondeal regio Amersfoort",
            "theme",
            KeyKind.EQUAL_AND_POPULATION,
            ("280000.00", "300000.00"),
            topic="wonen",
        ),
        DemoLine(
            "Pilot flexwonen",
            "project",
            KeyKind.PARTICIPANTS,
            ("120000.00", "150000.00"),
            topic="wonen",
            participants=("amersfoort", "soest", "leusden", "nijkerk"),
        ),
    ),
    # Amersfoort's only figure is of 1 July 2024: last year's budget counts the population on that date.
    reference_dates={-1: datetime.date(2024, 7, 1)},
)
DENDERREGIO = DemoBudget(
    "denderregio",
    (
        DemoLine(
            "Regiovorming en ondersteuning DBO",
            "programme",
            KeyKind.EQUAL_AND_POPULATION,
            ("560000.00", "600000.00"),
            topic="regiovorming",
            equal_fraction="0.5",
        ),
        DemoLine(
            "Streekmarketing Denderregio",
            "project",
            KeyKind.PERCENTAGES,
            ("240000.00", "250000.00"),
            topic="regiogevoel-en-imago",
            percentages_by_population=True,
        ),
    ),
)
DEMO_BUDGETS = (ACHTERHOEK, TWENTE, AMERSFOORT, DENDERREGIO)


def _line_input(
    cooperation: Cooperation, line: DemoLine, offset: int, members: list[tuple[Municipality, bool]]
) -> LineInput:
    """`members`: each member municipality with whether it takes part in all topics."""
    value = Decimal(line.amounts[offset])
    by_slug = {municipality.slug: municipality for municipality, _all in members}
    percentages: dict[Municipality, Decimal] = {}
    if line.percentages_by_population:
        populations = {
            m.slug: Fraction(_population(m)) for m, takes_part_in_all in members if takes_part_in_all
        }
        tenths = largest_remainder(1000, populations)  # tenths of a percent, adding up to exactly 100 %
        percentages = {by_slug[slug]: Decimal(count) / 10 for slug, count in tenths.items()}
    return LineInput(
        name=line.name,
        kind=line.kind,
        key_kind=line.key,
        amount=None if line.key == KeyKind.PER_INHABITANT else value,
        per_inhabitant=value if line.key == KeyKind.PER_INHABITANT else None,
        equal_fraction=Decimal(line.equal_fraction),
        topic=Topic.objects.filter(cooperation=cooperation, slug=line.topic).first() if line.topic else None,
        host=by_slug.get(line.host),
        participants=[by_slug[slug] for slug in line.participants if slug in by_slug],
        percentages=percentages,
        description=line.description,
    )


def _population(municipality: Municipality) -> int:
    figure = municipality.population_figures.order_by("-reference_date").first()
    return figure.count if figure else 1


def _members(cooperation: Cooperation, year: int) -> list[tuple[Municipality, bool]]:
    from naober.finance.contributions import budget_members

    probe = Budget(cooperation=cooperation, year=year)
    return [(member.municipality, member.takes_part_in_all) for member in budget_members(probe)]


def _budget(spec: DemoBudget, cooperation: Cooperation, year: int, offset: int, today: datetime.date) -> bool:
    if Budget.objects.filter(cooperation=cooperation, year=year).exists():
        return False
    budget = budget_create(
        cooperation=cooperation,
        year=year,
        population_reference_date=spec.reference_dates.get(offset - 1),
        board_treats_on=datetime.date(year - 1, 7, 2),
        by=None,
        channel=IMPORT,
    )
    members = _members(cooperation, year)
    for line in spec.lines:
        budget_line_save(
            budget=budget, data=_line_input(cooperation, line, offset, members), by=None, channel=IMPORT
        )
    sent_on = datetime.date(year - 1, 4, 9)
    adopted_on = datetime.date(year - 1, 7, 2)
    if sent_on <= today:
        budget_send(budget=budget, sent_on=sent_on, by=None, open_round=False, channel=IMPORT)
    if adopted_on <= today:
        budget_adopt(budget=budget, adopted_on=adopted_on, by=None, channel=IMPORT)
    return True


def _achterhoek_change(cooperation: Cooperation, year: int, today: datetime.date) -> bool:
    """This year's first budget change: more for Smart Werken, through the councils' procedure."""
    adopted = Budget.objects.filter(cooperation=cooperation, year=year, status=BudgetStatus.ADOPTED).first()
    if adopted is None or adopted.version != 1:
        return False
    change = budget_change_create(
        budget=adopted, by=None, title=f"1e begrotingswijziging {year}", channel=IMPORT
    )
    line = change.lines.get(name="Smart Werken")
    members = _members(cooperation, year)
    spec = next(item for item in ACHTERHOEK.lines if item.name == "Smart Werken")
    data = _line_input(cooperation, spec, 1, members)
    data.per_inhabitant = Decimal("3.75")
    budget_line_save(budget=change, line=line, data=data, by=None, channel=IMPORT)
    sent_on, adopted_on = datetime.date(year, 1, 14), datetime.date(year, 4, 8)
    if sent_on <= today:
        budget_send(budget=change, sent_on=sent_on, by=None, open_round=False, channel=IMPORT)
    if adopted_on <= today:
        budget_adopt(budget=change, adopted_on=adopted_on, by=None, channel=IMPORT)
    return True


def _achterhoek_next(cooperation: Cooperation, year: int, today: datetime.date) -> bool:
    """Next year's draft budget, sent to the councils: the round of the councils demo if it is there."""
    if Budget.objects.filter(cooperation=cooperation, year=year).exists():
        return False
    dossier = (
        Dossier.objects.filter(cooperation=cooperation, title__startswith=f"Ontwerpbegroting {year}")
        .order_by("pk")
        .first()
    )
    sent_on = today - datetime.timedelta(days=70)
    round_sent = (
        dossier.consultation_rounds.order_by("sent_on").values_list("sent_on", flat=True).first()
        if dossier
        else None
    )
    sent_on = round_sent or sent_on
    previous = Budget.objects.filter(cooperation=cooperation, year=year - 1).order_by("-version").first()
    budget = budget_create(
        cooperation=cooperation,
        year=year,
        board_treats_on=sent_on + datetime.timedelta(weeks=12),
        copy_from=previous,
        dossier=dossier,
        note="Ontwerpbegroting voor zienswijzen van de gemeenteraden.",
        by=None,
        channel=IMPORT,
    )
    general = budget.lines.select_related("cost_key").get(name=ACHTERHOEK.lines[0].name)
    data = _line_input(cooperation, ACHTERHOEK.lines[0], 1, _members(cooperation, year))
    data.amount = Decimal("1920000.00")  # indexation
    budget_line_save(budget=budget, line=general, data=data, by=None, channel=IMPORT)
    budget_send(budget=budget, sent_on=sent_on, by=None, channel=IMPORT)
    return True


def load(*, today: datetime.date) -> list[str]:
    made = 0
    for spec in DEMO_BUDGETS:
        cooperation = Cooperation.objects.filter(slug=spec.cooperation).first()
        if cooperation is None:
            continue
        for offset in (0, 1):
            made += _budget(spec, cooperation, today.year - 1 + offset, offset, today)
    achterhoek = Cooperation.objects.filter(slug=ACHTERHOEK.cooperation).first()
    milestones = 0
    if achterhoek is not None:
        made += _achterhoek_change(achterhoek, today.year, today)
        made += _achterhoek_next(achterhoek, today.year + 1, today)
        for year in (today.year + 1, today.year + 2):
            milestones += len(
                cycle_generate(cooperation=achterhoek, budget_year=year, by=None, channel=IMPORT)
            )
    return [
        f"finance: {made} new budget(s) or budget change(s); "
        f"{milestones} budget-cycle milestone(s) of Regio Achterhoek"
    ]
