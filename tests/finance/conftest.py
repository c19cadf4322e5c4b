from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _english_messages(_dutch_by_default):
    """Service messages are asserted in English (the msgids); pages are checked on data, not on wording."""
    from django.utils import translation

    translation.activate("en")
    yield
