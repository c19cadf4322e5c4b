"""The visibility rules of `naober.access.rules`, turned into index fields and into an engine filter.

At index time an object's chain — itself, its agenda item and that item's parent (for a document of a dossier:
the dossier) — is folded into one set of permission fields: the most closed level, when it is public, until
when it is secret, who may see it while secret and who is trusted with it as a member is. At query time a
`Viewer` becomes an `AccessFilter`. Everything that changes without an edit (an embargo or secrecy lift date
passing, a membership starting or ending) is a time or a set in these fields, compared at query time; every
edit that changes them (convening, confidentiality, secrecy, recipients) re-indexes the object.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from naober.access.models import Secrecy
from naober.access.rules import PUBLISHED_STATUSES
from naober.access.viewer import Viewer
from naober.core.models import Confidentiality
from naober.meetings.models import Meeting, MeetingStatus
from naober.search.backend import AccessFilter, Level, MemberPeriod

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
_LEVELS: dict[str, int] = {
    Confidentiality.PUBLIC: Level.PUBLIC,
    Confidentiality.CONFIDENTIAL: Level.CONFIDENTIAL,
}


def meeting_published(meeting: Meeting) -> bool:
    """As `access.rules.published_q`: convened or held, or cancelled after convening."""
    if meeting.status in PUBLISHED_STATUSES:
        return True
    return meeting.status == MeetingStatus.CANCELLED and meeting.convened_at is not None


@dataclass(frozen=True)
class SecrecyFacts:
    active: bool
    lift_on: datetime.date | None
    recipients: frozenset[int]


@dataclass
class SecrecyIndex:
    """The secrecy records of a batch of objects, loaded in two queries."""

    items: dict[int, SecrecyFacts] = field(default_factory=dict)
    documents: dict[int, SecrecyFacts] = field(default_factory=dict)
    dossiers: dict[int, SecrecyFacts] = field(default_factory=dict)

    @classmethod
    def load(
        cls, *, items: Iterable[int] = (), documents: Iterable[int] = (), dossiers: Iterable[int] = ()
    ) -> SecrecyIndex:
        from django.db.models import Q

        wanted = (
            Q(agenda_item_id__in=sorted(set(items)))
            | Q(document_id__in=sorted(set(documents)))
            | Q(dossier_id__in=sorted(set(dossiers)))
        )
        today = timezone.localdate()
        index = cls()
        for secrecy in Secrecy.objects.filter(wanted).prefetch_related("recipients"):
            facts = SecrecyFacts(
                active=secrecy.is_active(on=today),
                lift_on=secrecy.lift_on,
                recipients=frozenset(user.pk for user in secrecy.recipients.all()),
            )
            if secrecy.agenda_item_id is not None:
                index.items[secrecy.agenda_item_id] = facts
            elif secrecy.document_id is not None:
                index.documents[secrecy.document_id] = facts
            elif secrecy.dossier_id is not None:
                index.dossiers[secrecy.dossier_id] = facts
        return index


@dataclass(frozen=True)
class Part:
    """One link of an object's chain."""

    confidentiality: str
    secrecy: SecrecyFacts | None = None
    embargo_until: datetime.datetime | None = None


@dataclass(frozen=True)
class Access:
    level: int
    published_at: datetime.datetime | None
    secret_until: datetime.datetime | None
    recipients: tuple[int, ...]
    trusted_users: tuple[int, ...]


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))


def combine(parts: list[Part], *, published: bool) -> Access:
    """The most closed of the parts (access.rules: "as closed as the most closed of itself, its agenda item
    and that item's parent"). Several secrets at once: only recipients of all of them, until the last one
    is lifted — a little stricter than the rules while only some are lifted, never more open."""
    level = Level.PUBLIC
    secret_recipients: list[frozenset[int]] = []
    lifts: list[datetime.datetime | None] = []
    trusted: set[int] = set()
    for part in parts:
        secrecy = part.secrecy
        if secrecy is not None:
            trusted |= secrecy.recipients  # lifting never takes access away
        if secrecy is not None and secrecy.active:
            level = Level.SECRET
            secret_recipients.append(secrecy.recipients)
            lifts.append(_local_midnight(secrecy.lift_on) if secrecy.lift_on else None)
        elif secrecy is None and part.confidentiality == Confidentiality.SECRET:
            level = Level.SECRET  # marked secret without a secrecy record: secret to everyone
            secret_recipients.append(frozenset())
            lifts.append(None)
        else:
            level = max(level, _LEVELS.get(part.confidentiality, Level.CONFIDENTIAL))
    recipients: frozenset[int] = (
        frozenset.intersection(*secret_recipients) if secret_recipients else frozenset()
    )
    secret_until = (
        None if not lifts or any(lift is None for lift in lifts) else max(lift for lift in lifts if lift)
    )
    published_at = None
    if published and level == Level.PUBLIC:
        embargoes = [part.embargo_until for part in parts if part.embargo_until is not None]
        published_at = max(embargoes, default=EPOCH)
    return Access(
        level=level,
        published_at=published_at,
        secret_until=secret_until if level == Level.SECRET else None,
        recipients=tuple(sorted(recipients)) if level == Level.SECRET else (),
        trusted_users=tuple(sorted(trusted)),
    )


def access_filter(viewer: Viewer) -> AccessFilter:
    """What the engine needs to know of a viewer (see tantivy_query for the clauses)."""
    if not viewer.is_authenticated:
        return AccessFilter()
    today = viewer.today
    return AccessFilter(
        user_id=viewer.user_id,
        all_cooperations=viewer.is_platform_admin,
        editor_cooperation_ids=viewer.editor_cooperation_ids,
        member_body_ids=viewer.member_body_ids,
        member_periods=tuple(
            MemberPeriod(body_id=period.body_id, start=period.start, end=period.end)
            for period in viewer.memberships
            if not period.current_on(today)
        ),
    )
