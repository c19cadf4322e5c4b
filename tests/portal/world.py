"""A region with a year of meetings as the portal shows them: held, cancelled, upcoming and not yet convened;
public, confidential and secret items and documents; a public and a confidential dossier; a member account.

The titles of what a visitor may not see are constants, so leak tests can look for them everywhere.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

from django.utils import timezone

from naober.access.models import LegalGround
from naober.access.secrecy import secrecy_impose
from naober.accounts.models import User
from naober.core.models import Confidentiality
from naober.governance.models import Body, MembershipRole, Person
from naober.meetings.models import (
    AgendaItem,
    AttendanceStatus,
    ConsultationRole,
    DecisionOutcome,
    Document,
    DocumentKind,
    Dossier,
    Meeting,
    MeetingStatus,
)
from naober.meetings.services.agenda import agenda_item_add
from naober.meetings.services.decisions import attendance_record, decision_record
from naober.meetings.services.documents import document_add
from naober.meetings.services.dossier import consultation_step_for, dossier_create, dossier_plan_route
from naober.meetings.services.meeting import meeting_cancel, meeting_plan
from tests.factories import MembershipFactory, PersonFactory, UserFactory
from tests.portal.conftest import Region, build_region
from tests.samples import pdf_bytes

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
PUBLIC_ITEM = "Regionale woondeal"
PUBLIC_DOCUMENT = "Voorstel regionale woondeal"
PUBLIC_DOSSIER = "Woondeal regio"
CONFIDENTIAL_ITEM = "Grondaankoop Hooglanderveen vertrouwelijk"
CONFIDENTIAL_DOCUMENT = "Taxatierapport Hooglanderveen"
CONFIDENTIAL_DOSSIER = "Grondpositie bedrijventerrein"
SECRET_ITEM = "Onderhandelingsruimte Vathorst geheim"
SECRET_DOCUMENT = "Biedingsstrategie Vathorst"
UNPUBLISHED_MEETING = "Extra overleg nog niet bijeengeroepen"
UNPUBLISHED_ITEM = "Concept huisvestingsplan nog niet openbaar"
HIDDEN_TITLES = (
    CONFIDENTIAL_ITEM,
    CONFIDENTIAL_DOCUMENT,
    CONFIDENTIAL_DOSSIER,
    SECRET_ITEM,
    SECRET_DOCUMENT,
    UNPUBLISHED_MEETING,
    UNPUBLISHED_ITEM,
)


def at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=AMSTERDAM)


@dataclass
class PortalWorld:
    region: Region
    held: Meeting
    cancelled: Meeting
    upcoming: Meeting
    unpublished: Meeting
    public_item: AgendaItem
    confidential_item: AgendaItem
    secret_item: AgendaItem
    public_document: Document
    dossier: Dossier
    confidential_dossier: Dossier
    member: User
    member_person: Person
    attendee: Person

    @property
    def slug(self) -> str:
        return self.region.cooperation.slug


def _convene(meeting: Meeting) -> Meeting:
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.CONVENED, convened_at=timezone.now())
    meeting.refresh_from_db()
    return meeting


def _plan(body: Body, day: datetime.date, **kwargs: object) -> Meeting:
    return meeting_plan(
        body=body,
        start=at(day, 14),
        end=at(day, 16),
        location="Stadhuis Amersfoort",
        online_url="https://meet.example.org/geheime-link",
        with_standard_items=False,
        **kwargs,
    )


def _item(meeting: Meeting, title: str, level: str = Confidentiality.PUBLIC, **kwargs: object) -> AgendaItem:
    return agenda_item_add(
        meeting=meeting,
        title=title,
        confidentiality=level,
        expected_version=None,
        **kwargs,
    )


def _document(
    title: str, level: str = Confidentiality.PUBLIC, kind: str = DocumentKind.PROPOSAL, **kwargs: object
) -> Document:
    return document_add(
        title=title,
        filename=f"{title}.pdf",
        content=pdf_bytes(title),
        confidentiality=level,
        kind=kind,
        **kwargs,
    )


def _held_meeting(region: Region, day: datetime.date, number: int, dossier: Dossier | None) -> Meeting:
    """A past meeting of the BO with public items, each with a document and a decision."""
    meeting = _plan(region.bo, day)
    items = [
        _item(meeting, f"{PUBLIC_ITEM} {number}.{index}" if index else PUBLIC_ITEM, dossier=dossier)
        for index in range(2)
    ]
    for item in items:
        _document(f"{PUBLIC_DOCUMENT} {item.pk}", agenda_item=item)
    _convene(meeting)
    for item in items:
        decision_record(
            item=item,
            outcome=DecisionOutcome.ADOPTED,
            text=f"Besluit over {item.title}.",
            expected_version=None,
        )
    return meeting


def build_portal_world(
    *, slug: str = "regio-test", members: int = 3, extra_meetings: int = 0, extra_items: int = 0
) -> PortalWorld:
    """The region of `build_region` with meetings; for size tests `extra_meetings` more held meetings and
    `extra_items` more public items (with a document and a decision) on the held meeting."""
    region = build_region(members=members, slug=slug)
    cooperation = region.cooperation
    today = timezone.localdate()
    past, future = today - datetime.timedelta(days=20), today + datetime.timedelta(days=20)

    member = UserFactory(username=f"lid-{slug}")
    member_person = PersonFactory(user=member, given_name="Mila", family_name="Lid")
    MembershipFactory(body=region.bo, person=member_person, role=MembershipRole.MEMBER)

    dossier = dossier_create(cooperation=cooperation, title=PUBLIC_DOSSIER, topic=region.bo.topic)
    dossier_plan_route(
        dossier=dossier,
        steps=[
            (region.ao, ConsultationRole.PREPARE),
            (region.bo, ConsultationRole.ADVISE),
            (region.board, ConsultationRole.DECIDE),
        ],
    )
    confidential_dossier = dossier_create(
        cooperation=cooperation, title=CONFIDENTIAL_DOSSIER, confidentiality=Confidentiality.CONFIDENTIAL
    )

    held = _plan(region.bo, past, title="")
    public_item = _item(held, PUBLIC_ITEM, dossier=dossier)
    confidential_item = _item(
        held, CONFIDENTIAL_ITEM, Confidentiality.CONFIDENTIAL, dossier=confidential_dossier
    )
    secret_item = _item(held, SECRET_ITEM)
    extra = [_item(held, f"Extra punt {number}", dossier=dossier) for number in range(extra_items)]
    for item in extra:
        _document(f"Stuk bij extra punt {item.pk}", agenda_item=item)
    _item(held, "Rondvraag")
    consultation_step_for(
        dossier=dossier, body=region.bo, role=ConsultationRole.ADVISE, agenda_item=public_item
    )
    consultation_step_for(
        dossier=confidential_dossier,
        body=region.bo,
        role=ConsultationRole.DECIDE,
        agenda_item=confidential_item,
    )
    public_document = _document(PUBLIC_DOCUMENT, agenda_item=public_item)
    _document(CONFIDENTIAL_DOCUMENT, Confidentiality.CONFIDENTIAL, agenda_item=public_item)
    _document(SECRET_DOCUMENT, agenda_item=secret_item)
    _document("Bijlage bij het dossier", dossier=dossier, kind=DocumentKind.ANNEX)
    _convene(held)
    for item, outcome in (
        (public_item, DecisionOutcome.ADOPTED),
        (confidential_item, DecisionOutcome.REJECTED),
        (secret_item, DecisionOutcome.ADOPTED),
        *((item, DecisionOutcome.NOTED) for item in extra),
    ):
        decision_record(
            item=item, outcome=outcome, text=f"Besluit: {item.title}.", votes=(5, 1, 0), expected_version=None
        )
    secrecy_impose(
        item=secret_item,
        imposed_by=region.bo,
        legal_ground=LegalGround.COMPETITION_SENSITIVE,
        recipients=[member],
        by=None,
    )
    people = [membership.person for membership in region.bo.memberships.select_related("person")]
    attendee = people[0]
    for person in people:
        if person != member_person:
            attendance_record(meeting=held, person=person, status=AttendanceStatus.PRESENT)
    attendance_record(meeting=held, person=member_person, status=AttendanceStatus.EXCUSED)

    for number in range(extra_meetings):
        _held_meeting(region, past - datetime.timedelta(days=number + 1), number, dossier)

    cancelled = _convene(_plan(region.board, future))
    meeting_cancel(meeting=cancelled, reason="Onvoldoende agendapunten", expected_version=None)
    upcoming = _plan(region.bo, future + datetime.timedelta(days=7))
    _item(upcoming, "Voortgang woondeal")
    _convene(upcoming)
    unpublished = _plan(region.bo, future + datetime.timedelta(days=14), title=UNPUBLISHED_MEETING)
    _item(unpublished, UNPUBLISHED_ITEM)
    return PortalWorld(
        region=region,
        held=Meeting.objects.select_related("cooperation", "body__topic").get(pk=held.pk),
        cancelled=Meeting.objects.select_related("cooperation", "body__topic").get(pk=cancelled.pk),
        upcoming=Meeting.objects.select_related("cooperation", "body__topic").get(pk=upcoming.pk),
        unpublished=Meeting.objects.select_related("cooperation", "body__topic").get(pk=unpublished.pk),
        public_item=public_item,
        confidential_item=confidential_item,
        secret_item=secret_item,
        public_document=public_document,
        dossier=dossier,
        confidential_dossier=confidential_dossier,
        member=member,
        member_person=member_person,
        attendee=attendee,
    )
