"""One cooperation with content at every confidentiality level, each carrying unique marker words.

Marker words are nonsense, so they occur nowhere else: finding one in a channel's output means that content
went out through that channel.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core import mail
from django.db.models import F
from django.utils import timezone

from naober.access.models import LegalGround, MunicipalityRole
from naober.access.secrecy import secrecy_impose
from naober.accounts.models import CooperationRole, User
from naober.governance.models import BodyKind, MembershipRole
from naober.meetings.models import AgendaItemKind, DecisionOutcome, Document, Meeting
from naober.meetings.services.agenda import agenda_item_add
from naober.meetings.services.convene import meeting_convene
from naober.meetings.services.decisions import attendance_record, decision_record
from naober.meetings.services.documents import document_add
from naober.meetings.services.dossier import consultation_step_for, dossier_create
from naober.meetings.services.meeting import meeting_plan
from naober.registry.models import Cooperation
from tests.factories import (
    BodyFactory,
    CooperationFactory,
    MembershipFactory,
    MunicipalityFactory,
    ParticipationFactory,
    PersonFactory,
    TopicFactory,
    UserFactory,
)
from tests.samples import pdf_bytes

PUBLIC = frozenset({"qxpubtitel", "qxpubbesluit", "qxpubdoctitel", "qxpubdoctekst"})
CONFIDENTIAL = frozenset(
    {
        "qxvertitel",
        "qxvertoelichting",
        "qxverbesluit",
        "qxverdoctitel",
        "qxverdoctekst",
        "qxversubpunt",
        "qxverdossier",
    }
)
SECRET = frozenset(
    {
        "qxgeheimtitel",
        "qxgeheimtoelichting",
        "qxgeheimbesluit",
        "qxgeheimdoctitel",
        "qxgeheimdoctekst",
        "qxgeheimlosdoctitel",
        "qxgeheimlosdoctekst",
    }
)
EMBARGOED = frozenset({"qxembargotitel"})
UNPUBLISHED = frozenset({"qxongepubliceerd"})
ALL = PUBLIC | CONFIDENTIAL | SECRET | EMBARGOED | UNPUBLISHED

ROLES = (
    "anonymous",
    "outsider",
    "guest",
    "member",
    "other_member",
    "clerk",
    "recipient",
    "editor",
    "administrator",
    "other_editor",
    "platform_admin",
)


def allowed(role: str) -> frozenset[str]:
    """What each role may see, by the rules in docs/architecture.md (Permissions)."""
    if role in ("editor", "administrator", "platform_admin"):
        return PUBLIC | CONFIDENTIAL | EMBARGOED | UNPUBLISHED
    if role == "member":
        return PUBLIC | CONFIDENTIAL | EMBARGOED
    if role == "recipient":
        return PUBLIC | SECRET
    return PUBLIC


@dataclass
class World:
    cooperation: Cooperation
    meeting: Meeting
    unpublished: Meeting
    dossier_id: int
    users: dict[str, User]
    documents: list[Document] = field(default_factory=list)
    mails: list[mail.EmailMessage] = field(default_factory=list)


def _user(name: str) -> User:
    return UserFactory(username=name, email=f"{name}@example.org")


def build_world(capture_on_commit) -> World:
    cooperation = CooperationFactory(name="Regio Lekkerland", slug="regio-lekkerland")
    other_cooperation = CooperationFactory(name="Regio Elders", slug="regio-elders")
    topic = TopicFactory(cooperation=cooperation, name="Wonen", slug="wonen")
    soest = MunicipalityFactory(name="Soest", code="GM0342")
    ParticipationFactory(cooperation=cooperation, municipality=soest)
    bo = BodyFactory(
        cooperation=cooperation,
        name="BO Wonen",
        short_name="BO",
        slug="bo-wonen",
        topic=topic,
        kind=BodyKind.PORTFOLIO_MEETING,
    )
    board = BodyFactory(
        cooperation=cooperation, name="Regiobestuur", slug="bestuur", kind=BodyKind.GENERAL_BOARD
    )
    users = {role: _user(role) for role in ROLES if role != "anonymous"}
    for role, body, membership_role in (
        ("member", bo, MembershipRole.MEMBER),
        ("guest", bo, MembershipRole.GUEST),
        ("other_member", board, MembershipRole.MEMBER),
    ):
        person = PersonFactory(user=users[role], email=users[role].email)
        MembershipFactory(body=body, person=person, role=membership_role, on_behalf_of_municipality=soest)
    CooperationRole.objects.create(user=users["editor"], cooperation=cooperation, role="editor")
    CooperationRole.objects.create(user=users["administrator"], cooperation=cooperation, role="administrator")
    CooperationRole.objects.create(user=users["other_editor"], cooperation=other_cooperation, role="editor")
    MunicipalityRole.objects.create(user=users["clerk"], municipality=soest)
    users["platform_admin"].is_superuser = users["platform_admin"].is_staff = True
    users["platform_admin"].save()

    day = timezone.now() + datetime.timedelta(days=14)
    meeting = meeting_plan(body=bo, start=day, end=day + datetime.timedelta(hours=2), location="Stadhuis")
    add = agenda_item_add
    public = add(
        meeting=meeting, title="Woondeal qxpubtitel", kind=AgendaItemKind.DECISION, expected_version=None
    )
    confidential = add(
        meeting=meeting,
        title="Grondpositie qxvertitel",
        description="Toelichting qxvertoelichting",
        kind=AgendaItemKind.DECISION,
        confidentiality="confidential",
        expected_version=None,
    )
    add(meeting=meeting, title="Taxatie qxversubpunt", parent=confidential, expected_version=None)
    secret = add(
        meeting=meeting,
        title="Onderhandeling qxgeheimtitel",
        description="Inzet qxgeheimtoelichting",
        kind=AgendaItemKind.DECISION,
        confidentiality="secret",
        expected_version=None,
    )
    embargoed = add(meeting=meeting, title="Persbericht qxembargotitel", expected_version=None)
    embargoed.embargo_until = timezone.now() + datetime.timedelta(days=60)
    embargoed.save(update_fields=["embargo_until"])
    secrecy_impose(
        item=secret,
        imposed_by=bo,
        legal_ground=LegalGround.ECONOMIC_INTERESTS,
        recipients=[users["recipient"]],
        by=None,
    )
    dossier = dossier_create(
        cooperation=cooperation, title="Dossier qxverdossier", confidentiality="confidential"
    )
    confidential.dossier = dossier
    confidential.save(update_fields=["dossier"])
    consultation_step_for(dossier=dossier, body=bo, role="advise", agenda_item=confidential)

    world = World(
        cooperation=cooperation, meeting=meeting, unpublished=meeting, dossier_id=dossier.pk, users=users
    )
    with capture_on_commit(execute=True):
        for item, title, text, level in (
            (public, "Voorstel qxpubdoctitel", "Inhoud qxpubdoctekst", "public"),
            (confidential, "Taxatierapport qxverdoctitel", "Inhoud qxverdoctekst", "confidential"),
            (secret, "Bod qxgeheimdoctitel", "Inhoud qxgeheimdoctekst", "confidential"),
            (public, "Bijlage qxgeheimlosdoctitel", "Inhoud qxgeheimlosdoctekst", "secret"),
        ):
            document = document_add(
                title=title,
                filename="stuk.pdf",
                content=pdf_bytes(text),
                agenda_item=item,
                confidentiality=level,
            )
            if level == "secret":
                secrecy_impose(
                    document=document,
                    imposed_by=bo,
                    legal_ground=LegalGround.PRIVACY,
                    recipients=[users["recipient"]],
                    by=None,
                )
            world.documents.append(document)
        mail.outbox.clear()
        meeting.refresh_from_db()
        meeting_convene(meeting=meeting, expected_version=meeting.version, by=None)
    world.mails = list(mail.outbox)

    # The meeting day comes: attendance and decisions.
    Meeting.objects.filter(pk=meeting.pk).update(
        start=F("start") - datetime.timedelta(days=15), end=F("end") - datetime.timedelta(days=15)
    )
    meeting.refresh_from_db()
    attendance_record(meeting=meeting, person=users["member"].person, status="present")
    for item, text in (
        (public, "Besluit qxpubbesluit"),
        (confidential, "Besluit qxverbesluit"),
        (secret, "Besluit qxgeheimbesluit"),
    ):
        item.refresh_from_db()
        decision_record(item=item, outcome=DecisionOutcome.ADOPTED, text=text, expected_version=None)

    later = timezone.now() + datetime.timedelta(days=30)
    unpublished = meeting_plan(body=bo, start=later, end=later + datetime.timedelta(hours=2))
    add(meeting=unpublished, title="Concept qxongepubliceerd", expected_version=None)
    world.unpublished = unpublished
    meeting.refresh_from_db()
    return world
