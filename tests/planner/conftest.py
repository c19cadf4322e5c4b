from __future__ import annotations

import datetime
import shutil
from collections.abc import Iterator

import pytest
from django.db import transaction
from pytest_django import DjangoDbBlocker

from naober.demo.loader import DEFAULT_DATA_DIR, demo_load
from naober.planner import demo


@pytest.fixture(scope="module")
def demo_region(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """The shipped demo data of Regio Amersfoort with the planner's demo rules (no meeting history), rolled
    back after the module."""
    data = tmp_path_factory.mktemp("demo")
    for name in ("municipalities.yaml", "organisations.yaml", "regio-amersfoort.yaml"):
        shutil.copy(DEFAULT_DATA_DIR / name, data / name)
    with django_db_blocker.unblock(), transaction.atomic():
        demo_load(data_dir=data)
        demo.load(today=datetime.date(2026, 11, 23))
        yield
        transaction.set_rollback(True)
