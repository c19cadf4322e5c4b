"""Schema validation with the vendored draft-07 OParl schemas, and a crawler that follows only links."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
from django.conf import settings
from django.test import Client
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

SCHEMAS = Path(__file__).parent / "schemas"
TYPE_PREFIX = "https://schema.oparl.org/1.1/"
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _registry() -> Registry:
    resources = []
    for path in SCHEMAS.glob("*.json"):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resource = Resource.from_contents(contents, default_specification=DRAFT7)
        resources.append((contents["$id"], resource))
        # `"$ref": "File.json"` resolves against the referring schema's `$id`: https://schema.oparl.org/1.1/File.json
        resources.append((f"{TYPE_PREFIX}{path.name}", resource))
        resources.append((path.name, resource))
    return Registry().with_resources(resources)


REGISTRY = _registry()
FORMATS = jsonschema.FormatChecker(formats=())


@FORMATS.checks("date-time")
def _date_time(value: object) -> bool:
    return not isinstance(value, str) or DATE_TIME.match(value) is not None


@FORMATS.checks("date")
def _date(value: object) -> bool:
    return not isinstance(value, str) or DATE.match(value) is not None


@FORMATS.checks("url")
def _url(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def validate(data: dict[str, Any]) -> None:
    """Validate one OParl object against the schema of its `type` (embedded objects through `$ref`)."""
    type_url = data["type"]
    assert type_url.startswith(TYPE_PREFIX), type_url
    name = type_url.removeprefix(TYPE_PREFIX)
    schema = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, registry=REGISTRY, format_checker=FORMATS)
    errors = sorted(validator.iter_errors(data), key=lambda error: list(error.path))
    assert not errors, f"{data['id']}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors)


def path_of(url: str) -> str:
    site = settings.NAOBER_SITE_URL.rstrip("/")
    assert url.startswith(site), url
    return url[len(site) :]


def get_json(client: Client, url: str) -> dict[str, Any]:
    response = client.get(path_of(url) if url.startswith("http") else url)
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"].startswith("application/json")
    assert not response.cookies, url
    return json.loads(response.content.decode("utf-8"))


def walk(value: Any) -> Iterator[dict[str, Any]]:
    """Every OParl object in `value`, embedded ones included."""
    if isinstance(value, dict):
        if "type" in value and "id" in value:
            yield value
        for inner in value.values():
            yield from walk(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from walk(inner)


def no_empty_values(value: Any, where: str = "") -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            assert inner is not None and inner != "" and inner != {}, f"{where}.{key} is empty"
            if inner == [] and key not in ("data", "legislativeTerm"):
                raise AssertionError(f"{where}.{key} is an empty list")
            no_empty_values(inner, f"{where}.{key}")
    elif isinstance(value, list):
        for inner in value:
            no_empty_values(inner, where)


URL_KEYS_NOT_FOLLOWED = ("web", "website", "vendor", "product", "accessUrl", "downloadUrl", "oparlVersion")


@dataclass
class Crawl:
    pages: dict[str, dict[str, Any]] = field(default_factory=dict)
    objects: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)
    text: list[str] = field(default_factory=list)

    @property
    def all_text(self) -> str:
        return "\n".join(self.text)

    def types(self) -> set[str]:
        return {data["type"].removeprefix(TYPE_PREFIX) for data in self.objects.values()}


def _links(value: Any, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for inner_key, inner in value.items():
            yield from _links(inner, inner_key)
    elif isinstance(value, list):
        for inner in value:
            yield from _links(inner, key)
    elif isinstance(value, str) and value.startswith(settings.NAOBER_SITE_URL + "/oparl/"):
        yield key, value


def crawl(client: Client, *, limit: int | None = None, max_pages: int = 5000) -> Crawl:
    """Start at the System and follow every OParl link (list pages, `next`, object ids); validate every
    object on the way."""
    result = Crawl()
    start = settings.NAOBER_SITE_URL + "/oparl/v1.1/"
    queue = [start]
    seen = {start}
    while queue:
        url = queue.pop()
        assert len(result.pages) < max_pages, "crawl does not end"
        url_to_get = f"{url}?limit={limit}" if limit and "?" not in url and _is_list(url) else url
        data = get_json(client, url_to_get)
        result.pages[url] = data
        result.text.append(json.dumps(data, ensure_ascii=False))
        no_empty_values(data, url)
        if "data" in data:
            assert set(data) >= {"data", "pagination", "links"}, url
        for found in walk(data):
            validate(found)
            result.objects.setdefault(found["id"], found)
        for key, link in _links(data):
            if key in ("accessUrl", "downloadUrl"):
                result.files.add(link)
                continue
            if key in URL_KEYS_NOT_FOLLOWED:
                continue
            # An object already read (embedded in this or an earlier page) need not be fetched again;
            # that every object also answers at its own id is a test of its own.
            if link not in seen and link not in result.objects:
                seen.add(link)
                queue.append(link)
    return result


LIST_NAMES = (
    "/body",
    "/organization",
    "/person",
    "/meeting",
    "/paper",
    "/agendaItem",
    "/consultation",
    "/file",
    "/locationList",
    "/legislativeTermList",
    "/membership",
)


def _is_list(url: str) -> bool:
    return url.endswith(LIST_NAMES)
