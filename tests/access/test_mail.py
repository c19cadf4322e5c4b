"""Invitations and update mails: each recipient sees what their account would; secrets only recipients."""

from __future__ import annotations

from email.mime.base import MIMEBase
from typing import Any

import pytest
from django.core import mail

from naober.access.models import LegalGround
from naober.access.secrecy import secrecy_impose
from naober.core.models import Confidentiality
from naober.governance.models import MembershipRole, Person
from naober.meetings.models import MeetingStatus
from naober.meetings.services.agenda import agenda_item_update
from naober.meetings.services.convene import meeting_convene
from tests.access.conftest import World, document, item, meeting
from tests.factories import MembershipFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db
SECRET = "Bod op bedrijventerrein De Wieken"
SECRET_DOC = "Taxatie De Wieken"
CONFIDENTIAL = "Grondpositie Hoogland"


def _person(world: World, name: str, *, account: bool, role: str = MembershipRole.MEMBER) -> Person:
    person = PersonFactory(
        given_name=name,
        email=f"{name.lower()}@example.org",
        user=UserFactory(username=name) if account else None,
    )
    MembershipFactory(body=world.chain.bo, person=person, role=role)
    return person


def _texts(email: str) -> str:
    (message,) = [m for m in mail.outbox if m.to == [email]]
    alternatives = [str(alternative[0]) for alternative in getattr(message, "alternatives", [])]
    attachments = [
        str(part.get_payload(decode=True)) for part in message.attachments if isinstance(part, MIMEBase)
    ]
    return "\n".join([message.body, *alternatives, *attachments])


@pytest.fixture
def people(world: World) -> dict[str, Person]:
    return {
        "recipient": _person(world, "Roos", account=True),
        "member": _person(world, "Mehmet", account=True),
        "no_account": _person(world, "Nora", account=False),
        "guest": _person(world, "Gijs", account=False, role=MembershipRole.GUEST),
    }


def test_invitations_carry_a_secret_item_only_to_its_recipients(
    world: World, people: dict[str, Person], django_capture_on_commit_callbacks: Any
) -> None:
    on = meeting(world.chain, MeetingStatus.PLANNED)
    secret = item(on, SECRET)
    document(SECRET_DOC, on_item=secret)
    item(on, CONFIDENTIAL, Confidentiality.CONFIDENTIAL)
    secrecy_impose(
        item=secret,
        imposed_by=world.chain.bo,
        legal_ground=LegalGround.ECONOMIC_INTERESTS,
        recipients=[people["recipient"].user],
        by=world.editor,
    )
    on.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_convene(meeting=on, expected_version=on.version, by=world.editor)

    recipient = _texts("roos@example.org")
    assert SECRET in recipient and SECRET_DOC in recipient and CONFIDENTIAL in recipient
    for name in ("mehmet", "nora"):
        text = _texts(f"{name}@example.org")
        assert SECRET not in text and SECRET_DOC not in text and CONFIDENTIAL in text
    guest = _texts("gijs@example.org")
    assert SECRET not in guest and CONFIDENTIAL not in guest and "Opening" in guest

    # A change to the secret item is news to its recipients only, and names it only to them.
    mail.outbox.clear()
    secret.refresh_from_db()
    on.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        agenda_item_update(
            item=secret, expected_version=on.version, by=people["recipient"].user, title=SECRET + " (herzien)"
        )
    assert [m.to for m in mail.outbox] == [["roos@example.org"]]
    assert SECRET + " (herzien)" in mail.outbox[0].body
