"""Builders for council-involvement tests: a cooperation with members, a (public) dossier, rounds, clerks."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from naober.access.models import MunicipalityRole
from naober.accounts.models import CooperationRole, User
from naober.councils.models import ConsultationRound
from naober.councils.services import round_open
from naober.governance.models import Body, BodyKind
from naober.meetings.models import Dossier
from naober.meetings.services.agenda import agenda_item_add
from naober.meetings.services.convene import meeting_convene
from naober.meetings.services.dossier import dossier_create
from naober.meetings.services.meeting import meeting_plan
from naober.registry.models import Cooperation, Municipality
from tests.factories import (
    BodyFactory,
    CooperationFactory,
    MunicipalityFactory,
    ParticipationFactory,
    PopulationFigureFactory,
    UserFactory,
)

POPULATIONS = (("doetinchem", 58000), ("aalten", 27000), ("winterswijk", 29000), ("berkelland", 44000))


@dataclass
class Region:
    cooperation: Cooperation
    board: Body
    members: list[Municipality]
    editor: User
    clerks: dict[str, User] = field(default_factory=dict)


def region(*, slug: str = "regio-test", populations: tuple[tuple[str, int], ...] = POPULATIONS) -> Region:
    cooperation = CooperationFactory(name=f"Regio {slug}", slug=slug)
    board = BodyFactory(
        cooperation=cooperation, name="Algemeen bestuur", slug="ab", kind=BodyKind.GENERAL_BOARD
    )
    members = []
    for name, count in populations:
        municipality = Municipality.objects.filter(slug=name).first() or MunicipalityFactory(
            name=name.capitalize(), slug=name
        )
        ParticipationFactory(cooperation=cooperation, municipality=municipality)
        if not municipality.population_figures.exists():
            PopulationFigureFactory(
                municipality=municipality, reference_date=datetime.date(2024, 1, 1), count=count
            )
        members.append(municipality)
    editor = UserFactory(username=f"editor-{slug}", email=f"editor-{slug}@example.org")
    CooperationRole.objects.create(user=editor, cooperation=cooperation, role="editor")
    result = Region(cooperation=cooperation, board=board, members=members, editor=editor)
    for municipality in members:
        existing = MunicipalityRole.objects.filter(municipality=municipality).select_related("user").first()
        if existing is not None:
            result.clerks[municipality.slug] = existing.user
            continue
        clerk = UserFactory(
            username=f"griffier-{municipality.slug}-{slug}", email=f"griffie-{municipality.slug}@example.org"
        )
        MunicipalityRole.objects.create(user=clerk, municipality=municipality)
        result.clerks[municipality.slug] = clerk
    return result


def public_dossier(
    world: Region, *, title: str = "Ontwerpbegroting 2027", confidentiality: str = "public"
) -> Dossier:
    """A dossier on the agenda of a convened (published) meeting, so an anonymous visitor may see it."""
    dossier = dossier_create(cooperation=world.cooperation, title=title, confidentiality=confidentiality)
    start = timezone.now() + datetime.timedelta(days=20)
    meeting = meeting_plan(body=world.board, start=start, end=start + datetime.timedelta(hours=2))
    agenda_item_add(
        meeting=meeting, title=title, dossier=dossier, confidentiality=confidentiality, expected_version=None
    )
    meeting.refresh_from_db()
    meeting_convene(meeting=meeting, expected_version=meeting.version, by=None)
    return dossier


def budget_round(
    world: Region, dossier: Dossier, *, days_ago: int = 30, **kwargs: object
) -> ConsultationRound:
    return round_open(
        dossier=dossier,
        kind="budget",
        sent_on=timezone.localdate() - datetime.timedelta(days=days_ago),
        by=None,
        body=world.board,
        **kwargs,
    )
