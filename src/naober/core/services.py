"""The generic write path: validate, write atomically, record the audit entry.

Domain services call `object_save`/`object_delete` (or `audit_record` directly) so that every channel —
admin, secretariat UI, CLI, importers — leaves the same trace.
"""

from __future__ import annotations

import datetime
import decimal
import uuid
from collections.abc import Iterable
from typing import Any, TypeVar, cast

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import FieldDoesNotExist
from django.db import models, router, transaction
from django.db.models.deletion import Collector
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


# Never copied into the trail: a password hash is a secret even when hashed.
REDACTED_FIELDS = frozenset({"password"})
REDACTED = "•••"


def object_snapshot(instance: models.Model) -> dict[str, Any]:
    """The concrete, non-relational-set field values of an object, JSON-ready."""
    snapshot: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.name in ("created", "modified"):
            continue
        value = getattr(instance, field.attname)
        snapshot[field.attname] = REDACTED if field.name in REDACTED_FIELDS and value else _plain(value)
    return snapshot


def _diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    return {key: [before.get(key), value] for key, value in after.items() if before.get(key) != value}


def user_or_none(by: Actor) -> Any:
    return by if by is not None and by.is_authenticated else None


# The relations through which an object belongs to a cooperation, tried in this order: an agenda item through
# its meeting, a membership or action through its body, a consultation through its dossier, a document
# version through its document. Registry objects (municipalities, persons, users) belong to none.
COOPERATION_PATHS = ("meeting", "body", "dossier", "document", "agenda_item", "origin")


def audit_cooperation_id(instance: models.Model, *, depth: int = 0) -> int | None:
    """The cooperation an object belongs to, for scoping its audit entries; None for shared objects."""
    if instance._meta.label_lower == "registry.cooperation":
        return instance.pk
    own = getattr(instance, "cooperation_id", None)
    if own is not None or depth >= 3:
        return own
    for name in COOPERATION_PATHS:
        try:
            field = instance._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not (field.many_to_one or field.one_to_one) or field.auto_created:
            continue
        if getattr(instance, field.attname, None) is None:  # type: ignore[union-attr]
            continue
        related = getattr(instance, name, None)
        found = audit_cooperation_id(related, depth=depth + 1) if related is not None else None
        if found is not None:
            return found
    return None


def audit_record(
    *,
    instance: models.Model,
    action: str,
    by: Actor,
    channel: str,
    changes: dict[str, Any] | None = None,
    object_repr: str | None = None,
    cooperation_id: int | None = None,
) -> AuditEntry:
    """One audit entry. `object_repr` replaces `str(instance)` where that may name something confidential;
    `cooperation_id` scopes an entry about a shared object (a user invited into a cooperation)."""
    actor = user_or_none(by)
    return AuditEntry.objects.create(
        actor=actor,
        actor_name=actor.get_username() if actor is not None else "",
        channel=channel,
        action=action,
        object_type=instance._meta.label_lower,
        object_id=str(instance.pk),
        object_repr=(str(instance) if object_repr is None else object_repr)[:300],
        changes=changes or {},
        cooperation_id=cooperation_id if cooperation_id is not None else audit_cooperation_id(instance),
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


def _audited(model: type[models.Model]) -> bool:
    """Our own domain objects; not relation tables, not the trail itself, not other apps' rows (which may
    hold secrets, such as a two-factor device's key)."""
    return model.__module__.startswith("naober.") and not model._meta.auto_created and model is not AuditEntry


def _cascade(instance: models.Model) -> tuple[list[models.Model], list[tuple[models.Model, str, Any]]]:
    """What deleting `instance` takes along: objects deleted with it (CASCADE), and references cleared
    (SET_NULL, SET_DEFAULT) — each gets its own entry, so nothing leaves the database unrecorded."""
    collector = Collector(using=router.db_for_write(type(instance), instance=instance), origin=instance)
    collector.collect([instance])
    deleted: list[models.Model] = []
    for model, objects in collector.data.items():
        if _audited(model):
            deleted += [obj for obj in objects if not (model is type(instance) and obj.pk == instance.pk)]
    for queryset in collector.fast_deletes:
        if _audited(queryset.model):
            deleted += list(queryset)
    gone = {(type(obj), obj.pk) for obj in deleted}
    cleared: list[tuple[models.Model, str, Any]] = []
    for (field, value), batches in collector.field_updates.items():
        for batch in batches:
            rows = cast(Iterable[models.Model], batch)  # a queryset or a list of instances
            cleared.extend(
                (obj, field.attname, value)
                for obj in rows
                if _audited(type(obj)) and (type(obj), obj.pk) not in gone
            )
    return deleted, cleared


def object_delete(*, instance: models.Model, by: Actor = None, channel: str = Channel.SYSTEM) -> None:
    """Delete an object with its entry, and an entry for every object its deletion deletes or changes."""
    with transaction.atomic():
        deleted, cleared = _cascade(instance)
        for obj in [instance, *deleted]:
            audit_record(
                instance=obj,
                action=AuditEntry.Action.DELETE,
                by=by,
                channel=channel,
                changes={key: [value, None] for key, value in object_snapshot(obj).items()},
            )
        for obj, attname, value in cleared:
            audit_record(
                instance=obj,
                action=AuditEntry.Action.UPDATE,
                by=by,
                channel=channel,
                changes={attname: [_plain(getattr(obj, attname)), _plain(value)]},
            )
        instance.delete()
