from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from naober.accounts.models import CooperationRole, User
from tests.factories import CooperationFactory, UserFactory

PASSWORD = "correct horse battery staple"


def app_code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows now (or `steps_ahead` periods later) for this device."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, drift=steps_ahead):06d}"


def sign_in(client: Client, username: str, password: str = PASSWORD, *, next: str = "", **meta: str):
    data = {"username": username, "password": password, **({"next": next} if next else {})}
    return client.post(reverse("login"), data, **meta)


@pytest.fixture
def editor() -> User:
    user = UserFactory(username="secretaris", email="secretaris@example.org")
    CooperationRole.objects.create(
        user=user,
        cooperation=CooperationFactory(name="Regio Voorbeeld", slug="regio-voorbeeld"),
        role=CooperationRole.Role.EDITOR,
    )
    return user


@pytest.fixture
def reader() -> User:
    """Someone without a role that demands a second factor (say a body member who reads the documents)."""
    return UserFactory(username="lezer", email="lezer@example.org")
