from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from naober.governance.models import Body, BodyKind, MembershipRole
from naober.registry.models import Cooperation, Participation
from tests.factories import (
    BodyFactory,
    CooperationFactory,
    MembershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    PopulationFigureFactory,
    TopicFactory,
)

if TYPE_CHECKING:
    from tests.portal.world import PortalWorld


@dataclass
class Region:
    cooperation: Cooperation
    board: Body
    bo: Body
    ao: Body


def build_region(*, members: int, slug: str = "regio-test", bos: int = 1) -> Region:
    """A region with `members` municipalities, a board, a secretaries' group and `bos` BO/AO pairs."""
    cooperation = CooperationFactory(name=f"Regio {slug}", slug=slug)
    topics = [
        TopicFactory(cooperation=cooperation, name=f"Wonen {index}", slug=f"wonen-{index}")
        for index in range(bos)
    ]
    board = BodyFactory(
        cooperation=cooperation,
        name="Bestuurlijk overleg regio",
        short_name="BORA",
        slug="bora",
        kind=BodyKind.GOVERNING_MEETING,
    )
    BodyFactory(
        cooperation=cooperation,
        name="Ambtelijke regiegroep",
        short_name="ARG",
        slug="arg",
        kind=BodyKind.SECRETARIES_GROUP,
        prepares=board,
    )
    pairs = []
    for index, topic in enumerate(topics):
        bo = BodyFactory(
            cooperation=cooperation,
            name=f"Bestuurlijk overleg {topic.name}",
            short_name="BO",
            slug=f"bo-{index}",
            kind=BodyKind.PORTFOLIO_MEETING,
            topic=topic,
        )
        ao = BodyFactory(
            cooperation=cooperation,
            name=f"Ambtelijk overleg {topic.name}",
            short_name="AO",
            slug=f"ao-{index}",
            kind=BodyKind.CIVIL_SERVANTS_MEETING,
            topic=topic,
            prepares=bo,
        )
        pairs.append((bo, ao))
    for index in range(members):
        municipality = MunicipalityFactory()
        PopulationFigureFactory(
            municipality=municipality, reference_date=datetime.date(2023, 1, 1), count=1000
        )
        PopulationFigureFactory(
            municipality=municipality,
            reference_date=datetime.date(2024, 1, 1),
            count=10000 + index,
            approximate=index % 2 == 0,
        )
        participation = ParticipationFactory(cooperation=cooperation, municipality=municipality)
        if index == 0 and topics:
            participation.scope = Participation.Scope.TOPICS
            participation.save()
            participation.topics.set(topics[:1])
        person = PersonFactory(function=f"burgemeester van {municipality.name}")
        MembershipFactory(
            body=board,
            person=person,
            on_behalf_of_municipality=municipality,
            role=MembershipRole.CHAIR if index == 0 else MembershipRole.MEMBER,
        )
        for bo, ao in pairs:
            MembershipFactory(
                body=bo, person=PersonFactory(), on_behalf_of_municipality=municipality, portfolio=bo.topic
            )
            MembershipFactory(body=ao, person=PersonFactory(), on_behalf_of_municipality=municipality)
    partner = OrganisationFactory(name="Samenwerkende woningcorporaties", short_name="SWC")
    ParticipationFactory(
        cooperation=cooperation, municipality=None, organisation=partner, role=Participation.Role.PARTNER
    )
    return Region(cooperation=cooperation, board=board, bo=pairs[0][0], ao=pairs[0][1])


@pytest.fixture
def region(db: None) -> Region:
    return build_region(members=3)


@pytest.fixture
def world(db: None) -> PortalWorld:
    from tests.portal.world import build_portal_world

    return build_portal_world()
