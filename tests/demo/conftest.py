from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.apps import apps
from django.db import transaction
from pytest_django import DjangoDbBlocker

from naober.demo.loader import DEFAULT_DATA_DIR, DemoDataError, LoadReport, demo_load


@pytest.fixture(scope="module")
def loaded(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[LoadReport]:
    """The shipped demo data, loaded once per module and rolled back after it (tests only read it)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield demo_load()
        transaction.set_rollback(True)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the shipped data files that a test may break."""
    return Path(shutil.copytree(DEFAULT_DATA_DIR, tmp_path / "data"))


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def row_counts() -> dict[str, int]:
    """Rows per model of the apps the demo writes to, the audit trail (core.AuditEntry) and users included."""
    return {
        model._meta.label: model._default_manager.count()
        for app in ("registry", "governance", "core", "accounts")
        for model in apps.get_app_config(app).get_models()
    }


# Only the model knows the maximum length of a name: this error comes while writing, after the other files
# were written (twente.yaml is the last file), and everything rolls back.
# (file, text in it, its replacement, patterns the message must match)
REFUSED_BY_THE_MODEL = (
    "twente.yaml",
    "    name: Twenteraad\n",
    f"    name: {'Twenteraad ' * 20}\n",
    [r"twente\.yaml:\d+: ", r'bodies\[1\] "twenteraad": ', 'field "name": ', "at most 200 characters"],
)


def assert_refused(data_dir: Path, file: str, old: str, new: str, expected: list[str]) -> None:
    """Break one file, load: a one-line DemoDataError matching `expected`, and no row more or less."""
    replace_once(data_dir / file, old, new)
    before = row_counts()
    with pytest.raises(DemoDataError) as raised:
        demo_load(data_dir=data_dir)
    message = str(raised.value)
    assert "\n" not in message
    for pattern in expected:
        assert re.search(pattern, message), f"{pattern!r} not in {message!r}"
    assert row_counts() == before
