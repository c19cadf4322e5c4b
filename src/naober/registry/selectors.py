"""Read path for the registry (public data; permission-aware variants arrive with the trust work)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery

from naober.registry.models import Cooperation, Municipality, Participation, PopulationFigure, Topic


def participation_active_q(*, on: datetime.date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}joined_on__lte": on}) & (
        Q(**{f"{prefix}left_on__isnull": True}) | Q(**{f"{prefix}left_on__gt": on})
    )


def population_figure_on(*, municipality: Municipality, on: datetime.date) -> PopulationFigure | None:
    """The latest population figure with a reference date on or before `on`."""
    return (
        PopulationFigure.objects.filter(municipality=municipality, reference_date__lte=on)
        .order_by("-reference_date")
        .first()
    )


def _latest_figure_subquery(on: datetime.date, field: str, ref: str = "municipality_id") -> Subquery:
    return Subquery(
        PopulationFigure.objects.filter(municipality_id=OuterRef(ref), reference_date__lte=on)
        .order_by("-reference_date")
        .values(field)[:1]
    )


def cooperation_list(*, on: datetime.date) -> QuerySet[Cooperation]:
    return Cooperation.objects.annotate(
        has_members=Exists(
            Participation.objects.filter(
                participation_active_q(on=on), cooperation_id=OuterRef("pk"), municipality__isnull=False
            )
        )
    ).order_by("name")


def cooperation_get(*, slug: str) -> Cooperation:
    return Cooperation.objects.get(slug=slug)


@dataclass(frozen=True)
class MemberRow:
    participation: Participation
    municipality: Municipality
    population: int | None
    population_date: datetime.date | None
    population_source: str
    population_approximate: bool
    topics: list[Topic]


@dataclass(frozen=True)
class MemberTable:
    rows: list[MemberRow]
    total_population: int
    any_approximate: bool
    latest_reference_date: datetime.date | None
    sources: list[str]


def _member_participations(*, on: datetime.date) -> QuerySet[Participation]:
    return (
        Participation.objects.filter(
            participation_active_q(on=on), municipality__isnull=False, role=Participation.Role.MEMBER
        )
        .select_related("municipality")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name")))
        .annotate(
            population=_latest_figure_subquery(on, "count"),
            population_date=_latest_figure_subquery(on, "reference_date"),
            population_source=_latest_figure_subquery(on, "source"),
            population_approximate=_latest_figure_subquery(on, "approximate"),
        )
        .order_by("municipality__name")
    )


def _member_table(participations: list[Participation]) -> MemberTable:
    rows = []
    for item in participations:
        if item.municipality is None:  # excluded by the query; narrows the type
            continue
        rows.append(
            MemberRow(
                participation=item,
                municipality=item.municipality,
                population=item.population,  # type: ignore[attr-defined]
                population_date=item.population_date,  # type: ignore[attr-defined]
                population_source=item.population_source or "",  # type: ignore[attr-defined]
                population_approximate=bool(item.population_approximate),  # type: ignore[attr-defined]
                topics=list(item.topics.all()) if item.scope == Participation.Scope.TOPICS else [],
            )
        )
    dates = [row.population_date for row in rows if row.population_date]
    return MemberTable(
        rows=rows,
        total_population=sum(row.population or 0 for row in rows),
        any_approximate=any(row.population_approximate for row in rows),
        latest_reference_date=max(dates) if dates else None,
        sources=sorted({row.population_source for row in rows if row.population_source}),
    )


def cooperation_member_table(*, cooperation: Cooperation, on: datetime.date) -> MemberTable:
    """Current member municipalities with their population on `on`, in two queries."""
    return _member_table(list(_member_participations(on=on).filter(cooperation=cooperation)))


def cooperation_partner_list(*, cooperation: Cooperation, on: datetime.date) -> QuerySet[Participation]:
    return (
        Participation.objects.filter(
            participation_active_q(on=on), cooperation=cooperation, organisation__isnull=False
        )
        .select_related("organisation")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name")))
        .order_by("organisation__name")
    )


def cooperation_former_member_list(*, cooperation: Cooperation, on: datetime.date) -> QuerySet[Participation]:
    """Participations that ended, for members that do not take part today."""
    current = Participation.objects.filter(
        participation_active_q(on=on), cooperation=cooperation, municipality_id=OuterRef("municipality_id")
    )
    return (
        Participation.objects.filter(cooperation=cooperation, municipality__isnull=False, left_on__lte=on)
        .exclude(Exists(current))
        .select_related("municipality")
        .order_by("municipality__name", "joined_on")
    )


def participation_history(*, cooperation: Cooperation, municipality: Municipality) -> QuerySet[Participation]:
    return Participation.objects.filter(cooperation=cooperation, municipality=municipality).order_by(
        "joined_on"
    )


def topic_list(*, cooperation: Cooperation) -> QuerySet[Topic]:
    return Topic.objects.filter(cooperation=cooperation).order_by("-is_theme", "name")


def municipality_cooperation_list(
    *, municipality: Municipality, on: datetime.date
) -> QuerySet[Participation]:
    return (
        Participation.objects.filter(participation_active_q(on=on), municipality=municipality)
        .select_related("cooperation")
        .order_by("cooperation__name")
    )


@dataclass(frozen=True)
class MemberSummary:
    members: int
    total_population: int


def cooperation_member_summaries(
    *, cooperations: list[Cooperation], on: datetime.date
) -> dict[int, MemberSummary]:
    """Member count and total population per cooperation (the home page), in one query of plain values: a
    national platform lists hundreds of cooperations, and full member tables cost it three quarters of its
    time."""
    rows = (
        Participation.objects.filter(
            participation_active_q(on=on),
            municipality__isnull=False,
            role=Participation.Role.MEMBER,
            cooperation__in=cooperations,
        )
        .annotate(population=_latest_figure_subquery(on, "count"))
        .values_list("cooperation_id", "population")
    )
    counts = {cooperation.pk: [0, 0] for cooperation in cooperations}
    for cooperation_id, population in rows:
        counts[cooperation_id][0] += 1
        counts[cooperation_id][1] += population or 0
    return {pk: MemberSummary(members, population) for pk, (members, population) in counts.items()}
