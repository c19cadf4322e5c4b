"""The demo's strategic agendas: the four regions' programmes, traceable to the generated meeting history,
loaded idempotently through the services."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import transaction
from django.test import TestCase
from django.utils import timezone
from pytest_django import DjangoDbBlocker

from naober.access.viewer import ANONYMOUS
from naober.core.models import AuditEntry
from naober.demo.extensions import EXTENSIONS
from naober.demo.history import history_generate
from naober.demo.loader import demo_load
from naober.strategy.demo import load
from naober.strategy.models import Event, Goal, Programme, ProgressReport, Project, Theme
from naober.strategy.selectors import project_decisions

WRITTEN = ["regio-achterhoek"]  # the others load without history: their projects simply lack links


@pytest.fixture(scope="module")
def demo(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker
) -> Iterator[tuple[list[str], list[str], int]]:
    with django_db_blocker.unblock(), transaction.atomic():
        demo_load()
        today = timezone.localdate()
        with TestCase.captureOnCommitCallbacks(execute=True):
            history_generate(today=today, slugs=WRITTEN)
        first = load(today=today)
        entries = AuditEntry.objects.count()
        second = load(today=today)
        yield first, second, AuditEntry.objects.count() - entries
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def test_registered_last_among_the_extensions() -> None:
    assert EXTENSIONS[-1] == "naober.strategy.demo.load"


def test_a_second_run_writes_nothing(demo: tuple[list[str], list[str], int]) -> None:
    first, second, written = demo
    assert "new" in first[0] and "unchanged" in second[0]
    assert written == 0


def test_every_region_has_its_agenda(demo: object) -> None:
    assert set(Programme.objects.values_list("cooperation__slug", flat=True)) == {
        "denderregio",
        "regio-achterhoek",
        "twente",
        "regio-amersfoort",
    }
    dender = Goal.objects.filter(programme__cooperation__slug="denderregio").order_by("number")
    assert [goal.number for goal in dender] == [1, 2, 3, 4, 5]
    assert "financiële slagkracht" in dender[3].title
    themes = Theme.objects.filter(programme__cooperation__slug="regio-achterhoek")
    assert {"Smart Werken", "Wonen", "Bereikbaarheid"} <= set(themes.values_list("name", flat=True))
    assert Event.objects.filter(
        cooperation__slug="regio-achterhoek", title__startswith="Achterhoekdag"
    ).exists()
    twente = Project.objects.filter(programme__cooperation__slug="twente")
    assert twente.filter(kind="lobby").exists()
    assert twente.filter(funding_lines__source="regio-deal").exists()


def test_achterhoek_projects_have_indicators_reports_and_decisions(demo: object) -> None:
    project = Project.objects.get(programme__cooperation__slug="regio-achterhoek", slug="smart-werken")
    assert project.indicators.filter(measurements__isnull=False).exists()
    assert ProgressReport.objects.filter(project=project).count() == 2
    assert project.dossiers.exists()
    fietsplan = Project.objects.get(
        programme__cooperation__slug="regio-achterhoek", slug="regionaal-fietsplan"
    )
    bodies = {item.meeting.body.slug for item in project_decisions(project=fietsplan, viewer=ANONYMOUS)}
    assert bodies, "a visitor follows the fietsplan to decisions of the bodies"


def test_the_confidential_demo_project_stays_closed(demo: object) -> None:
    closed = Project.objects.get(slug="grondpositie-bedrijventerrein")
    assert closed.confidentiality == "confidential"
