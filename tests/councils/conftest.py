"""Fixtures of the council tests.

The tests read messages in English (the msgids), whatever the site's language: the Dutch texts are checked
by the translation tests, and this keeps these tests independent of when the catalogue is compiled.
"""

from collections.abc import Iterator

import pytest
from django.utils import translation

from tests.councils.smtp import Inbox, smtp_server


@pytest.fixture(autouse=True)
def english(settings) -> Iterator[None]:
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def smtp(settings) -> Iterator[Inbox]:
    yield from smtp_server(settings)
