"""All environment reading happens here, so every setting is documented in one place (docs/configuration.md).

Bad values stop the process with a message naming the variable: a platform that guards secret documents
must not start half-configured.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

ENVIRONMENTS = ("development", "production", "test")
DEFAULT_HOSTS = ["localhost", "127.0.0.1", "[::1]"]

env = environ.Env()


def naober_env() -> str:
    value = env.str("NAOBER_ENV", default="development")
    if value not in ENVIRONMENTS:
        raise ImproperlyConfigured(f"NAOBER_ENV must be one of {', '.join(ENVIRONMENTS)}, not {value!r}.")
    return value


def data_dir() -> Path:
    path = Path(env.str("NAOBER_DATA_DIR", default=str(Path.cwd() / "var"))).resolve()
    for sub in (path, path / "static", path / "media"):
        sub.mkdir(parents=True, exist_ok=True)
    return path


def database(default_sqlite: Path) -> dict[str, object]:
    url = env.str("DATABASE_URL", default=f"sqlite:///{default_sqlite}")
    try:
        config = environ.Env.db_url_config(url)
    except Exception as error:  # django-environ raises several kinds; all mean "not a database URL"
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {error}") from error
    engine = str(config.get("ENGINE", ""))
    if engine not in ("django.db.backends.sqlite3", "django.db.backends.postgresql"):
        raise ImproperlyConfigured(f"DATABASE_URL must point at SQLite or PostgreSQL, not {engine or url!r}.")
    if engine == "django.db.backends.sqlite3":
        # WAL lets the portal read while the secretariat or the worker writes.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    else:
        config.setdefault("CONN_MAX_AGE", 60)
        config["CONN_HEALTH_CHECKS"] = True
    return config


def secret_key(environment: str, directory: Path) -> str:
    value = env.str("SECRET_KEY", default="")
    if environment == "production":
        if len(value) < 50 or len(set(value)) < 5:
            raise ImproperlyConfigured(
                "SECRET_KEY must be set to a random value of at least 50 characters in production."
            )
        return value
    if value:
        return value
    # Development: generate once and keep it in the data directory, never in the repository.
    key_file = directory / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def debug(environment: str) -> bool:
    value = env.bool("DEBUG", default=False)
    if value and environment == "production":
        raise ImproperlyConfigured("DEBUG must not be on in production.")
    return value


def allowed_hosts(environment: str) -> list[str]:
    hosts = env.list("ALLOWED_HOSTS", default=[])
    if environment == "production":
        if not hosts or "*" in hosts:
            raise ImproperlyConfigured(
                "ALLOWED_HOSTS must list the site's host names in production (no '*')."
            )
        return hosts
    return hosts or DEFAULT_HOSTS


def csrf_trusted_origins() -> list[str]:
    return env.list("CSRF_TRUSTED_ORIGINS", default=[])


def email_url() -> dict[str, object]:
    return environ.Env.email_url_config(env.str("EMAIL_URL", default="consolemail://"))


def default_from_email() -> str:
    return env.str("DEFAULT_FROM_EMAIL", default="naober <noreply@localhost>")


def site_url() -> str:
    return env.str("NAOBER_SITE_URL", default="http://127.0.0.1:8000").rstrip("/")


def log_level() -> str:
    value = env.str("LOG_LEVEL", default="INFO").upper()
    if value not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
        raise ImproperlyConfigured(
            f"LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, not {value!r}."
        )
    return value


def is_set(name: str) -> bool:
    return name in os.environ


def max_upload_bytes() -> int:
    megabytes = env.int("NAOBER_MAX_UPLOAD_MB", default=50)
    if not 1 <= megabytes <= 2048:
        raise ImproperlyConfigured(f"NAOBER_MAX_UPLOAD_MB must be between 1 and 2048, not {megabytes}.")
    return megabytes * 1024 * 1024


def tasks_backend(environment: str) -> str:
    default = (
        "django_tasks.backends.immediate.ImmediateBackend"
        if environment == "test"
        else "django_tasks_db.DatabaseBackend"
    )
    value = env.str("NAOBER_TASKS_BACKEND", default=default)
    known = ("django_tasks_db.DatabaseBackend", "django_tasks.backends.immediate.ImmediateBackend")
    if value not in known:
        raise ImproperlyConfigured(f"NAOBER_TASKS_BACKEND must be one of {', '.join(known)}, not {value!r}.")
    return value


def _bounded_int(name: str, default: int, low: int, high: int) -> int:
    value = env.int(name, default=default)
    if not low <= value <= high:
        raise ImproperlyConfigured(f"{name} must be between {low} and {high}, not {value}.")
    return value


def bench_views() -> bool:
    """The benchmark's yardstick views under /_bench/ (bench/web.py); never needed on a real site."""
    return env.bool("NAOBER_BENCH_VIEWS", default=False)


def session_hours() -> int:
    return _bounded_int("NAOBER_SESSION_HOURS", 8, 1, 168)


def trusted_proxies() -> int:
    """How many reverse proxies stand in front of naober: the client address is taken from X-Forwarded-For."""
    return _bounded_int("NAOBER_TRUSTED_PROXIES", 0, 0, 5)


def sign_in_throttle() -> dict[str, int]:
    return {
        "USERNAME_FAILURES": _bounded_int("NAOBER_SIGN_IN_USERNAME_FAILURES", 5, 1, 1000),
        "ADDRESS_FAILURES": _bounded_int("NAOBER_SIGN_IN_ADDRESS_FAILURES", 20, 1, 10000),
        "WINDOW_MINUTES": _bounded_int("NAOBER_SIGN_IN_WINDOW_MINUTES", 15, 1, 1440),
        "LOCKOUT_MINUTES": _bounded_int("NAOBER_SIGN_IN_LOCKOUT_MINUTES", 15, 1, 1440),
    }
