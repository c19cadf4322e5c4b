from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import transaction
from django.test import override_settings
from pytest_django import DjangoDbBlocker

from tests.oparl.helpers import Crawl, crawl
from tests.oparl.world import Region, build_region

SITE = "http://testserver"


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media")), NAOBER_SITE_URL=SITE):
        yield


@pytest.fixture(scope="module")
def region(media: None, django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[Region]:
    """The region, built once per module and rolled back after it; each test's own writes roll back to it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_region(2)
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def crawled(region: Region, django_db_blocker: DjangoDbBlocker) -> Crawl:
    """The region as a client crawls it from the System (read-only: tests that write crawl themselves)."""
    from django.test import Client

    with django_db_blocker.unblock():
        return crawl(Client())
