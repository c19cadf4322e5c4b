"""The roles page: only a cooperation's administrators (and platform administrators) manage its roles."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from naober.access.models import MunicipalityRole
from naober.access.roles import role_revoke
from naober.access.rules import agenda_item_visible
from naober.access.viewer import viewer_for
from naober.accounts.models import CooperationRole, User
from naober.core.models import AuditEntry, Channel, Confidentiality
from naober.governance.models import Person
from tests.access.conftest import World, client_for, item, meeting
from tests.factories import (
    BodyFactory,
    CooperationFactory,
    MembershipFactory,
    MunicipalityFactory,
    ParticipationFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _url(world: World, name: str = "roles", **kwargs: Any) -> str:
    return reverse(f"secretariat:{name}", kwargs={"cooperation": world.chain.cooperation.slug, **kwargs})


@pytest.fixture
def admin(world: World) -> Client:
    return client_for(world.admin)


def test_only_administrators_reach_the_roles_page(world: World, admin: Client) -> None:
    response = admin.get(_url(world))
    assert response.status_code == 200
    html = response.content.decode()
    assert "beheerder" in html and "redacteur" in html and "Mila Lid" in html  # the member, via their person
    for user in (world.editor, world.member, world.other_editor, world.stranger):
        client = client_for(user)
        assert client.get(_url(world)).status_code == 404
        assert (
            client.post(_url(world, "role-grant"), {"identifier": "lid", "role": "editor"}).status_code == 404
        )
    assert not CooperationRole.objects.filter(user=world.member).exists()
    assert client_for(world.platform_admin).get(_url(world)).status_code == 200
    assert Client().get(_url(world)).status_code == 302  # to sign in
    # The meetings page offers the link to administrators only.
    meetings = reverse("secretariat:meetings", args=[world.chain.cooperation.slug])
    assert _url(world) in admin.get(meetings).content.decode()
    assert _url(world) not in client_for(world.editor).get(meetings).content.decode()


def test_grant_to_an_existing_account_by_name_or_address_and_revoke(world: World, admin: Client) -> None:
    response = admin.post(_url(world, "role-grant"), {"identifier": "lid", "role": "editor"})
    assert response.status_code == 302
    role = CooperationRole.objects.get(user=world.member, cooperation=world.chain.cooperation)
    assert role.role == CooperationRole.Role.EDITOR
    admin.post(_url(world, "role-grant"), {"identifier": "LID@example.org", "role": "administrator"})
    assert world.member.cooperation_roles.count() == 2
    entry = AuditEntry.objects.filter(object_type="accounts.cooperationrole", object_id=str(role.pk)).get()
    assert entry.channel == Channel.SECRETARIAT and entry.actor == world.admin
    admin.post(_url(world, "role-revoke", pk=role.pk))
    assert not CooperationRole.objects.filter(pk=role.pk).exists()
    assert AuditEntry.objects.filter(
        object_type="accounts.cooperationrole", object_id=str(role.pk), action=AuditEntry.Action.DELETE
    ).exists()


def test_an_unknown_address_gets_an_account_and_an_invitation(
    world: World, admin: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(_url(world, "role-grant"), {"identifier": "Nieuw@Example.org", "role": "editor"})
    user = User.objects.get(username="nieuw@example.org")
    assert user.email == "Nieuw@example.org" and not user.has_usable_password()
    assert user.cooperation_roles.get().role == CooperationRole.Role.EDITOR
    (message,) = mail.outbox
    assert message.to == ["Nieuw@example.org"] and "Regio Amersfoort" in message.subject
    link = re.search(r"https?://\S+/wachtwoord-vergeten/(?P<uid>[^/]+)/(?P<token>[^/\s]+)/", message.body)
    assert link is not None, message.body
    assert force_str(urlsafe_base64_decode(link["uid"])) == str(user.pk)
    assert default_token_generator.check_token(user, link["token"])
    created = AuditEntry.objects.get(object_type="accounts.user", object_id=str(user.pk))
    assert "password" in created.changes and "!" not in str(created.changes["password"])


def test_a_name_that_is_no_account_and_no_address_is_refused(world: World, admin: Client) -> None:
    response = admin.post(_url(world, "role-grant"), {"identifier": "niemand", "role": "editor"}, follow=True)
    assert "e-mailadres" in response.content.decode()
    assert not User.objects.filter(username="niemand").exists()


def test_the_last_administrator_stays(world: World, admin: Client) -> None:
    own = CooperationRole.objects.get(user=world.admin)
    response = admin.post(_url(world, "role-revoke", pk=own.pk), follow=True)
    assert CooperationRole.objects.filter(pk=own.pk).exists()
    assert "ten minste één beheerder" in response.content.decode()
    second = CooperationRole.objects.create(
        user=world.editor, cooperation=world.chain.cooperation, role=CooperationRole.Role.ADMINISTRATOR
    )
    admin.post(_url(world, "role-revoke", pk=own.pk))
    assert not CooperationRole.objects.filter(pk=own.pk).exists()
    # A platform administrator may remove the very last one.
    role_revoke(role=second, by=world.platform_admin)
    assert not CooperationRole.objects.filter(role=CooperationRole.Role.ADMINISTRATOR).exists()


def test_a_role_of_another_cooperation_cannot_be_touched(world: World, admin: Client) -> None:
    elsewhere = CooperationRole.objects.get(user=world.other_editor)
    assert admin.post(_url(world, "role-revoke", pk=elsewhere.pk)).status_code == 404
    assert CooperationRole.objects.filter(pk=elsewhere.pk).exists()


def test_council_clerks_of_participating_municipalities(world: World, admin: Client) -> None:
    soest = MunicipalityFactory(name="Soest")
    ParticipationFactory(cooperation=world.chain.cooperation, municipality=soest)
    clerk = UserFactory(username="griffier")
    response = admin.post(_url(world, "role-grant"), {"identifier": "griffier", "role": "clerk"}, follow=True)
    assert "gemeente" in response.content.decode() and not MunicipalityRole.objects.exists()
    admin.post(
        _url(world, "role-grant"), {"identifier": "griffier", "role": "clerk", "municipality": soest.pk}
    )
    role = MunicipalityRole.objects.get(user=clerk)
    assert role.municipality == soest and viewer_for(clerk).clerk_municipality_ids == {soest.pk}
    assert "Soest" in admin.get(_url(world)).content.decode()
    admin.post(_url(world, "clerk-revoke", pk=role.pk))
    assert not MunicipalityRole.objects.exists()


def test_linking_an_account_to_a_person_opens_their_bodies(world: World, admin: Client) -> None:
    closed = item(meeting(world.chain), "Grondpositie", Confidentiality.CONFIDENTIAL)
    wethouder = PersonFactory(given_name="Willem", family_name="Wethouder")
    MembershipFactory(body=world.chain.bo, person=wethouder)
    account = UserFactory(username="willem")
    assert not agenda_item_visible(viewer_for(account), closed)
    admin.post(_url(world, "person-link"), {"identifier": "willem", "person": wethouder.pk})
    wethouder.refresh_from_db()
    assert wethouder.user == account
    assert agenda_item_visible(viewer_for(account), closed)
    assert AuditEntry.objects.filter(
        object_type="governance.person", object_id=str(wethouder.pk), changes__has_key="user_id"
    ).exists()
    admin.post(_url(world, "person-unlink", pk=wethouder.pk))
    wethouder.refresh_from_db()
    assert wethouder.user is None


def test_a_person_in_another_cooperation_is_linked_only_by_an_administrator_of_both(
    world: World, admin: Client
) -> None:
    both = PersonFactory(given_name="Dubbel")
    MembershipFactory(body=world.chain.bo, person=both)
    MembershipFactory(body=BodyFactory(cooperation=CooperationFactory()), person=both)
    UserFactory(username="dubbel")
    response = admin.post(
        _url(world, "person-link"), {"identifier": "dubbel", "person": both.pk}, follow=True
    )
    assert Person.objects.get(pk=both.pk).user is None
    assert "andere samenwerking" in response.content.decode()
    client_for(world.platform_admin).post(
        _url(world, "person-link"), {"identifier": "dubbel", "person": both.pk}
    )
    assert Person.objects.get(pk=both.pk).user is not None


def test_the_roles_page_does_not_grow_in_queries_with_its_accounts(world: World, admin: Client) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert admin.get(_url(world)).status_code == 200
        return len(queries)

    before = count()
    for _ in range(5):
        user = UserFactory()
        CooperationRole.objects.create(
            user=user, cooperation=world.chain.cooperation, role=CooperationRole.Role.EDITOR
        )
        MembershipFactory(body=world.chain.ao, person=PersonFactory(user=UserFactory()))
        MunicipalityRole.objects.create(
            user=user, municipality=ParticipationFactory(cooperation=world.chain.cooperation).municipality
        )
    assert count() == before
