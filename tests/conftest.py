from __future__ import annotations

import os
from pathlib import Path

import pytest

# Debian's Chromium (apt-get install chromium); the binary itself, not the /usr/bin/chromium wrapper script.
# NAOBER_CHROMIUM points the browser tests at another Chromium build (a developer's own machine).
CHROMIUM = Path(os.environ.get("NAOBER_CHROMIUM", "/usr/lib/chromium/chromium"))


def _uses_postgresql() -> bool:
    from django.conf import settings

    return str(settings.DATABASES["default"]["ENGINE"]).endswith("postgresql")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip what this machine cannot run, with a reason that says how to run it (`-ra` prints it)."""
    skip_browser = None
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        skip_browser = pytest.mark.skip(
            reason=f"Chromium not found at {CHROMIUM}: browser tests skipped (apt-get install chromium)"
        )
    skip_postgres = None
    if not _uses_postgresql():
        skip_postgres = pytest.mark.skip(
            reason="DATABASE_URL is not PostgreSQL: PostgreSQL-only test skipped "
            "(run with DATABASE_URL=postgres://user@host:5432/naober)"
        )
    for item in items:
        if skip_browser is not None and item.get_closest_marker("browser"):
            item.add_marker(skip_browser)
        if skip_postgres is not None and item.get_closest_marker("postgres"):
            item.add_marker(skip_postgres)


@pytest.fixture(autouse=True)
def _dutch_by_default(settings):
    """Every test starts in the product's default language, whatever the previous test switched to."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
