from __future__ import annotations

import pytest
from django.test import Client

from naober.accounts.models import CooperationRole
from tests.factories import UserFactory, verified_login
from tests.meetings.conftest import Chain, chain  # noqa: F401 - re-exported fixture


@pytest.fixture
def editor(chain: Chain):  # noqa: F811
    user = UserFactory(username="secretaris")
    CooperationRole.objects.create(user=user, cooperation=chain.cooperation, role=CooperationRole.Role.EDITOR)
    return user


@pytest.fixture
def editor_client(editor) -> Client:
    return verified_login(Client(), editor)
