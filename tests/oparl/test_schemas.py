"""Every object type and every list page against the draft-07 OParl schemas (vendored in `schemas/`)."""

from __future__ import annotations

import json

import pytest

from naober.oparl import ids
from tests.oparl.helpers import REGISTRY, SCHEMAS, get_json, validate

pytestmark = pytest.mark.django_db

TYPES = (
    "System",
    "Body",
    "LegislativeTerm",
    "Organization",
    "Person",
    "Membership",
    "Meeting",
    "Location",
    "AgendaItem",
    "Paper",
    "Consultation",
    "File",
)


def test_the_vendored_schemas_resolve_both_forms_of_their_ids():
    for name in TYPES:
        schema = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
        assert REGISTRY.contents(schema["$id"]) == schema
        assert REGISTRY.contents(f"{name}.json") == schema


@pytest.mark.parametrize("name", TYPES)
def test_every_object_of_each_type_validates(crawled, name):
    found = [
        data for data in crawled.objects.values() if data["type"] == f"https://schema.oparl.org/1.1/{name}"
    ]
    assert found, f"the crawl reached no {name}"
    for data in found:
        validate(data)


def test_a_schema_violation_is_caught():
    with pytest.raises(AssertionError, match="order"):
        validate(
            {"id": "http://testserver/x", "type": "https://schema.oparl.org/1.1/AgendaItem", "order": "1"}
        )
    with pytest.raises(AssertionError, match="date-time"):
        validate(
            {
                "id": "http://testserver/x",
                "type": "https://schema.oparl.org/1.1/Meeting",
                "start": "2026-01-01 10:00",
            }
        )


@pytest.mark.parametrize("name", ids.BODY_LISTS)
def test_each_list_page_has_data_pagination_links_and_valid_objects(client, region, name):
    page = get_json(client, ids.body_list(region.cooperation.pk, name) + "?limit=2")
    assert set(page) == {"data", "pagination", "links"}
    assert isinstance(page["data"], list) and page["data"]
    assert isinstance(page["pagination"], dict) and isinstance(page["links"], dict)
    for data in page["data"]:
        validate(data)
