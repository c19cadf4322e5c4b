"""Reads of the audit trail: a cooperation's entries, filtered, newest first, paged by (at, id).

Keyset pagination instead of OFFSET: a page deep in a long trail costs the same as the first, and entries
written while someone pages do not shift the rows under them.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Q, QuerySet

from naober.core.models import AuditEntry

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
MICROSECOND = datetime.timedelta(microseconds=1)
ObjectKey = tuple[str, str]


@dataclass(frozen=True)
class AuditFilter:
    """What an administrator narrows the trail to; empty values filter nothing."""

    object_type: str = ""
    action: str = ""
    channel: str = ""
    actor_id: int | None = None
    since: datetime.date | None = None
    until: datetime.date | None = None
    text: str = ""

    @property
    def active(self) -> bool:
        return any(
            (self.object_type, self.action, self.channel, self.actor_id, self.since, self.until, self.text)
        )


@dataclass(frozen=True)
class Cursor:
    """The last row of a page: the next page starts after it."""

    at: datetime.datetime
    id: int

    def encode(self) -> str:
        return f"{(self.at - EPOCH) // MICROSECOND}-{self.id}"

    @classmethod
    def decode(cls, value: str) -> Cursor | None:
        micros, _sep, pk = value.partition("-")
        if not (micros.isdigit() and pk.isdigit()) or len(micros) > 20:
            return None
        try:
            return cls(at=EPOCH + int(micros) * MICROSECOND, id=int(pk))
        except OverflowError:
            return None


def audit_trail(*, cooperation_id: int) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(cooperation_id=cooperation_id)


def _local_midnight(day: datetime.date, zone: zoneinfo.ZoneInfo) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)


def audit_filtered(
    entries: QuerySet[AuditEntry], *, criteria: AuditFilter, time_zone: str
) -> QuerySet[AuditEntry]:
    """`entries` narrowed to `criteria`; the period's days are whole days in the cooperation's time zone."""
    zone = zoneinfo.ZoneInfo(time_zone)
    if criteria.object_type:
        entries = entries.filter(object_type=criteria.object_type)
    if criteria.action:
        entries = entries.filter(action=criteria.action)
    if criteria.channel:
        entries = entries.filter(channel=criteria.channel)
    if criteria.actor_id is not None:
        entries = entries.filter(actor_id=criteria.actor_id)
    if criteria.since is not None:
        entries = entries.filter(at__gte=_local_midnight(criteria.since, zone))
    if criteria.until is not None:
        entries = entries.filter(at__lt=_local_midnight(criteria.until + datetime.timedelta(days=1), zone))
    if criteria.text:
        entries = entries.filter(object_repr__icontains=criteria.text)
    return entries


def audit_page(
    entries: QuerySet[AuditEntry], *, after: Cursor | None, size: int
) -> tuple[list[AuditEntry], Cursor | None]:
    """One page of `entries`, newest first, and the cursor of the next page (None on the last page)."""
    ordered = entries.order_by("-at", "-id")
    if after is not None:
        ordered = ordered.filter(Q(at__lt=after.at) | Q(at=after.at, id__lt=after.id))
    rows = list(ordered[: size + 1])
    if len(rows) <= size:
        return rows, None
    last = rows[size - 1]
    return rows[:size], Cursor(at=last.at, id=last.pk)


def audit_entries_of(entries: QuerySet[AuditEntry], *, keys: Iterable[ObjectKey]) -> QuerySet[AuditEntry]:
    """The entries about any of the objects `keys` ((object type, object id) pairs)."""
    by_type: dict[str, set[str]] = {}
    for object_type, object_id in keys:
        by_type.setdefault(object_type, set()).add(str(object_id))
    if not by_type:
        return entries.none()
    condition = Q()
    for object_type, ids in sorted(by_type.items()):
        condition |= Q(object_type=object_type, object_id__in=sorted(ids))
    return entries.filter(condition)


def audit_former_ids(
    entries: QuerySet[AuditEntry], *, object_type: str, field: str, values: Iterable[int]
) -> set[str]:
    """Ids of objects of `object_type` whose `field` was ever one of `values` — also those changed or deleted
    since (their entries keep the old value)."""
    wanted = sorted(set(values))
    if not wanted:
        return set()
    return set(
        entries.filter(object_type=object_type)
        .filter(Q(**{f"changes__{field}__0__in": wanted}) | Q(**{f"changes__{field}__1__in": wanted}))
        .order_by()
        .values_list("object_id", flat=True)
        .distinct()
    )


def audit_actor_choices(entries: QuerySet[AuditEntry]) -> list[tuple[int, str]]:
    """The people who appear in the trail, by name, for the user filter."""
    pairs = entries.filter(actor__isnull=False).order_by().values_list("actor_id", "actor_name").distinct()
    names: dict[int, str] = {}
    for actor_id, name in pairs:
        names.setdefault(actor_id, name)
    return sorted(names.items(), key=lambda pair: pair[1].lower())


def object_type_label(object_type: str) -> str:
    """The model's verbose name ("agendapunt"), or the raw type when the model no longer exists."""
    try:
        model = apps.get_model(object_type)
    except (LookupError, ValueError):
        return object_type
    return str(model._meta.verbose_name)


def audit_object_type_choices(entries: QuerySet[AuditEntry]) -> list[tuple[str, str]]:
    types = entries.order_by().values_list("object_type", flat=True).distinct()
    return sorted(((value, object_type_label(value)) for value in types), key=lambda pair: pair[1])
