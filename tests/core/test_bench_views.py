"""The web benchmark's yardstick views: absent unless NAOBER_BENCH_VIEWS is on; one query at most."""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import clear_url_caches

from naober.meetings.models import Meeting, MeetingStatus
from naober.meetings.services.meeting import meeting_plan
from tests.factories import BodyFactory

AMSTERDAM = datetime.timezone(datetime.timedelta(hours=1))


def _reload_urls() -> None:
    import naober.config.urls

    importlib.reload(naober.config.urls)
    clear_url_caches()


@pytest.fixture
def bench_on(settings: object) -> Iterator[None]:
    settings.NAOBER_BENCH_VIEWS = True  # type: ignore[attr-defined]
    _reload_urls()
    yield
    settings.NAOBER_BENCH_VIEWS = False  # type: ignore[attr-defined]
    _reload_urls()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/_bench/floor.json", "/_bench/best-case/"])
def test_the_bench_views_are_absent_by_default(client: Client, path: str) -> None:
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_the_floor_answers_json_without_a_query(bench_on: None, client: Client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/_bench/floor.json")
    assert response.status_code == 200
    assert response.json() == {"ok": True, "view": "floor"}


@pytest.mark.django_db
def test_the_best_case_renders_twenty_public_meetings_in_one_query(
    bench_on: None, client: Client, django_assert_num_queries
) -> None:
    body = BodyFactory()
    start = datetime.datetime(2025, 3, 1, 14, tzinfo=AMSTERDAM)
    for number in range(25):
        meeting_plan(
            body=body,
            title=f"Vergadering {number}",
            start=start + datetime.timedelta(days=number),
            end=start + datetime.timedelta(days=number, hours=2),
            with_standard_items=False,
        )
    Meeting.objects.update(status=MeetingStatus.HELD)  # published, as after convening and holding them
    meeting_plan(
        body=body,
        title="Nog niet bijeengeroepen",
        start=start + datetime.timedelta(days=40),
        end=start + datetime.timedelta(days=40, hours=2),
        with_standard_items=False,
    )
    with django_assert_num_queries(1):
        response = client.get("/_bench/best-case/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<tr><td>") == 20
    assert "Vergadering 24" in html and "Vergadering 5" in html
    assert "Vergadering 4<" not in html
    assert "Nog niet bijeengeroepen" not in html
