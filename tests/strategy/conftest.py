from __future__ import annotations

import pytest

from tests.strategy.factories import Agenda, agenda_make


@pytest.fixture
def agenda(db) -> Agenda:
    return agenda_make()
