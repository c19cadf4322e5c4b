from __future__ import annotations

import pytest
from django.test import Client

from naober.accounts.models import CooperationRole
from naober.registry.models import Cooperation
from tests.factories import CooperationFactory, UserFactory
from tests.meetings.conftest import Chain, chain  # noqa: F401 - re-exported fixture
from tests.secretariat.conftest import editor  # noqa: F401 - re-exported fixture


def signed_in(user) -> Client:
    """A client signed in as `user` with a two-factor verified session (secretariat roles need one)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=True)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def editor_client(editor) -> Client:  # noqa: F811
    return signed_in(editor)


@pytest.fixture
def administrator(chain: Chain):  # noqa: F811
    user = UserFactory(username="beheerder")
    CooperationRole.objects.create(
        user=user, cooperation=chain.cooperation, role=CooperationRole.Role.ADMINISTRATOR
    )
    return user


@pytest.fixture
def administrator_client(administrator) -> Client:
    return signed_in(administrator)


@pytest.fixture
def other_cooperation(db: None) -> Cooperation:
    return CooperationFactory(name="Regio Twente", short_name="Twente", slug="twente")


@pytest.fixture
def other_administrator_client(other_cooperation: Cooperation) -> Client:
    user = UserFactory(username="beheerder-twente")
    CooperationRole.objects.create(
        user=user, cooperation=other_cooperation, role=CooperationRole.Role.ADMINISTRATOR
    )
    return signed_in(user)
