"""Historical timestamps: a generated meeting of 2018 was created in 2018, not on the day of generation."""

from __future__ import annotations

import contextlib
import datetime
import zoneinfo
from collections.abc import Iterator
from typing import Any

from django.apps import apps
from django.db.models import DateTimeField

from naober.core.models import TimestampedModel

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def aware(day: datetime.date, hour: int = 9, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=AMSTERDAM)


@contextlib.contextmanager
def stamped() -> Iterator[None]:
    """Inside, `created` and `modified` are written as given instead of now (bulk paths set them all)."""
    fields: list[tuple[DateTimeField[Any, Any], bool, bool]] = []
    for model in apps.get_models():
        if issubclass(model, TimestampedModel):
            for name in ("created", "modified"):
                found = model._meta.get_field(name)
                if not isinstance(found, DateTimeField):
                    raise TypeError(f"{model.__name__}.{name} is not a DateTimeField")
                fields.append((found, found.auto_now, found.auto_now_add))
                found.auto_now = found.auto_now_add = False
    try:
        yield
    finally:
        for found, auto_now, auto_now_add in fields:
            found.auto_now, found.auto_now_add = auto_now, auto_now_add
