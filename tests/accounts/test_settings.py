"""Session and sign-in settings from the environment, refused when out of range."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from naober.config import env


def test_sessions_last_a_working_day_and_end_with_the_browser() -> None:
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_HTTPONLY and settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.PASSWORD_RESET_TIMEOUT == 24 * 60 * 60


def test_production_hashers_start_with_argon2() -> None:
    from naober.config import settings as real_settings

    assert real_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_the_throttle_policy_defaults_and_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    assert env.sign_in_throttle() == {
        "USERNAME_FAILURES": 5,
        "ADDRESS_FAILURES": 20,
        "WINDOW_MINUTES": 15,
        "LOCKOUT_MINUTES": 15,
    }
    monkeypatch.setenv("NAOBER_SIGN_IN_USERNAME_FAILURES", "3")
    monkeypatch.setenv("NAOBER_SIGN_IN_LOCKOUT_MINUTES", "60")
    assert env.sign_in_throttle()["USERNAME_FAILURES"] == 3
    assert env.sign_in_throttle()["LOCKOUT_MINUTES"] == 60


@pytest.mark.parametrize(
    ("name", "value", "function"),
    [
        ("NAOBER_SESSION_HOURS", "0", env.session_hours),
        ("NAOBER_SESSION_HOURS", "200", env.session_hours),
        ("NAOBER_SIGN_IN_USERNAME_FAILURES", "0", env.sign_in_throttle),
        ("NAOBER_SIGN_IN_WINDOW_MINUTES", "-5", env.sign_in_throttle),
        ("NAOBER_TRUSTED_PROXIES", "9", env.trusted_proxies),
    ],
)
def test_out_of_range_values_stop_the_start(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, function: object
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ImproperlyConfigured, match=name):
        function()
