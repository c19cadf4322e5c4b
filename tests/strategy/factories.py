"""A small region with a strategic agenda whose projects are carried by published decisions and dossiers."""

from __future__ import annotations

import datetime
import decimal
from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone

from naober.accounts.models import CooperationRole, User
from naober.governance.models import Body, BodyKind
from naober.meetings.models import AgendaItem, AgendaItemKind, DecisionOutcome, Dossier, Meeting
from naober.meetings.services.agenda import agenda_item_add
from naober.meetings.services.convene import meeting_convene
from naober.meetings.services.decisions import decision_record
from naober.meetings.services.dossier import consultation_step_for, dossier_create
from naober.meetings.services.meeting import meeting_plan
from naober.registry.models import Cooperation, Municipality
from naober.strategy import services
from naober.strategy.models import Goal, Indicator, Programme, Project, Theme
from tests.factories import (
    BodyFactory,
    CooperationFactory,
    MembershipFactory,
    MunicipalityFactory,
    ParticipationFactory,
    PersonFactory,
    UserFactory,
)

TODAY = timezone.localdate()


@dataclass
class Agenda:
    cooperation: Cooperation
    board: Body
    bo: Body
    member: Municipality
    outsider: Municipality
    programme: Programme
    theme: Theme
    goal: Goal
    project: Project
    secret_project: Project
    dossier: Dossier
    closed_dossier: Dossier
    meeting: Meeting
    decision: AgendaItem
    closed_decision: AgendaItem
    indicator: Indicator
    editor: User
    bo_member: User

    def url(self, project: Project | None = None) -> str:
        base = f"/{self.cooperation.slug}/strategische-agenda/{self.programme.slug}/"
        return base if project is None else f"{base}projecten/{project.slug}/"


def programme_make(cooperation: Cooperation, *, slug: str = "agenda", **fields: object) -> Programme:
    values = {
        "title": "Koers Regio Voorbeeld 2025–2027",
        "start_date": TODAY.replace(month=1, day=1) - datetime.timedelta(days=365),
        "end_date": TODAY.replace(month=12, day=31) + datetime.timedelta(days=365),
        **fields,
    }
    return services.programme_save(programme=Programme(cooperation=cooperation, slug=slug, **values), by=None)


def project_make(
    programme: Programme, *, slug: str, goals: tuple[Goal, ...] | list[Goal] = (), **fields: object
) -> Project:
    project = Project(programme=programme, slug=slug, title=fields.pop("title", slug.title()), **fields)
    return services.project_save(project=project, by=None, goals=list(goals))


def _decided_meeting(
    cooperation: Cooperation, bo: Body, dossier: Dossier, closed_dossier: Dossier
) -> tuple[Meeting, AgendaItem, AgendaItem]:
    day = timezone.now() + datetime.timedelta(days=10)
    meeting = meeting_plan(body=bo, start=day, end=day + datetime.timedelta(hours=2), location="Stadhuis")
    decision = agenda_item_add(
        meeting=meeting, title="Woondeal vaststellen", kind=AgendaItemKind.DECISION, expected_version=None
    )
    closed = agenda_item_add(
        meeting=meeting,
        title="Grondaankoop zqgeheimpunt",
        kind=AgendaItemKind.DECISION,
        confidentiality="confidential",
        expected_version=None,
    )
    for item, linked in ((decision, dossier), (closed, closed_dossier)):
        item.dossier = linked
        item.save(update_fields=["dossier"])
        consultation_step_for(dossier=linked, body=bo, role="decide", agenda_item=item)
    meeting.refresh_from_db()
    meeting_convene(meeting=meeting, expected_version=meeting.version, by=None)
    Meeting.objects.filter(pk=meeting.pk).update(
        start=F("start") - datetime.timedelta(days=11), end=F("end") - datetime.timedelta(days=11)
    )
    for item in (decision, closed):
        item.refresh_from_db()
        decision_record(item=item, outcome=DecisionOutcome.ADOPTED, text="Besloten.", expected_version=None)
    meeting.refresh_from_db()
    return meeting, decision, closed


def agenda_make() -> Agenda:
    cooperation = CooperationFactory(name="Regio Voorbeeld", slug="regio-voorbeeld")
    member = MunicipalityFactory(name="Leusden", slug="leusden")
    outsider = MunicipalityFactory(name="Elders", slug="elders")
    ParticipationFactory(cooperation=cooperation, municipality=member)
    board = BodyFactory(cooperation=cooperation, name="Bestuur", slug="bestuur", kind=BodyKind.GENERAL_BOARD)
    bo = BodyFactory(cooperation=cooperation, name="BO Wonen", slug="bo-wonen")
    editor = UserFactory(username="redacteur")
    CooperationRole.objects.create(user=editor, cooperation=cooperation, role="editor")
    bo_member = UserFactory(username="lid")
    MembershipFactory(body=bo, person=PersonFactory(user=bo_member), on_behalf_of_municipality=member)
    dossier = dossier_create(cooperation=cooperation, title="Regionale woondeal")
    closed_dossier = dossier_create(
        cooperation=cooperation, title="Grondpositie zqgeheimdossier", confidentiality="confidential"
    )
    meeting, decision, closed_decision = _decided_meeting(cooperation, bo, dossier, closed_dossier)
    programme = programme_make(cooperation)
    theme = services.theme_save(theme=Theme(programme=programme, name="Wonen"), by=None)
    goal = services.goal_save(
        goal=Goal(programme=programme, number=1, title="Betaalbaar wonen", theme=theme), by=None
    )
    project = project_make(
        programme, slug="woondeal", title="Regionale woondeal uitvoeren", goals=[goal], lead_body=bo,
        lead_member=member, status="running", progress=40,
    )  # fmt: skip
    services.project_link(
        project=project, by=None, dossiers=[dossier, closed_dossier], decisions=[closed_decision]
    )
    secret_project = project_make(
        programme, slug="grond", title="Bedrijventerrein zqvertrouwelijkproject", goals=[goal], lead_body=bo,
        confidentiality="confidential",
    )  # fmt: skip
    services.project_link(project=secret_project, by=None, dossiers=[dossier])
    indicator = services.indicator_save(
        indicator=Indicator(
            project=project, name="Woningen gebouwd", unit="woningen", target=decimal.Decimal(500)
        ),
        by=None,
    )
    for days, value in ((300, 120), (150, 260), (10, 340)):
        services.measurement_record(
            indicator=indicator,
            measured_on=TODAY - datetime.timedelta(days=days),
            value=decimal.Decimal(value),
            by=None,
        )
    return Agenda(
        cooperation=cooperation,
        board=board,
        bo=bo,
        member=member,
        outsider=outsider,
        programme=programme,
        theme=theme,
        goal=goal,
        project=project,
        secret_project=secret_project,
        dossier=dossier,
        closed_dossier=closed_dossier,
        meeting=meeting,
        decision=decision,
        closed_decision=closed_decision,
        indicator=indicator,
        editor=editor,
        bo_member=bo_member,
    )
