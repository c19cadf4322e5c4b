"""Read path of the meeting cycle: who is invited, and what each person may see of an agenda and documents.

What a reader may see is decided by `naober.access.rules` (shared/domain/rules.md §5); this module applies it
to a meeting. An invitation shows each recipient what their account would show them; a recipient without an
account sees by their memberships alone (confidential for members, public only for guests), and secret items
only ever reach their named recipients.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils import timezone

from naober.access.rules import (
    SecrecySnapshot,
    agenda_items_visible_q,
    document_is_public,
    document_visible,
    documents_visible_q,
)
from naober.access.viewer import Viewer, viewer_for, viewers_for_people
from naober.accounts.permissions import AnyUser
from naober.core.models import Confidentiality
from naober.governance.models import Membership, MembershipRole, Person
from naober.meetings.calendar import meeting_local_start
from naober.meetings.models import AgendaItem, Document, DocumentVersion, Meeting
from naober.meetings.services.agenda import agenda_items_in_order

# Everyone in a body gets the invitation; guests only see what is public.
INVITED_ROLES = (
    MembershipRole.CHAIR,
    MembershipRole.VICE_CHAIR,
    MembershipRole.SECRETARY,
    MembershipRole.MEMBER,
    MembershipRole.SUBSTITUTE,
    MembershipRole.ADVISER,
    MembershipRole.GUEST,
)
_RANK: dict[str, int] = {
    Confidentiality.PUBLIC: 0,
    Confidentiality.CONFIDENTIAL: 1,
    Confidentiality.SECRET: 2,
}


@dataclass(frozen=True)
class Recipient:
    """Someone invited, with the viewer that decides what their mail shows. Recipients with the same
    `view_key` see exactly the same items and documents of this meeting, so they share one rendering."""

    person: Person
    email: str
    may_see_confidential: bool
    viewer: Viewer
    view_key: tuple[object, ...] = ()

    @property
    def name(self) -> str:
        return self.person.name


@dataclass(frozen=True)
class MeetingDocument:
    """A visible document of a meeting with its current version."""

    document: Document
    version: DocumentVersion

    @property
    def agenda_item_id(self) -> int | None:
        return self.document.agenda_item_id


def most_closed(*levels: str) -> str:
    return max(levels, key=lambda level: _RANK.get(level, 2))


def meeting_body_ids(meeting: Meeting) -> list[int]:
    return [meeting.body_id, *meeting.joint_bodies.values_list("pk", flat=True)]


def _current_on(on: datetime.date) -> Q:
    return Q(start_date__lte=on) & (Q(end_date__isnull=True) | Q(end_date__gt=on))


def meeting_recipients(*, meeting: Meeting) -> list[Recipient]:
    """Everyone in the meeting's bodies on the meeting's date who has an e-mail address, once per person,
    each with the viewer that decides what their mail shows; in a fixed number of queries."""
    on = meeting_local_start(meeting).date()
    body_ids = meeting_body_ids(meeting)
    memberships = (
        Membership.objects.filter(_current_on(on), body_id__in=body_ids, role__in=INVITED_ROLES)
        .exclude(person__email="")
        .select_related("person", "person__user")
        .order_by("person__family_name", "person__given_name", "person_id")
    )
    people: dict[int, Person] = {}
    for membership in memberships:
        people.setdefault(membership.person_id, membership.person)
    viewers = viewers_for_people(people.values())
    item_ids: set[int] = set()
    document_ids: set[int] = set()
    if any(viewer.secret_item_ids or viewer.secret_document_ids for viewer in viewers.values()):
        item_ids = set(AgendaItem.objects.filter(meeting=meeting).values_list("pk", flat=True))
        document_ids = set(
            Document.objects.filter(Q(agenda_item__meeting=meeting) | Q(meeting=meeting)).values_list(
                "pk", flat=True
            )
        )
    days = {on, timezone.localdate()}
    recipients: list[Recipient] = []
    for person_id, person in people.items():
        viewer = viewers[person_id]
        editor = viewer.may_edit(meeting.cooperation_id)
        member = viewer.member_of_on(set(body_ids), days)
        # What decides the viewer's view of this meeting (naober.access.rules): editor, member, and their
        # secret grants within this meeting.
        key = (
            editor,
            member,
            frozenset(viewer.secret_item_ids & item_ids),
            frozenset(viewer.secret_document_ids & document_ids),
        )
        recipients.append(
            Recipient(
                person=person,
                email=person.email,
                may_see_confidential=editor or member,
                viewer=viewer,
                view_key=key,
            )
        )
    return recipients


def agenda_for(
    *, meeting: Meeting, viewer: Viewer, snapshot: SecrecySnapshot | None = None
) -> list[AgendaItem]:
    """The agenda in order without what the viewer may not see."""
    visible = AgendaItem.objects.filter(agenda_items_visible_q(viewer, snapshot))
    items = agenda_items_in_order(meeting, visible)
    # A sub-item whose parent is hidden is hidden too (the rules say so); keep the list consistent anyway.
    shown = {item.pk for item in items}
    return [item for item in items if item.parent_id is None or item.parent_id in shown]


def documents_for(
    *,
    meeting: Meeting,
    viewer: Viewer,
    items: list[AgendaItem] | None = None,
    snapshot: SecrecySnapshot | None = None,
) -> list[MeetingDocument]:
    """The meeting's documents the viewer may see, in agenda order (documents of no item last). Pass the
    viewer's `agenda_for` as `items` if you have it."""
    if items is None:
        items = agenda_for(meeting=meeting, viewer=viewer, snapshot=snapshot)
    order = {item.pk: index for index, item in enumerate(items)}
    documents = (
        Document.objects.filter(
            documents_visible_q(viewer, snapshot),
            # By the items' ids, not `agenda_item__meeting`: that join left no index to use, and the
            # database scanned every document of the platform for each meeting page.
            Q(agenda_item_id__in=list(order)) | Q(agenda_item__isnull=True, meeting=meeting),
        )
        .prefetch_related(Prefetch("versions", queryset=DocumentVersion.objects.order_by("-number")))
        .order_by("title", "id")
    )
    visible: list[MeetingDocument] = []
    for document in documents:
        if document.agenda_item_id is not None and document.agenda_item_id not in order:
            continue
        versions = list(document.versions.all())
        if versions:
            visible.append(MeetingDocument(document=document, version=versions[0]))
    last = len(order)
    visible.sort(key=lambda entry: last if entry.agenda_item_id is None else order[entry.agenda_item_id])
    return visible


def document_visible_to(*, user: AnyUser, document: Document) -> bool:
    """May `user` open `document`? See `naober.access.rules` for the rules."""
    return document_visible(viewer_for(user), document)


def document_for_download(*, viewer: Viewer, pk: int) -> MeetingDocument | None:
    """The document and its current version if the viewer may see it; None for missing and forbidden alike."""
    document = Document.objects.filter(documents_visible_q(viewer), pk=pk).first()
    if document is None:
        return None
    version = DocumentVersion.objects.filter(document=document).order_by("-number").first()
    if version is None:
        return None
    return MeetingDocument(document=document, version=version)


def document_public(document: Document) -> bool:
    """Would an anonymous visitor get this document now? Everything else is logged when downloaded."""
    return document_is_public(document)


@dataclass(frozen=True)
class ItemTitles:
    """The titles a meeting's items have had: per current item, and of items that left it, by level."""

    current: dict[int, set[str]]
    former: dict[str, set[str]]


def item_titles(*, meeting: Meeting) -> ItemTitles:
    """Every title the meeting's items have had, including items deleted or moved away since.

    Change summaries name items by title ("Item added: …"); an update e-mail or the secretariat's change log
    leaves out the summaries that name an item its reader may not see. History comes from the audit trail.
    """
    from naober.core.models import AuditEntry

    items = list(AgendaItem.objects.filter(meeting=meeting).only("pk", "title"))
    current: dict[int, set[str]] = {item.pk: {item.title} for item in items}
    trail = AuditEntry.objects.filter(object_type=AgendaItem._meta.label_lower)
    left = trail.filter(Q(changes__meeting_id__0=meeting.pk) | Q(changes__meeting_id__1=meeting.pk))
    ids = set(left.values_list("object_id", flat=True)) | {str(pk) for pk in current}
    seen_titles: dict[str, set[str]] = {}
    seen_levels: dict[str, set[str]] = {}
    for object_id, changes in trail.filter(object_id__in=ids).values_list("object_id", "changes"):
        if not isinstance(changes, dict):
            continue
        seen_titles.setdefault(object_id, set()).update(v for v in changes.get("title", []) if v)
        seen_levels.setdefault(object_id, set()).update(v for v in changes.get("confidentiality", []) if v)
    former: dict[str, set[str]] = {Confidentiality.CONFIDENTIAL: set(), Confidentiality.SECRET: set()}
    for object_id, titles in seen_titles.items():
        if object_id.isdigit() and int(object_id) in current:
            current[int(object_id)].update(titles)
            continue
        level = most_closed(Confidentiality.PUBLIC, *seen_levels.get(object_id, set()))
        if level in former:
            former[level].update(titles)
    return ItemTitles(current=current, former=former)


def hidden_titles(titles: ItemTitles, *, visible_item_ids: set[int], may_see_confidential: bool) -> set[str]:
    """Titles a reader must not meet: of items they may not see now, and of closed items that left."""
    hidden = set(titles.former.get(Confidentiality.SECRET, set()))
    if not may_see_confidential:
        hidden |= titles.former.get(Confidentiality.CONFIDENTIAL, set())
    for pk, names in titles.current.items():
        if pk not in visible_item_ids:
            hidden |= names
    return {title for title in hidden if title}


def change_summaries_for(*, summaries: list[str], hidden: set[str]) -> list[str]:
    return [summary for summary in summaries if not any(title in summary for title in hidden)]
