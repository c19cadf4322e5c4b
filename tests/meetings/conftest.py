from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

import pytest

from naober.governance.models import Body, BodyKind
from naober.meetings.models import Meeting
from naober.meetings.services.meeting import meeting_plan
from naober.registry.models import Cooperation
from tests.factories import BodyFactory, CooperationFactory, TopicFactory

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=AMSTERDAM)


@dataclass
class Chain:
    cooperation: Cooperation
    ao: Body
    bo: Body
    board: Body


@pytest.fixture
def chain(db: None) -> Chain:
    cooperation = CooperationFactory(name="Regio Amersfoort", short_name="Regio Amersfoort", slug="ra")
    wonen = TopicFactory(cooperation=cooperation, name="Wonen", slug="wonen")
    board = BodyFactory(
        cooperation=cooperation, name="BORA", short_name="BORA", slug="bora", kind=BodyKind.GOVERNING_MEETING
    )
    bo = BodyFactory(
        cooperation=cooperation,
        name="BO Wonen",
        short_name="BO",
        slug="bo-wonen",
        topic=wonen,
        kind=BodyKind.PORTFOLIO_MEETING,
        documents_lead_days=10,
    )
    ao = BodyFactory(
        cooperation=cooperation,
        name="AO Wonen",
        short_name="AO",
        slug="ao-wonen",
        topic=wonen,
        kind=BodyKind.CIVIL_SERVANTS_MEETING,
        prepares=bo,
        documents_lead_days=7,
    )
    return Chain(cooperation=cooperation, ao=ao, bo=bo, board=board)


def plan(body: Body, day: datetime.date, hour: int = 14, **kwargs: object) -> Meeting:
    return meeting_plan(body=body, start=at(day, hour), end=at(day, hour + 2), **kwargs)
