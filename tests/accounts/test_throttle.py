"""Lock-out after repeated failures, per user name (any address) and per address; unknown names alike."""

from __future__ import annotations

import datetime
import logging

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import Settings

from naober.accounts.models import SignInFailure, SignInLockout, User
from naober.accounts.throttle import client_address
from naober.core.models import AuditEntry
from tests.accounts.conftest import PASSWORD, app_code, sign_in
from tests.factories import second_factor_give

pytestmark = pytest.mark.django_db

LOCKED = "Er zijn te veel mislukte pogingen gedaan om aan te melden."


def _fail(client: Client, username: str, times: int, **meta: str) -> None:
    for _ in range(times):
        response = sign_in(client, username, "wrong password", **meta)
        assert response.status_code == 200, "not locked yet"


def _body(response) -> str:
    """The page without the CSRF token (which differs per response)."""
    html = response.content.decode()
    start = html.find('name="csrfmiddlewaretoken"')
    while start != -1:
        end = html.find(">", start)
        html = html[:start] + html[end:]
        start = html.find('name="csrfmiddlewaretoken"')
    return html


def test_five_failures_lock_the_user_name_with_a_clear_message(
    client: Client, editor: User, caplog: pytest.LogCaptureFixture
) -> None:
    _fail(client, "secretaris", 4)
    with caplog.at_level(logging.WARNING, logger="naober.security"):
        response = sign_in(client, "secretaris", "wrong password")
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "Probeer het over 15 minuten opnieuw." in response.content.decode()
    assert response["Retry-After"] == "900"
    # Even the right password is refused now, from anywhere, and the page does not say which.
    refused = sign_in(client, "secretaris", REMOTE_ADDR="192.0.2.7")
    assert refused.status_code == 429 and "_auth_user_id" not in client.session
    assert "wrong password" not in caplog.text and "secretaris" in caplog.text
    lockout = SignInLockout.objects.get()
    assert lockout.scope == "username" and lockout.key == "secretaris" and lockout.failures == 5
    entry = AuditEntry.objects.get(object_type="accounts.signinlockout")
    assert entry.channel == "system" and entry.changes["key"] == "secretaris"
    assert "password" not in str(entry.changes)


def test_unknown_user_names_are_locked_exactly_like_existing_ones(client: Client, editor: User) -> None:
    answers = {}
    for username in ("secretaris", "niemand"):
        first = sign_in(client, username, "wrong password")
        _fail(client, username, 3)
        last = sign_in(client, username, "wrong password")
        answers[username] = (
            first.status_code,
            _body(first).replace(username, "X"),
            last.status_code,
            _body(last),
        )
    assert answers["secretaris"] == answers["niemand"]
    assert answers["niemand"][2] == 429


def test_case_does_not_escape_the_counter(client: Client, editor: User) -> None:
    for name in ("secretaris", "Secretaris", "SECRETARIS", "secretaris ", "SecreTaris"):
        response = sign_in(client, name, "wrong password")
    assert response.status_code == 429


def test_a_successful_sign_in_resets_the_counter(client: Client, reader: User) -> None:
    _fail(client, "lezer", 4)
    assert sign_in(client, "lezer").status_code == 302
    client.post(reverse("logout"))
    _fail(client, "lezer", 4)  # four more: not locked, the earlier four no longer count
    assert not SignInLockout.objects.exists()


def test_the_lock_out_ends_after_its_time(client: Client, reader: User) -> None:
    _fail(client, "lezer", 5 - 1)
    assert sign_in(client, "lezer", "wrong password").status_code == 429
    past = timezone.now() - datetime.timedelta(minutes=16)
    SignInFailure.objects.update(at=past)
    SignInLockout.objects.update(started=past - datetime.timedelta(minutes=1), until=past)
    assert sign_in(client, "lezer").status_code == 302


def test_failures_before_a_lock_out_do_not_count_again_after_it(
    client: Client, reader: User, settings: Settings
) -> None:
    settings.NAOBER_SIGN_IN_THROTTLE = {**settings.NAOBER_SIGN_IN_THROTTLE, "WINDOW_MINUTES": 60}
    _fail(client, "lezer", 4)
    assert sign_in(client, "lezer", "wrong password").status_code == 429
    # Twenty minutes later: the lock-out (15 minutes) is over, its failures are still inside the window.
    earlier = timezone.now() - datetime.timedelta(minutes=20)
    SignInFailure.objects.update(at=earlier)
    SignInLockout.objects.update(started=earlier, until=earlier + datetime.timedelta(minutes=15))
    _fail(client, "lezer", 4)  # the five before the lock-out are paid for
    assert sign_in(client, "lezer", "wrong password").status_code == 429


def test_twenty_failures_from_one_address_lock_that_address(client: Client, reader: User) -> None:
    for index in range(19):
        assert sign_in(client, f"gok{index}", "wrong password", REMOTE_ADDR="198.51.100.9").status_code == 200
    assert sign_in(client, "gok19", "wrong password", REMOTE_ADDR="198.51.100.9").status_code == 429
    assert sign_in(client, "lezer", REMOTE_ADDR="198.51.100.9").status_code == 429  # even a good sign-in
    assert sign_in(client, "lezer", REMOTE_ADDR="198.51.100.10").status_code == 302  # elsewhere it works
    assert SignInLockout.objects.get().scope == "address"


def test_the_limits_come_from_the_settings(client: Client, reader: User, settings: Settings) -> None:
    settings.NAOBER_SIGN_IN_THROTTLE = {
        "USERNAME_FAILURES": 2,
        "ADDRESS_FAILURES": 20,
        "WINDOW_MINUTES": 15,
        "LOCKOUT_MINUTES": 60,
    }
    _fail(client, "lezer", 1)
    response = sign_in(client, "lezer", "wrong password")
    assert response.status_code == 429 and "Probeer het over 60 minuten opnieuw." in response.content.decode()


def test_wrong_codes_on_the_second_step_count_too(client: Client, editor: User) -> None:
    device = second_factor_give(editor)
    sign_in(client, "secretaris")
    for _ in range(4):
        response = client.post(reverse("otp-verify"), {"code": "000000"})
        assert response.status_code == 200 and "Deze code klopt niet" in response.content.decode()
    response = client.post(reverse("otp-verify"), {"code": "000000"})
    assert response.status_code == 429 and LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session  # signed out
    assert SignInFailure.objects.filter(stage="second_factor").count() == 5
    device.throttle_reset()
    assert sign_in(client, "secretaris").status_code == 429
    assert app_code(device)  # the right code would not even be asked for


def test_the_client_address_behind_trusted_proxies(rf, settings: Settings) -> None:
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.5, 198.51.100.1")
    assert client_address(request) == "10.0.0.2"
    settings.NAOBER_TRUSTED_PROXIES = 1
    assert client_address(request) == "198.51.100.1"  # what our proxy saw; the rest the client may forge
    settings.NAOBER_TRUSTED_PROXIES = 2
    assert client_address(request) == "203.0.113.5"
    assert client_address(rf.get("/", REMOTE_ADDR="not an address")) is None


def test_an_empty_user_name_is_not_counted(client: Client) -> None:
    for _ in range(6):
        assert sign_in(client, "", PASSWORD).status_code == 200
    assert not SignInFailure.objects.exists()
