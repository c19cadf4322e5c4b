"""Every list page costs the same number of queries whatever the size of the data (prefetching, keyset)."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from naober.oparl import ids
from tests.oparl.world import build_region

pytestmark = pytest.mark.django_db

MAX_QUERIES = 16  # the most any list page needs (the meeting list: meetings, items, documents, people, …)


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(captured.captured_queries)


@pytest.fixture(scope="module")
def regions(media, django_db_setup, django_db_blocker):
    """A small and a large region side by side, built once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_region(1, slug="klein", name="Klein"), build_region(4, slug="groot", name="Groot")
        transaction.set_rollback(True)


@pytest.mark.parametrize("name", ids.BODY_LISTS)
def test_list_pages_cost_the_same_at_two_sizes(client, regions, name, django_assert_max_num_queries):
    small, large = regions
    counts = []
    for region in (small, large):
        url = ids.path_of(ids.body_list(region.cooperation.pk, name))
        with django_assert_max_num_queries(MAX_QUERIES):
            counts.append(_queries(client, url))
    assert counts[0] == counts[1], counts


def test_the_body_list_and_objects_cost_a_fixed_number(client, regions, django_assert_max_num_queries):
    small, large = regions
    with django_assert_max_num_queries(4):
        client.get("/oparl/v1.1/body")
    for region in (small, large):
        with django_assert_max_num_queries(MAX_QUERIES):
            client.get(ids.path_of(ids.meeting(region.meetings[0].pk)))
        with django_assert_max_num_queries(MAX_QUERIES):
            client.get(ids.path_of(ids.paper(region.dossiers[0].pk)))
