"""The leak matrix: for every role and every channel, confidential and secret markers are absent where they
must be, and present where the role may see them and the channel shows them."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from tests.factories import verified_login
from tests.leaks.channels import CHANNELS
from tests.leaks.world import ALL, ROLES, World, allowed, build_world

pytestmark = pytest.mark.django_db

NEEDS_SECOND_FACTOR = {"editor", "administrator", "other_editor", "platform_admin"}


@pytest.fixture
def world(django_capture_on_commit_callbacks, settings, tmp_path) -> World:
    from django.core.management import call_command

    from naober.search import backend

    settings.NAOBER_SEARCH_DIR = str(tmp_path / "search")
    backend._backends.clear()
    built = build_world(django_capture_on_commit_callbacks)
    call_command("reindex", "--quiet-progress")  # the index as the worker would have left it
    return built


def client_for(role: str, world: World) -> Client:
    client = Client()
    if role == "anonymous":
        return client
    user = world.users[role]
    if role in NEEDS_SECOND_FACTOR:
        return verified_login(client, user)
    client.force_login(user)
    return client


def leaks(role: str, text: str) -> list[str]:
    return sorted(marker for marker in ALL - allowed(role) if marker in text)


@pytest.mark.parametrize("role", ROLES)
def test_no_channel_leaks_and_every_channel_serves(role: str, world: World, subtests, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    client = client_for(role, world)
    may_see = allowed(role)
    for channel in CHANNELS:
        with subtests.test(channel=channel.name):
            text = channel.fetch(client, world, role)
            leaked = leaks(role, text)
            assert leaked == [], f"{role} sees {leaked} through {channel.name}"
            if role in channel.serves:
                expected = channel.shows & may_see
                missing = sorted(marker for marker in expected if marker not in text)
                assert missing == [], f"{role} misses {missing} in {channel.name}"
    with subtests.test(channel="logs"):
        logged = sorted(marker for marker in ALL if marker in caplog.text)
        assert logged == [], f"log lines carry {logged}"


def test_a_leaking_channel_is_caught(world: World) -> None:
    """The check is not vacuous: the secretariat workspace as an editor sees shows confidential text, which is
    exactly what must be reported as a leak for a visitor."""
    workspace = next(channel for channel in CHANNELS if channel.name == "secretariat workspace")
    editor_view = workspace.fetch(client_for("editor", world), world, "editor")
    assert "qxvertitel" in editor_view
    assert leaks("anonymous", editor_view) == sorted(
        marker for marker in ALL - allowed("anonymous") if marker in editor_view
    )
    assert "qxvertitel" in leaks("anonymous", editor_view)
    assert "qxgeheimtitel" not in editor_view  # an editor who is no recipient sees a placeholder
