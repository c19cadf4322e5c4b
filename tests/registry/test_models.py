from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from naober.core.models import AuditEntry, Channel
from naober.core.services import object_save
from naober.registry import selectors, services
from naober.registry.models import Cooperation, LegalForm, Municipality, Participation
from tests.factories import (
    CooperationFactory,
    MunicipalityFactory,
    OrganisationFactory,
    ParticipationFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("country", "code", "valid"),
    [
        ("NL", "GM0307", True),
        ("BE", "41002", True),
        ("NL", "41002", False),
        ("BE", "GM0307", False),
        ("NL", "GM307", False),
    ],
)
def test_municipality_code_must_match_country(country: str, code: str, valid: bool) -> None:
    municipality = Municipality(
        name="X", slug=f"x-{code}", country=country, code=code, province="P", holiday_region="nl-midden"
    )
    if valid:
        object_save(instance=municipality)
        assert municipality.pk is not None
    else:
        with pytest.raises(ValidationError):
            object_save(instance=municipality)
        assert not Municipality.objects.filter(code=code).exists()


def test_code_constraint_holds_in_the_database_too() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Municipality.objects.create(
            name="X", slug="x", country="BE", code="GM0001", province="P", holiday_region="be-vl"
        )


def test_population_history_is_kept_and_looked_up_on_a_date() -> None:
    municipality = MunicipalityFactory()
    for year, count in ((2022, 100), (2023, 110), (2024, 120)):
        services.population_figure_record(
            municipality=municipality,
            reference_date=datetime.date(year, 1, 1),
            count=count,
            source="CBS",
            approximate=False,
        )
    assert municipality.population_figures.count() == 3
    lookup = selectors.population_figure_on
    assert lookup(municipality=municipality, on=datetime.date(2023, 6, 30)).count == 110
    assert lookup(municipality=municipality, on=datetime.date(2024, 1, 1)).count == 120
    assert lookup(municipality=municipality, on=datetime.date(2021, 12, 31)) is None
    # correcting a figure on the same reference date replaces it, it does not add one
    services.population_figure_record(
        municipality=municipality,
        reference_date=datetime.date(2024, 1, 1),
        count=125,
        source="CBS",
        approximate=False,
    )
    assert lookup(municipality=municipality, on=datetime.date(2025, 1, 1)).count == 125
    assert municipality.population_figures.count() == 3


def test_participation_left_before_joined_is_refused() -> None:
    cooperation = CooperationFactory()
    with pytest.raises(ValidationError, match="na de datum van toetreden"):
        services.participation_join(
            cooperation=cooperation,
            participant=MunicipalityFactory(),
            joined_on=datetime.date(2020, 1, 1),
            left_on=datetime.date(2019, 1, 1),
        )
    assert not Participation.objects.exists()


def test_leaving_and_rejoining_keeps_both_periods() -> None:
    cooperation = CooperationFactory()
    municipality = MunicipalityFactory(name="Montferland")
    first = services.participation_join(
        cooperation=cooperation, participant=municipality, joined_on=datetime.date(2005, 1, 1)
    )
    services.participation_leave(participation=first, left_on=datetime.date(2015, 1, 1))
    services.participation_join(
        cooperation=cooperation, participant=municipality, joined_on=datetime.date(2024, 6, 7)
    )
    history = list(selectors.participation_history(cooperation=cooperation, municipality=municipality))
    assert [(item.joined_on.year, item.left_on) for item in history] == [
        (2005, datetime.date(2015, 1, 1)),
        (2024, None),
    ]
    table = selectors.cooperation_member_table
    assert [
        row.municipality for row in table(cooperation=cooperation, on=datetime.date(2020, 1, 1)).rows
    ] == []
    assert [
        row.municipality for row in table(cooperation=cooperation, on=datetime.date(2025, 1, 1)).rows
    ] == [municipality]


def test_overlapping_participation_is_refused() -> None:
    participation = ParticipationFactory(joined_on=datetime.date(2010, 1, 1))
    with pytest.raises(ValidationError, match="overlappende periode"):
        services.participation_join(
            cooperation=participation.cooperation,
            participant=participation.municipality,
            joined_on=datetime.date(2012, 1, 1),
        )


def test_participation_for_chosen_topics_only() -> None:
    cooperation = CooperationFactory()
    wonen = TopicFactory(cooperation=cooperation, name="Wonen")
    participation = services.participation_join(
        cooperation=cooperation,
        participant=MunicipalityFactory(),
        joined_on=datetime.date(2015, 1, 1),
        topics=[wonen],
    )
    assert participation.scope == Participation.Scope.TOPICS
    assert list(participation.topics.all()) == [wonen]


def test_participation_topics_must_belong_to_the_cooperation() -> None:
    cooperation = CooperationFactory()
    foreign = TopicFactory()
    with pytest.raises(ValidationError):
        services.participation_join(
            cooperation=cooperation,
            participant=MunicipalityFactory(),
            joined_on=datetime.date(2015, 1, 1),
            topics=[foreign],
        )
    assert not Participation.objects.exists()


def test_participation_is_of_exactly_one_participant() -> None:
    participation = Participation(
        cooperation=CooperationFactory(),
        municipality=MunicipalityFactory(),
        organisation=OrganisationFactory(),
        joined_on=datetime.date(2020, 1, 1),
    )
    with pytest.raises(ValidationError, match="precies één gemeente of één organisatie"):
        object_save(instance=participation)


def test_a_municipality_takes_part_in_many_cooperations() -> None:
    municipality = MunicipalityFactory(name="Barneveld")
    for name in ("Regio Amersfoort", "Regio Foodvalley"):
        ParticipationFactory(cooperation=CooperationFactory(name=name), municipality=municipality)
    names = [
        item.cooperation.name
        for item in selectors.municipality_cooperation_list(
            municipality=municipality, on=datetime.date(2026, 1, 1)
        )
    ]
    assert names == ["Regio Amersfoort", "Regio Foodvalley"]


def test_cooperation_validation_of_time_zone_and_goals() -> None:
    cooperation = Cooperation(
        name="R",
        slug="r",
        country="NL",
        legal_form=LegalForm.NETWORK,
        time_zone="Europe/Atlantis",
        strategic_goals=["ok"],
    )
    with pytest.raises(ValidationError) as error:
        object_save(instance=cooperation)
    assert "time_zone" in error.value.message_dict
    cooperation.time_zone = "Europe/Brussels"
    cooperation.strategic_goals = ["ok", ""]
    with pytest.raises(ValidationError) as error:
        object_save(instance=cooperation)
    assert "strategic_goals" in error.value.message_dict


def test_writes_are_audited_with_actor_channel_and_changes() -> None:
    user = UserFactory(username="secretaris")
    municipality = MunicipalityFactory(name="Soest")
    municipality.province = "Gelderland"
    object_save(instance=municipality, by=user, channel=Channel.ADMIN)
    entry = AuditEntry.objects.get(object_type="registry.municipality", object_id=str(municipality.pk))
    assert entry.actor == user
    assert entry.channel == "admin"
    assert entry.action == "update"
    assert entry.changes == {"province": ["Utrecht", "Gelderland"]}
    # saving without a change records nothing
    object_save(instance=municipality, by=user)
    assert AuditEntry.objects.filter(object_id=str(municipality.pk)).count() == 1


@pytest.mark.parametrize("slug", ["zoeken", "secretariaat", "beheer", "oparl"])
def test_a_cooperation_slug_may_not_shadow_a_site_path(slug: str) -> None:
    cooperation = Cooperation(name="Regio", slug=slug, country="NL", legal_form=LegalForm.NETWORK)
    with pytest.raises(ValidationError) as error:
        object_save(instance=cooperation)
    assert "slug" in error.value.message_dict
