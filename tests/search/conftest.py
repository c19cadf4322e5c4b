"""A fresh search directory per test, and a cooperation with one reader of every kind and planted markers.

The markers are words that occur in exactly one closed object each, so a test can prove where they are
(and are not) found:

    zwaluwstaart   a confidential agenda item of a convened meeting of the BO
    kwartelkoning  a secret agenda item (recipient: `recipient`)
    ijsvogelnest   the text of a secret document on a public item (recipient: `recipient`)
    boomvalk       a public item of a meeting that is planned, not convened (the meeting is embargoed)
    grutto         a public item under embargo until EMBARGO_END
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from naober.access.models import LegalGround
from naober.access.secrecy import secrecy_impose
from naober.access.viewer import Viewer, viewer_for
from naober.accounts.models import CooperationRole, User
from naober.core.models import Confidentiality
from naober.governance.models import MembershipRole
from naober.meetings.models import AgendaItem, Document, Dossier, Meeting, MeetingStatus
from naober.meetings.services.agenda import agenda_item_add
from naober.meetings.services.documents import document_add, document_version_extract_text
from naober.meetings.services.dossier import consultation_step_for, dossier_create
from naober.search import backend as search_backend
from tests.factories import CooperationFactory, MembershipFactory, PersonFactory, UserFactory
from tests.meetings.conftest import Chain, chain, plan  # noqa: F401 - re-exported fixture
from tests.samples import pdf_bytes

FUTURE = timezone.localdate() + datetime.timedelta(days=30)
EMBARGO_END = timezone.now() + datetime.timedelta(days=60)
MARKERS = ("zwaluwstaart", "kwartelkoning", "ijsvogelnest", "boomvalk", "grutto")


@pytest.fixture(autouse=True)
def search_directory(settings: object, tmp_path: object) -> Iterator[None]:
    settings.NAOBER_SEARCH_DIR = str(tmp_path / "search")
    search_backend._backends.clear()
    yield
    search_backend._backends.clear()


def set_status(meeting: Meeting, status: str) -> Meeting:
    """Put a meeting in a state without the services' date rules (convening needs a future start)."""
    convened = timezone.now() if status != MeetingStatus.PLANNED else None
    Meeting.objects.filter(pk=meeting.pk).update(status=status, convened_at=convened)
    meeting.refresh_from_db()
    return meeting


def add_item(meeting: Meeting, title: str, description: str = "", **kwargs: object) -> AgendaItem:
    return agenda_item_add(
        meeting=meeting,
        title=title,
        description=description,
        expected_version=None,
        **kwargs,
    )


def add_document(title: str, text: str, **kwargs: object) -> Document:
    document = document_add(title=title, filename=f"{title}.pdf", content=pdf_bytes(text), **kwargs)
    document_version_extract_text(version=document.versions.get())
    return document


@dataclass
class World:
    chain: Chain
    convened: Meeting
    planned: Meeting
    public_item: AgendaItem
    confidential_item: AgendaItem
    secret_item: AgendaItem
    embargoed_item: AgendaItem
    unconvened_item: AgendaItem
    public_document: Document
    secret_document: Document
    dossier: Dossier
    hidden_dossier: Dossier
    users: dict[str, User | None]

    def viewer(self, name: str) -> Viewer:
        return viewer_for(self.users[name])


READERS = (
    "anonymous",
    "stranger",
    "guest",
    "member",
    "editor",
    "administrator",
    "other_editor",
    "platform_admin",
    "recipient",
)


@pytest.fixture
def world(chain: Chain) -> World:  # noqa: F811
    member = UserFactory(username="lid")
    MembershipFactory(body=chain.bo, person=PersonFactory(user=member), role=MembershipRole.MEMBER)
    guest = UserFactory(username="gast")
    MembershipFactory(body=chain.bo, person=PersonFactory(user=guest), role=MembershipRole.GUEST)
    editor = UserFactory(username="redacteur")
    CooperationRole.objects.create(
        user=editor, cooperation=chain.cooperation, role=CooperationRole.Role.EDITOR
    )
    administrator = UserFactory(username="beheerder")
    CooperationRole.objects.create(
        user=administrator, cooperation=chain.cooperation, role=CooperationRole.Role.ADMINISTRATOR
    )
    other_editor = UserFactory(username="elders")
    CooperationRole.objects.create(
        user=other_editor, cooperation=CooperationFactory(slug="elders"), role=CooperationRole.Role.EDITOR
    )
    recipient = UserFactory(username="ontvanger")
    users: dict[str, User | None] = {
        "anonymous": None,
        "stranger": UserFactory(username="vreemde"),
        "guest": guest,
        "member": member,
        "editor": editor,
        "administrator": administrator,
        "other_editor": other_editor,
        "platform_admin": UserFactory(username="platform", is_superuser=True, is_staff=True),
        "recipient": recipient,
    }

    convened = plan(chain.bo, FUTURE, with_standard_items=False, title="BO Wonen over de regio")
    dossier = dossier_create(
        cooperation=chain.cooperation, title="Regionaal woningbouwprogramma", summary="Woningen in de regio."
    )
    consultation_step_for(dossier=dossier, body=chain.bo, role="advise")
    public_item = add_item(
        convened, "Woningbouwprogramma regio", "De regio bouwt woningen voor starters.", dossier=dossier
    )
    confidential_item = add_item(
        convened,
        "Grondaankoop in de regio",
        "Onderhandeling over de zwaluwstaart-locatie in de regio.",
        confidentiality=Confidentiality.CONFIDENTIAL,
    )
    secret_item = add_item(convened, "Personele zaak in de regio", "De kwartelkoning vertrekt uit de regio.")
    secrecy_impose(
        item=secret_item,
        imposed_by=chain.board,
        legal_ground=LegalGround.PRIVACY,
        recipients=[recipient],
        by=None,
    )
    embargoed_item = add_item(convened, "Persbericht over de regio", "Het grutto-akkoord van de regio.")
    AgendaItem.objects.filter(pk=embargoed_item.pk).update(embargo_until=EMBARGO_END)
    public_document = add_document(
        "Voorstel woningbouw",
        "Het woningbouwprogramma van de regio telt veel woningen.",
        agenda_item=public_item,
    )
    secret_document = add_document(
        "Bijlage taxatie", "Taxatie ijsvogelnest voor de regio.", agenda_item=public_item
    )
    secrecy_impose(
        document=secret_document,
        imposed_by=chain.board,
        legal_ground=LegalGround.ECONOMIC_INTERESTS,
        recipients=[recipient],
        by=None,
    )
    planned = plan(chain.bo, FUTURE + datetime.timedelta(days=14), with_standard_items=False)
    unconvened_item = add_item(planned, "Concept over de regio", "De boomvalk-nota voor de regio.")
    hidden_dossier = dossier_create(cooperation=chain.cooperation, title="Nog niet geagendeerd over de regio")
    set_status(convened, MeetingStatus.CONVENED)
    world = World(
        chain=chain,
        convened=convened,
        planned=planned,
        public_item=public_item,
        confidential_item=confidential_item,
        secret_item=secret_item,
        embargoed_item=embargoed_item,
        unconvened_item=unconvened_item,
        public_document=public_document,
        secret_document=secret_document,
        dossier=dossier,
        hidden_dossier=hidden_dossier,
        users=users,
    )
    from naober.search.indexing import rebuild

    rebuild()
    return world


@contextmanager
def committed(capture: Callable[..., Any]) -> Iterator[None]:
    """Run the block's after-commit callbacks (the search update among them) as a commit would.

    The test's own transaction never commits, so earlier changes of the test left a pending search update
    registered before the capture began; start a fresh one for the block."""
    from naober.search import signals

    signals._state.pending = None
    with capture(execute=True):
        yield
