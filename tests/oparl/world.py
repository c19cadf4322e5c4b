"""A realistic region for the OParl tests, built through the services: members with population, a partner,
a board prepared by a BO prepared by an AO, people on behalf of members, convened, held, cancelled and
unpublished meetings, public, confidential and secret items and documents, dossiers with their route.

Confidential and secret content carries the marker `zzgeheim`; unpublished content `zzconcept`. Neither
may ever appear in the API.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import F
from django.utils import timezone

from naober.access.models import LegalGround
from naober.access.secrecy import secrecy_impose
from naober.governance.models import Body, BodyKind, MembershipRole
from naober.meetings.models import AgendaItemKind, DecisionOutcome, Document, DocumentKind, Dossier, Meeting
from naober.meetings.services.agenda import agenda_item_add
from naober.meetings.services.convene import meeting_convene
from naober.meetings.services.decisions import attendance_record, decision_record
from naober.meetings.services.documents import document_add, document_delete
from naober.meetings.services.dossier import consultation_step_for, dossier_create, dossier_plan_route
from naober.meetings.services.meeting import meeting_cancel, meeting_plan
from naober.registry.models import Cooperation, Organisation, Participation
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
from tests.samples import pdf_bytes

SECRET_MARKER = "zzgeheim"
UNPUBLISHED_MARKER = "zzconcept"


@dataclass
class Region:
    cooperation: Cooperation
    board: Body
    bo: Body
    ao: Body
    meetings: list[Meeting] = field(default_factory=list)
    unpublished: list[Meeting] = field(default_factory=list)
    public_documents: list[Document] = field(default_factory=list)
    hidden_documents: list[Document] = field(default_factory=list)
    deleted_documents: list[Document] = field(default_factory=list)
    dossiers: list[Dossier] = field(default_factory=list)
    hidden_dossiers: list[Dossier] = field(default_factory=list)


def _convened(body: Body, days_ago: int, *, title: str = "", location: str = "Stadhuis, Raadzaal") -> Meeting:
    start = timezone.now() + datetime.timedelta(days=10)
    meeting = meeting_plan(
        body=body, start=start, end=start + datetime.timedelta(hours=2), location=location, title=title
    )
    return meeting


def _publish_and_move(meeting: Meeting, days_ago: int) -> Meeting:
    meeting.refresh_from_db()
    meeting_convene(meeting=meeting, expected_version=meeting.version, by=None)
    shift = datetime.timedelta(days=10 + days_ago)
    Meeting.objects.filter(pk=meeting.pk).update(start=F("start") - shift, end=F("end") - shift)
    meeting.refresh_from_db()
    return meeting


def build_region(size: int = 2, *, slug: str = "regio-oparl", name: str = "Regio OParl") -> Region:
    """`size` scales everything that lists grow with: members, people, meetings, dossiers, documents."""
    cooperation = CooperationFactory(name=name, slug=slug, short_name="OParl", website="https://example.org")
    wonen = TopicFactory(cooperation=cooperation, name="Wonen", slug=f"wonen-{slug}")
    board = BodyFactory(
        cooperation=cooperation, name="Algemeen Bestuur", slug="ab", kind=BodyKind.GENERAL_BOARD
    )
    bo = BodyFactory(
        cooperation=cooperation,
        name="BO Wonen",
        short_name="BO",
        slug="bo-wonen",
        kind=BodyKind.PORTFOLIO_MEETING,
        topic=wonen,
        prepares=board,
        meetings_per_year_min=4,
        meetings_per_year_max=6,
    )
    ao = BodyFactory(
        cooperation=cooperation,
        name="AO Wonen",
        short_name="AO",
        slug="ao-wonen",
        kind=BodyKind.CIVIL_SERVANTS_MEETING,
        topic=wonen,
        prepares=bo,
    )
    region = Region(cooperation, board, bo, ao)
    partner = OrganisationFactory(name="Provincie Voorbeeld", kind=Organisation.Kind.PROVINCE)
    ParticipationFactory(cooperation=cooperation, municipality=None, organisation=partner, role="partner")
    people = []
    for index in range(size * 2):
        municipality = MunicipalityFactory(name=f"{slug} gemeente {index}")
        PopulationFigureFactory(municipality=municipality, count=10000 + index)
        participation = ParticipationFactory(cooperation=cooperation, municipality=municipality)
        if index == 1:
            participation.scope = Participation.Scope.TOPICS
            participation.save()
            participation.topics.add(wonen)
        for body, role in (
            (board, MembershipRole.MEMBER),
            (bo, MembershipRole.MEMBER),
            (ao, MembershipRole.GUEST),
        ):
            person = PersonFactory(function="wethouder", email=f"p{index}-{body.slug}@example.org")
            MembershipFactory(
                body=body, person=person, role=role, on_behalf_of_municipality=municipality, portfolio=wonen
            )
            people.append(person)
    for index in range(size):
        dossier = dossier_create(cooperation=cooperation, title=f"Woonagenda deel {index}", topic=wonen)
        dossier_plan_route(dossier=dossier, steps=[(ao, "prepare"), (bo, "advise"), (board, "decide")])
        region.dossiers.append(dossier)
        hidden = dossier_create(
            cooperation=cooperation,
            title=f"Grondaankoop {SECRET_MARKER} {index}",
            confidentiality="confidential",
        )
        region.hidden_dossiers.append(hidden)

        meeting = _convened(bo, days_ago=30 + index)
        public = agenda_item_add(
            meeting=meeting, title=f"Woonagenda {index}", kind=AgendaItemKind.DECISION, expected_version=None
        )
        public.dossier = dossier
        public.save(update_fields=["dossier"])
        consultation_step_for(dossier=dossier, body=bo, role="advise", agenda_item=public)
        agenda_item_add(meeting=meeting, title=f"Sub {index}", parent=public, expected_version=None)
        confidential = agenda_item_add(
            meeting=meeting,
            title=f"Onderhandeling {SECRET_MARKER}",
            description=f"Inzet {SECRET_MARKER}",
            kind=AgendaItemKind.DECISION,
            confidentiality="confidential",
            expected_version=None,
        )
        confidential.dossier = hidden
        confidential.save(update_fields=["dossier"])
        consultation_step_for(dossier=hidden, body=bo, role="advise", agenda_item=confidential)
        secret = agenda_item_add(
            meeting=meeting,
            title=f"Geheim {SECRET_MARKER}",
            kind=AgendaItemKind.DECISION,
            confidentiality="secret",
            expected_version=None,
        )
        secrecy_impose(item=secret, imposed_by=bo, legal_ground=LegalGround.PRIVACY, recipients=[], by=None)
        region.public_documents.append(
            document_add(
                title=f"Voorstel {index}",
                filename="voorstel.pdf",
                content=pdf_bytes(f"Woonagenda voorstel {index}"),
                agenda_item=public,
                kind=DocumentKind.PROPOSAL,
                extract_now=True,
            )
        )
        region.public_documents.append(
            document_add(
                title=f"Uitnodiging {index}",
                filename="uitnodiging.pdf",
                content=pdf_bytes("Uitnodiging"),
                meeting=meeting,
                kind=DocumentKind.INVITATION,
                extract_now=True,
            )
        )
        for item in (public, confidential):
            region.hidden_documents.append(
                document_add(
                    title=f"Taxatie {SECRET_MARKER}",
                    filename="taxatie.pdf",
                    content=pdf_bytes(f"Taxatie {SECRET_MARKER}"),
                    agenda_item=item,
                    confidentiality="confidential",
                    extract_now=True,
                )
            )
        gone = document_add(
            title=f"Ingetrokken {index}",
            filename="weg.pdf",
            content=pdf_bytes("Ingetrokken"),
            meeting=meeting,
            extract_now=True,
        )
        meeting = _publish_and_move(meeting, days_ago=30 + index)
        document_delete(document=gone)
        region.deleted_documents.append(gone)
        attendance_record(meeting=meeting, person=people[1], status="present")
        public.refresh_from_db()
        decision_record(
            item=public,
            outcome=DecisionOutcome.ADOPTED,
            text="Besloten conform voorstel",
            expected_version=None,
        )
        region.meetings.append(meeting)

        cancelled = _convened(board, days_ago=5)
        agenda_item_add(meeting=cancelled, title=f"Vervallen punt {index}", expected_version=None)
        cancelled = _publish_and_move(cancelled, days_ago=-20 - index)
        meeting_cancel(meeting=cancelled, reason="Geen agendapunten", expected_version=None, by=None)
        region.meetings.append(cancelled)

        draft = _convened(ao, days_ago=0, title=f"Concept {UNPUBLISHED_MARKER}")
        agenda_item_add(meeting=draft, title=f"Concept {UNPUBLISHED_MARKER}", expected_version=None)
        region.unpublished.append(draft)
    return region
