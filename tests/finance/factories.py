"""Factories and a small world for the finance tests."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from naober.finance.models import Budget
from naober.finance.services import LineInput, budget_adopt, budget_create, budget_line_save, budget_send
from naober.registry.models import Cooperation, LegalForm, Municipality, Participation, Topic
from tests.factories import (
    CooperationFactory,
    MunicipalityFactory,
    ParticipationFactory,
    PopulationFigureFactory,
    TopicFactory,
)


class BudgetFactory(DjangoModelFactory):
    class Meta:
        model = Budget

    cooperation = factory.SubFactory(CooperationFactory)
    year = 2026


@dataclass
class Region:
    cooperation: Cooperation
    members: list[Municipality]
    topic: Topic
    topic_only: Municipality  # takes part in `topic` only


def region(
    *,
    slug: str = "regio-geld",
    legal_form: str = LegalForm.WGR_PUBLIC_BODY,
    populations=(10000, 20000, 30000),
) -> Region:
    cooperation = CooperationFactory(name=slug.replace("-", " ").title(), slug=slug, legal_form=legal_form)
    topic = TopicFactory(cooperation=cooperation, name="Wonen", slug="wonen")
    members = []
    for index, count in enumerate(populations):
        municipality = MunicipalityFactory(name=f"{slug} gemeente {index}", slug=f"{slug}-g{index}")
        PopulationFigureFactory(
            municipality=municipality, reference_date=datetime.date(2024, 1, 1), count=count
        )
        ParticipationFactory(
            cooperation=cooperation, municipality=municipality, joined_on=datetime.date(2010, 1, 1)
        )
        members.append(municipality)
    topic_only = MunicipalityFactory(name=f"{slug} deelnemer", slug=f"{slug}-deel")
    PopulationFigureFactory(municipality=topic_only, reference_date=datetime.date(2024, 1, 1), count=5000)
    participation = ParticipationFactory(
        cooperation=cooperation,
        municipality=topic_only,
        joined_on=datetime.date(2010, 1, 1),
        scope=Participation.Scope.TOPICS,
    )
    participation.topics.set([topic])
    return Region(cooperation=cooperation, members=members, topic=topic, topic_only=topic_only)


def line(budget: Budget, name: str = "Algemeen", amount: str = "1000.00", **kwargs) -> None:
    data = LineInput(
        name=name,
        key_kind=kwargs.pop("key_kind", "equal-and-population"),
        amount=Decimal(amount) if amount is not None else None,
        **kwargs,
    )
    return budget_line_save(budget=budget, data=data, by=None)


def published_budget(
    world: Region, *, year: int = 2026, adopt: bool = True, name: str = "Algemeen", amount: str = "1000.00"
) -> Budget:
    budget = budget_create(cooperation=world.cooperation, year=year, by=None)
    line(budget, name=name, amount=amount, equal_fraction=Decimal("0.5"))
    budget_send(budget=budget, sent_on=datetime.date(year - 1, 4, 1), by=None, open_round=False)
    if adopt:
        budget_adopt(budget=budget, adopted_on=datetime.date(year - 1, 7, 1), by=None)
    budget.refresh_from_db()
    return budget
