"""The generic write path: validate, write atomically, record the audit entry.

Domain services call `object_save`/`object_delete` (or `audit_record` directly) so that every channel —
admin, secretariat UI, CLI, importers — leaves the same trace.
"""

from __future__ import annotations

import datetime
import decimal
import uuid
from typing import Any, TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import models, transaction
from django.db.models.fields.files import FieldFile

from naober.core.models import AuditEntry, Channel

M = TypeVar("M", bound=models.Model)
# Long texts (extracted document text, minutes) are cut in the audit trail; the object keeps them whole.
AUDIT_TEXT_LIMIT = 2000
Actor = AbstractBaseUser | AnonymousUser | None


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.date | datetime.datetime | datetime.time | decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, str) and len(value) > AUDIT_TEXT_LIMIT:
        return value[:AUDIT_TEXT_LIMIT] + "…"
    return value


def object_snapshot(instance: models.Model) -> dict[str, Any]:
    """The concrete, non-relational-set field values of an object, JSON-ready."""
    snapshot: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.name in ("created", "modified"):
            continue
        snapshot[field.attname] = _plain(getattr(instance, field.attname))
    return snapshot


def _diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    return {key: [before.get(key), value] for key, value in after.items() if before.get(key) != value}


def user_or_none(by: Actor) -> Any:
    return by if by is not None and by.is_authenticated else None


def audit_record(
    *,
    instance: models.Model,
    action: str,
    by: Actor,
    channel: str,
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    actor = user_or_none(by)
    return AuditEntry.objects.create(
        actor=actor,
        actor_name=actor.get_username() if actor is not None else "",
        channel=channel,
        action=action,
        object_type=instance._meta.label_lower,
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        changes=changes or {},
    )


def object_save(
    *,
    instance: M,
    by: Actor = None,
    channel: str = Channel.SYSTEM,
    many_to_many: dict[str, Any] | None = None,
) -> M:
    """Validate and save one object with its audit entry; returns the saved object.

    `many_to_many` sets relation sets after the save ({"topics": [...]}), inside the same transaction.
    """
    instance.full_clean()
    with transaction.atomic():
        creating = instance._state.adding or instance.pk is None
        before: dict[str, Any] = {}
        if not creating:
            previous = type(instance)._default_manager.filter(pk=instance.pk).first()
            before = object_snapshot(previous) if previous is not None else {}
        instance.save()
        changes = _diff(before, object_snapshot(instance))
        for name, values in (many_to_many or {}).items():
            manager = getattr(instance, name)
            old = sorted(manager.values_list("pk", flat=True))
            manager.set(values)
            new = sorted(manager.values_list("pk", flat=True))
            if old != new:
                changes[name] = [old, new]
        if creating or changes:
            audit_record(
                instance=instance,
                action=AuditEntry.Action.CREATE if creating else AuditEntry.Action.UPDATE,
                by=by,
                channel=channel,
                changes=changes,
            )
    return instance


def object_delete(*, instance: models.Model, by: Actor = None, channel: str = Channel.SYSTEM) -> None:
    with transaction.atomic():
        audit_record(
            instance=instance,
            action=AuditEntry.Action.DELETE,
            by=by,
            channel=channel,
            changes={key: [value, None] for key, value in object_snapshot(instance).items()},
        )
        instance.delete()
