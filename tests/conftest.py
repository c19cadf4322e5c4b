from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _dutch_by_default(settings):  # type: ignore[no-untyped-def]
    """Every test starts in the product's default language, whatever the previous test switched to."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
