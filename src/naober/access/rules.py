"""Who may see which meeting, agenda item, document and dossier — decided here and nowhere else.

Every reader (portal pages, the secretariat, mails, downloads, exports) filters with these query builders or
asks these object checks, so one rule holds on every channel (shared/domain/rules.md §5):

- **Published.** A meeting, its agenda and its public items and documents are public from the moment the
  meeting is convened (Woo: "when sent to the participants"), also once held, and still after a cancellation
  that followed convening. Before that only the cooperation's editors see them.
- **Embargo.** An item or document with `embargo_until` in the future counts as confidential until then.
- **Confidential.** The cooperation's editors (and administrators), and the members — not guests — of the
  meeting's body or joint bodies whose membership is current on the meeting's date or today. For a dossier,
  or a document of a dossier only, the members (today) of any body on the dossier's route.
- **Secret.** Only the recipients named in the `Secrecy` — not editors, not platform administrators. An
  object marked secret without a secrecy record is secret to everyone (fail closed). Once lifted (lift date
  passed or `lifted_at` set) the object counts as confidential; its recipients keep their access, and a
  recipient of a secret item may also see the confidential parts inside it (sub-items, documents).
- An item or document is as closed as the most closed of itself, its agenda item, that item's parent and its
  meeting not being published yet.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from naober.access.models import Secrecy
from naober.access.viewer import ANONYMOUS, Viewer
from naober.core.models import Confidentiality
from naober.meetings.models import AgendaItem, Consultation, Document, Dossier, Meeting, MeetingStatus

PUBLISHED_STATUSES = (MeetingStatus.CONVENED, MeetingStatus.HELD)


def _true() -> Q:
    return Q(pk__isnull=False)


# A condition that can never hold is None rather than Q(pk__in=[]): anonymous visitors (most of the traffic)
# then get a filter of a dozen lookups instead of hundreds, which Django would compile on every query.


def _any(*parts: Q | None) -> Q | None:
    """Or of the conditions that can hold; None when none can."""
    found = [part for part in parts if part is not None]
    if not found:
        return None
    result = found[0]
    for part in found[1:]:
        result |= part
    return result


def _or(base: Q, extra: Q | None) -> Q:
    return base if extra is None else base | extra


@dataclass(frozen=True)
class SecrecyState:
    """Which objects of one kind are under secrecy on `on` (`active`) or have a secrecy record at all, as
    subqueries: the database joins them (a national platform has thousands of secrecies; loading them all
    and inlining their ids in every query cost more than the page)."""

    target: str  # the Secrecy field that points at this kind of object
    on: datetime.date

    @functools.cached_property
    def _active(self) -> QuerySet[Secrecy, dict[str, Any]]:
        rows = Secrecy.objects.filter(**{f"{self.target}__isnull": False})
        return rows.active(on=self.on).values(self.target)

    @functools.cached_property
    def _recorded(self) -> QuerySet[Secrecy, dict[str, Any]]:
        return Secrecy.objects.filter(**{f"{self.target}__isnull": False}).values(self.target)

    def active_q(self, p: str) -> Q:
        return Q(**{f"{p}pk__in": self._active})

    def recorded_q(self, p: str) -> Q:
        return Q(**{f"{p}pk__in": self._recorded})


@dataclass(frozen=True)
class SecrecySnapshot:
    """The secrecy of every object on one day. The query builders make one themselves; a caller that builds
    several filters at once (a batch of mails) may make it once and pass it in."""

    items: SecrecyState
    documents: SecrecyState
    dossiers: SecrecyState


@dataclass(frozen=True)
class _Context:
    viewer: Viewer
    now: datetime.datetime
    items: SecrecyState
    documents: SecrecyState
    dossiers: SecrecyState


def secrecy_snapshot() -> SecrecySnapshot:
    """No query: the states are subqueries evaluated inside the queries that use them."""
    today = timezone.localdate()
    return SecrecySnapshot(
        SecrecyState("agenda_item_id", today),
        SecrecyState("document_id", today),
        SecrecyState("dossier_id", today),
    )


def _context(viewer: Viewer, snapshot: SecrecySnapshot | None = None) -> _Context:
    secrecy = snapshot or secrecy_snapshot()
    return _Context(viewer, timezone.now(), secrecy.items, secrecy.documents, secrecy.dossiers)


# Building blocks; `p` is the lookup path from the queried model to the object the rule is about.


def published_q(p: str = "") -> Q:
    return Q(**{f"{p}status__in": PUBLISHED_STATUSES}) | Q(
        **{f"{p}status": MeetingStatus.CANCELLED, f"{p}convened_at__isnull": False}
    )


def _editor(viewer: Viewer, cooperation_field: str) -> Q | None:
    if viewer.is_platform_admin:
        return _true()
    if not viewer.editor_cooperation_ids:
        return None
    return Q(**{f"{cooperation_field}__in": viewer.editor_cooperation_ids})


def _meeting_of_bodies(p: str, body_ids: Iterable[int]) -> Q:
    ids = sorted(set(body_ids))
    joint = Meeting.joint_bodies.through.objects.filter(body_id__in=ids).values("meeting_id")
    return Q(**{f"{p}body_id__in": ids}) | Q(**{f"{p}pk__in": joint})


def _meeting_member(viewer: Viewer, p: str) -> Q | None:
    """Members (not guests) of the meeting's bodies, current today or on the meeting's date."""
    condition: Q | None = None
    current = viewer.member_body_ids
    if current:
        condition = _meeting_of_bodies(p, current)
    for period in viewer.memberships:
        if period.current_on(viewer.today):
            continue
        dated = Q(**{f"{p}start__date__gte": period.start})
        if period.end is not None:
            dated &= Q(**{f"{p}start__date__lt": period.end})
        condition = _any(condition, _meeting_of_bodies(p, [period.body_id]) & dated)
    return condition


def _route_member(viewer: Viewer, p: str) -> Q | None:
    bodies = viewer.member_body_ids
    if not bodies:
        return None
    steps = Consultation.objects.filter(body_id__in=sorted(bodies)).values("dossier_id")
    return Q(**{f"{p}pk__in": steps})


def _ids(p: str, ids: Iterable[int]) -> Q | None:
    found = sorted(ids)
    return Q(**{f"{p}pk__in": found}) if found else None


def _level_ok(p: str, state: SecrecyState, granted: frozenset[int], confidential_ok: Q | None) -> Q:
    """The object's own level allows the viewer: a recipient, or not secret and public or trusted."""
    field = f"{p}confidentiality"
    public = Q(**{field: Confidentiality.PUBLIC})
    if confidential_ok is None:
        # Public and not under secrecy (a public level rules out "secret without a record").
        allowed = public & ~state.active_q(p)
    else:
        secret = state.active_q(p) | (Q(**{field: Confidentiality.SECRET}) & ~state.recorded_q(p))
        allowed = ~secret & (public | confidential_ok)
    return _or(allowed, _ids(p, granted))


def _embargo_ok(p: str, now: datetime.datetime, confidential_ok: Q | None) -> Q:
    return _or(
        Q(**{f"{p}embargo_until__isnull": True}) | Q(**{f"{p}embargo_until__lte": now}), confidential_ok
    )


def _item_q(ctx: _Context, p: str) -> Q:
    viewer, meeting = ctx.viewer, f"{p}meeting__"
    editor = _editor(viewer, f"{meeting}cooperation_id")
    granted = viewer.secret_item_ids
    trusted = _any(editor, _meeting_member(viewer, meeting), _ids(p, granted), _ids(f"{p}parent__", granted))
    own = _level_ok(p, ctx.items, granted, trusted) & _embargo_ok(p, ctx.now, trusted)
    parent = f"{p}parent__"
    parent_ok = Q(**{f"{p}parent__isnull": True}) | (
        _level_ok(parent, ctx.items, granted, trusted) & _embargo_ok(parent, ctx.now, trusted)
    )
    return _or(published_q(meeting), editor) & own & parent_ok


def _dossier_q(ctx: _Context, p: str) -> Q:
    viewer = ctx.viewer
    editor = _editor(viewer, f"{p}cooperation_id")
    granted = viewer.secret_dossier_ids
    trusted = _any(editor, _route_member(viewer, p), _ids(p, granted))
    # Correlated (one index lookup per dossier), not `pk IN (every published item's dossier)`: that list
    # grew with the whole platform's history and was built again for every query.
    on_published = AgendaItem.objects.filter(published_q("meeting__"), dossier_id=OuterRef(f"{p}pk"))
    published = _or(Q(Exists(on_published)), editor)
    return published & _level_ok(p, ctx.dossiers, granted, trusted)


# Query builders


def meetings_visible_q(viewer: Viewer) -> Q:
    """Meetings the viewer may know of: published ones, and all of the cooperations they edit."""
    return _or(published_q(), _editor(viewer, "cooperation_id"))


def agenda_items_visible_q(viewer: Viewer, snapshot: SecrecySnapshot | None = None) -> Q:
    return _item_q(_context(viewer, snapshot), "")


def dossiers_visible_q(viewer: Viewer) -> Q:
    return _dossier_q(_context(viewer), "")


def documents_visible_q(viewer: Viewer, snapshot: SecrecySnapshot | None = None) -> Q:
    ctx = _context(viewer, snapshot)
    editor = _editor(viewer, "cooperation_id")
    own_grant = _ids("", viewer.secret_document_ids)
    items = viewer.secret_item_ids

    def own(trusted: Q | None) -> Q:
        trusted = _any(trusted, own_grant)
        return _level_ok("", ctx.documents, viewer.secret_document_ids, trusted) & _embargo_ok(
            "", ctx.now, trusted
        )

    on_item = (
        Q(agenda_item__isnull=False)
        & _item_q(ctx, "agenda_item__")
        & own(
            _any(
                editor,
                _meeting_member(viewer, "agenda_item__meeting__"),
                _ids("agenda_item__", items),
                _ids("agenda_item__parent__", items),
            )
        )
    )
    on_meeting = (
        Q(agenda_item__isnull=True, meeting__isnull=False)
        & _or(published_q("meeting__"), editor)
        & own(_any(editor, _meeting_member(viewer, "meeting__")))
    )
    on_dossier = (
        Q(agenda_item__isnull=True, meeting__isnull=True, dossier__isnull=False)
        & _dossier_q(ctx, "dossier__")
        & own(_any(editor, _route_member(viewer, "dossier__"), _ids("dossier__", viewer.secret_dossier_ids)))
    )
    return Q(deleted_at__isnull=True) & (on_item | on_meeting | on_dossier)


# Object checks: the same rules, asked of the database for one object.


def meeting_visible(viewer: Viewer, meeting: Meeting) -> bool:
    return Meeting.objects.filter(meetings_visible_q(viewer), pk=meeting.pk).exists()


def agenda_item_visible(viewer: Viewer, item: AgendaItem) -> bool:
    return AgendaItem.objects.filter(agenda_items_visible_q(viewer), pk=item.pk).exists()


def document_visible(viewer: Viewer, document: Document) -> bool:
    return Document.objects.filter(documents_visible_q(viewer), pk=document.pk).exists()


def dossier_visible(viewer: Viewer, dossier: Dossier) -> bool:
    return Dossier.objects.filter(dossiers_visible_q(viewer), pk=dossier.pk).exists()


def document_is_public(document: Document) -> bool:
    """Public means: an anonymous visitor may open it now."""
    return document_visible(ANONYMOUS, document)


def visible_item_ids(viewer: Viewer, *, meeting: Meeting) -> set[int]:
    items = AgendaItem.objects.filter(agenda_items_visible_q(viewer), meeting=meeting)
    return set(items.values_list("pk", flat=True))


def may_see_confidential_in(viewer: Viewer, meeting: Meeting) -> bool:
    """Is the viewer trusted with the meeting's confidential (not secret) items: an editor or a member?"""
    if viewer.may_edit(meeting.cooperation_id):
        return True
    from naober.meetings.calendar import meeting_local_start

    bodies = {meeting.body_id, *meeting.joint_bodies.values_list("pk", flat=True)}
    return viewer.member_of_on(bodies, {meeting_local_start(meeting).date(), viewer.today})


@dataclass(frozen=True)
class HiddenItem:
    """A secret agenda item as its non-recipient editors see it: the number, nothing else."""

    pk: int
    number: str
    parent_id: int | None
    meeting_id: int
    is_placeholder: bool = True


AgendaRow = AgendaItem | HiddenItem


def agenda_rows(*, viewer: Viewer, meeting: Meeting, items: list[AgendaItem]) -> list[AgendaRow]:
    """`items` (a meeting's agenda in order) as the viewer may see them: editors get a placeholder for
    each item they may not see (a secret they are no recipient of); everyone else simply does not see it."""
    visible = visible_item_ids(viewer, meeting=meeting)
    placeholders = viewer.may_edit(meeting.cooperation_id)
    rows: list[AgendaRow] = []
    for item in items:
        if item.pk in visible:
            rows.append(item)
        elif placeholders:
            rows.append(HiddenItem(item.pk, item.number, item.parent_id, item.meeting_id))
    return rows
