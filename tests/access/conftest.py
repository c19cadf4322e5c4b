"""A cooperation with one of every kind of reader, and helpers to put things on its agenda."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.test import Client
from django.utils import timezone

from naober.access.viewer import Viewer, viewer_for
from naober.accounts.models import CooperationRole, User
from naober.core.models import Confidentiality
from naober.governance.models import MembershipRole, Person
from naober.meetings.models import AgendaItem, Document, Meeting, MeetingStatus
from naober.meetings.services.agenda import agenda_item_add
from naober.meetings.services.documents import document_add
from tests.factories import CooperationFactory, MembershipFactory, PersonFactory, UserFactory, verified_login
from tests.meetings.conftest import Chain, chain, plan  # noqa: F401 - re-exported fixture
from tests.samples import pdf_bytes

FUTURE = timezone.localdate() + datetime.timedelta(days=30)
PAST = timezone.localdate() - datetime.timedelta(days=30)


@dataclass
class World:
    chain: Chain
    editor: User
    admin: User
    member: User
    member_person: Person
    guest: User
    stranger: User
    other_editor: User
    platform_admin: User

    def viewer(self, name: str) -> Viewer:
        return viewer_for(getattr(self, name)) if name != "anonymous" else viewer_for(None)


def _role(user: User, of: Chain, role: str) -> User:
    CooperationRole.objects.create(user=user, cooperation=of.cooperation, role=role)
    return user


@pytest.fixture
def world(chain: Chain) -> World:  # noqa: F811
    member = UserFactory(username="lid")
    member_person = PersonFactory(user=member, given_name="Mila", family_name="Lid", email="lid@example.org")
    MembershipFactory(body=chain.bo, person=member_person, role=MembershipRole.MEMBER)
    guest = UserFactory(username="gast")
    MembershipFactory(body=chain.bo, person=PersonFactory(user=guest), role=MembershipRole.GUEST)
    other_editor = UserFactory(username="elders")
    CooperationRole.objects.create(
        user=other_editor, cooperation=CooperationFactory(), role=CooperationRole.Role.EDITOR
    )
    platform_admin = UserFactory(username="platform", is_superuser=True, is_staff=True)
    return World(
        chain=chain,
        editor=_role(UserFactory(username="redacteur"), chain, CooperationRole.Role.EDITOR),
        admin=_role(UserFactory(username="beheerder"), chain, CooperationRole.Role.ADMINISTRATOR),
        member=member,
        member_person=member_person,
        guest=guest,
        stranger=UserFactory(username="vreemde"),
        other_editor=other_editor,
        platform_admin=platform_admin,
    )


def meeting(chain: Chain, status: str = MeetingStatus.CONVENED, day: datetime.date = FUTURE) -> Meeting:  # noqa: F811
    planned = plan(chain.bo, day)
    Meeting.objects.filter(pk=planned.pk).update(
        status=status, convened_at=timezone.now() if status != MeetingStatus.PLANNED else None
    )
    planned.refresh_from_db()
    return planned


def set_status(on: Meeting, status: str, *, convened: bool = True) -> Meeting:
    """Jump a meeting to `status` (held, cancelled) after its agenda is made."""
    Meeting.objects.filter(pk=on.pk).update(status=status, convened_at=timezone.now() if convened else None)
    on.refresh_from_db()
    return on


def item(
    on: Meeting, title: str, level: str = Confidentiality.PUBLIC, parent: AgendaItem | None = None
) -> AgendaItem:
    return agenda_item_add(
        meeting=on, title=title, confidentiality=level, parent=parent, expected_version=None
    )


def document(
    title: str,
    level: str = Confidentiality.PUBLIC,
    *,
    on_item: AgendaItem | None = None,
    on_meeting: Meeting | None = None,
    **kwargs: object,
) -> Document:
    return document_add(
        title=title,
        filename=f"{title}.pdf",
        content=pdf_bytes(title),
        agenda_item=on_item,
        meeting=on_meeting,
        confidentiality=level,
        **kwargs,
    )


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        verified_login(client, user)
    return client
