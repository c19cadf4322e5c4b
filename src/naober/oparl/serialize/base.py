"""Shared shaping rules: timestamps with offset, dates, and leaving out what has no data."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from naober.oparl import ids
from naober.portal.links import absolute

Json = dict[str, Any]


def date_time(value: datetime.datetime) -> str:
    """`yyyy-mm-ddThh:mm:ss±hh:mm` in the installation's zone (no fractions: clients parse it strictly)."""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


def date(value: datetime.date) -> str:
    return value.isoformat()


def latest(*moments: datetime.datetime | None) -> datetime.datetime:
    return max(moment for moment in moments if moment is not None)


def obj(
    type_name: str,
    url: str,
    *,
    created: datetime.datetime,
    modified: datetime.datetime,
    web: str = "",
    **properties: Any,
) -> Json:
    """An OParl object: id, type, the properties that have data (no null, "" or []), timestamps, web."""
    data: Json = {"id": url, "type": ids.type_of(type_name)}
    for key, value in properties.items():
        if value is None or value == "" or value == [] or value == {}:
            continue
        data[key] = value
    data["created"] = date_time(created)
    data["modified"] = date_time(modified)
    if web:
        data["web"] = absolute(web) if web.startswith("/") else web
    return data


def vendor(data: Json, **properties: Any) -> Json:
    """Add prefixed vendor properties (`naober:<name>`), leaving out the empty ones."""
    for key, value in properties.items():
        if value is None or value == "" or value == [] or value == {}:
            continue
        data[f"naober:{key}"] = value
    return data


def deleted(type_name: str, url: str, *, created: datetime.datetime, modified: datetime.datetime) -> Json:
    """A soft-deleted object: what the spec keeps (id, type, created) and `modified` = deletion time."""
    return {
        "id": url,
        "type": ids.type_of(type_name),
        "created": date_time(created),
        "modified": date_time(modified),
        "deleted": True,
    }
