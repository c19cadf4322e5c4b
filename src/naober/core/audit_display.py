"""The audit trail made readable: field names in the reader's language, choices as labels, references named.

Only references to objects without confidentiality of their own (bodies, persons, municipalities, meetings …)
are named; others (agenda items, documents, dossiers) stay a number, so a changed reference never shows the
title of an item the reader may not see.
"""

from __future__ import annotations

import datetime
import json
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models
from django.utils import formats
from django.utils.translation import gettext as _

from naober.core.models import AuditEntry

# Values longer than this are shortened in the table, with the whole value behind an expander.
SHORT_LIMIT = 120
# Objects whose name is no secret: a reference to them is shown by name.
NAMED_MODELS: dict[str, tuple[str, ...]] = {
    "accounts.user": (),
    "governance.body": ("topic",),
    "governance.person": (),
    "meetings.meeting": ("body__topic",),
    "meetings.meetingday": (),
    "registry.cooperation": (),
    "registry.municipality": (),
    "registry.organisation": (),
    "registry.topic": (),
}
Labels = dict[tuple[str, str], str]


@dataclass(frozen=True)
class Value:
    text: str

    @property
    def short(self) -> str:
        return self.text if len(self.text) <= SHORT_LIMIT else self.text[:SHORT_LIMIT].rstrip() + "…"

    @property
    def is_long(self) -> bool:
        return len(self.text) > SHORT_LIMIT


@dataclass(frozen=True)
class ChangeRow:
    name: str
    before: Value
    after: Value


def _model(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def _fields_by_key(model: type[models.Model] | None) -> dict[str, models.Field[Any, Any]]:
    if model is None:
        return {}
    fields: dict[str, models.Field[Any, Any]] = {}
    for field in model._meta.concrete_fields:
        fields[field.attname] = field
        fields[field.name] = field
    for field in model._meta.many_to_many:
        fields[field.name] = field
    return fields


def _pair(value: Any) -> tuple[Any, Any]:
    if isinstance(value, list | tuple) and len(value) == 2:
        return value[0], value[1]
    return None, value


def field_name(field: models.Field[Any, Any] | None, key: str) -> str:
    return str(field.verbose_name) if field is not None else key


def _shown(changes: dict[str, Any], fields: dict[str, models.Field[Any, Any]]) -> list[str]:
    """The keys worth showing: not the object's own id, which the entry names already."""
    return [key for key in changes if not getattr(fields.get(key), "primary_key", False)]


def changed_field_names(entry: AuditEntry) -> list[str]:
    """The changed fields of an entry by their names, for the overview."""
    if not isinstance(entry.changes, dict):
        return []
    fields = _fields_by_key(_model(entry.object_type))
    return [field_name(fields.get(key), key) for key in _shown(entry.changes, fields)]


def _related_label(field: models.Field[Any, Any]) -> str | None:
    related = getattr(field, "related_model", None)
    if related is None or isinstance(related, str):
        return None
    return str(related._meta.label_lower)


def references(entries: Iterable[AuditEntry]) -> Labels:
    """Names of the referenced objects that may be named, in one query per kind of object."""
    wanted: dict[str, set[str]] = {}
    for entry in entries:
        if not isinstance(entry.changes, dict):
            continue
        fields = _fields_by_key(_model(entry.object_type))
        for key, value in entry.changes.items():
            field = fields.get(key)
            target = _related_label(field) if field is not None else None
            if target not in NAMED_MODELS:
                continue
            for side in _pair(value):
                for pk in side if isinstance(side, list) else [side]:
                    if pk not in (None, ""):
                        wanted.setdefault(str(target), set()).add(str(pk))
    labels: Labels = {}
    for target, ids in wanted.items():
        model = apps.get_model(target)
        queryset = model._default_manager.filter(pk__in=sorted(ids))
        if NAMED_MODELS[target]:
            queryset = queryset.select_related(*NAMED_MODELS[target])
        labels.update({(target, str(obj.pk)): str(obj) for obj in queryset})
    return labels


def _choice_label(field: models.Field[Any, Any], value: Any) -> str | None:
    for key, label in field.flatchoices or ():
        if key == value:
            return str(label)
    return None


def _moment(value: str, zone: zoneinfo.ZoneInfo) -> str:
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone(zone)
    return formats.date_format(moment, "j F Y, H:i")


def _text(field: models.Field[Any, Any] | None, value: Any, labels: Labels, zone: zoneinfo.ZoneInfo) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if field is not None:
        target = _related_label(field)
        if target is not None:
            ids = value if isinstance(value, list) else [value]
            return ", ".join(labels.get((target, str(pk)), f"#{pk}") for pk in ids)
        label = _choice_label(field, value)
        if label is not None:
            return label
        if isinstance(field, models.DateTimeField) and isinstance(value, str):
            return _moment(value, zone)
        if isinstance(field, models.DateField) and isinstance(value, str):
            try:
                return formats.date_format(datetime.date.fromisoformat(value), "j F Y")
            except ValueError:
                return value
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def describe_changes(entry: AuditEntry, *, labels: Labels, time_zone: str) -> list[ChangeRow]:
    """Each changed field of an entry: its name, the value before and the value after."""
    if not isinstance(entry.changes, dict):
        return []
    zone = zoneinfo.ZoneInfo(time_zone)
    fields = _fields_by_key(_model(entry.object_type))
    rows = []
    for key in _shown(entry.changes, fields):
        field = fields.get(key)
        before, after = _pair(entry.changes[key])
        rows.append(
            ChangeRow(
                name=field_name(field, key),
                before=Value(_text(field, before, labels, zone)),
                after=Value(_text(field, after, labels, zone)),
            )
        )
    return rows
