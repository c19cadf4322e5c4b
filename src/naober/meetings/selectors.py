"""Read path of the meeting cycle: who is invited, and what each person may see of an agenda and documents.

Confidentiality (shared/domain/rules.md §5): public items and documents are for everyone once the meeting is
convened; confidential ones for the members of the meeting's bodies (not for guests) and the secretariat;
secret ones, for now, only for the secretariat — they are never sent by e-mail. A document is as closed as the
most closed of itself, its agenda item and that item's parent.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from django.db.models import Prefetch, Q
from django.utils import timezone

from naober.accounts.permissions import AnyUser, can_edit_cooperation
from naober.core.models import Confidentiality
from naober.governance.models import Membership, MembershipRole, Person
from naober.meetings.calendar import meeting_local_start
from naober.meetings.models import AgendaItem, Document, DocumentVersion, Meeting, MeetingStatus
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
# Once convened, the public documents of a meeting are public (Woo art. 3.3: "when sent").
SENT_STATUSES = (MeetingStatus.CONVENED, MeetingStatus.HELD)
_RANK: dict[str, int] = {
    Confidentiality.PUBLIC: 0,
    Confidentiality.CONFIDENTIAL: 1,
    Confidentiality.SECRET: 2,
}


@dataclass(frozen=True)
class Recipient:
    person: Person
    email: str
    may_see_confidential: bool

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


def allowed_levels(*, may_see_confidential: bool) -> tuple[str, ...]:
    if may_see_confidential:
        return (Confidentiality.PUBLIC, Confidentiality.CONFIDENTIAL)
    return (Confidentiality.PUBLIC,)


def meeting_body_ids(meeting: Meeting) -> list[int]:
    return [meeting.body_id, *meeting.joint_bodies.values_list("pk", flat=True)]


def _current_on(on: datetime.date) -> Q:
    return Q(start_date__lte=on) & (Q(end_date__isnull=True) | Q(end_date__gt=on))


def meeting_recipients(*, meeting: Meeting) -> list[Recipient]:
    """Everyone in the meeting's bodies on the meeting's date who has an e-mail address, once per person."""
    on = meeting_local_start(meeting).date()
    memberships = (
        Membership.objects.filter(
            _current_on(on), body_id__in=meeting_body_ids(meeting), role__in=INVITED_ROLES
        )
        .exclude(person__email="")
        .select_related("person")
        .order_by("person__family_name", "person__given_name", "person_id")
    )
    recipients: dict[int, Recipient] = {}
    for membership in memberships:
        trusted = membership.role != MembershipRole.GUEST
        known = recipients.get(membership.person_id)
        if known is None:
            recipients[membership.person_id] = Recipient(
                person=membership.person, email=membership.person.email, may_see_confidential=trusted
            )
        elif trusted and not known.may_see_confidential:
            recipients[membership.person_id] = replace(known, may_see_confidential=True)
    return list(recipients.values())


def item_levels(items: list[AgendaItem]) -> dict[int, str]:
    """Each item's effective level: a sub-item is as closed as its parent."""
    by_id = {item.pk: item for item in items}
    levels: dict[int, str] = {}
    for item in items:
        parent = by_id.get(item.parent_id) if item.parent_id is not None else None
        levels[item.pk] = most_closed(item.confidentiality, parent.confidentiality if parent else "public")
    return levels


def agenda_for(*, meeting: Meeting, may_see_confidential: bool) -> list[AgendaItem]:
    """The agenda in order without what the reader may not see (secret items never)."""
    items = agenda_items_in_order(meeting)
    levels = item_levels(items)
    allowed = allowed_levels(may_see_confidential=may_see_confidential)
    return [item for item in items if levels[item.pk] in allowed]


def documents_for(*, meeting: Meeting, may_see_confidential: bool) -> list[MeetingDocument]:
    """The meeting's documents the reader may see, in agenda order (documents of no item last)."""
    items = agenda_for(meeting=meeting, may_see_confidential=may_see_confidential)
    order = {item.pk: index for index, item in enumerate(items)}
    documents = (
        Document.objects.filter(
            Q(agenda_item__meeting=meeting) | Q(agenda_item__isnull=True, meeting=meeting),
            deleted_at__isnull=True,
            confidentiality__in=allowed_levels(may_see_confidential=may_see_confidential),
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


def _document_level_and_meeting(document: Document) -> tuple[str, Meeting | None]:
    item = document.agenda_item
    if item is None:
        return document.confidentiality, document.meeting
    parent = item.parent
    level = most_closed(
        document.confidentiality, item.confidentiality, parent.confidentiality if parent else "public"
    )
    return level, item.meeting


def _is_trusted_member(user: AnyUser, meeting: Meeting) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    days = {meeting_local_start(meeting).date(), timezone.localdate()}
    current = Q()
    for day in days:
        current |= _current_on(day)
    return (
        Membership.objects.filter(current, person__user_id=user.pk, body_id__in=meeting_body_ids(meeting))
        .exclude(role=MembershipRole.GUEST)
        .exists()
    )


def document_visible_to(*, user: AnyUser, document: Document) -> bool:
    """May `user` open `document`? Members are those of the meeting's date or of today (not guests)."""
    if document.deleted_at is not None:
        return False
    level, meeting = _document_level_and_meeting(document)
    sent = meeting is not None and meeting.status in SENT_STATUSES
    if level == Confidentiality.PUBLIC and sent:
        return True
    if can_edit_cooperation(user=user, cooperation_id=document.cooperation_id):
        return True
    if level != Confidentiality.CONFIDENTIAL or meeting is None or not sent:
        return False
    return _is_trusted_member(user, meeting)


def document_for_download(*, user: AnyUser, pk: int) -> MeetingDocument | None:
    """The document with its current version if `user` may see it; None alike for missing and forbidden."""
    document = (
        Document.objects.filter(pk=pk)
        .select_related("meeting", "agenda_item", "agenda_item__parent", "agenda_item__meeting")
        .first()
    )
    if document is None or not document_visible_to(user=user, document=document):
        return None
    version = DocumentVersion.objects.filter(document=document).order_by("-number").first()
    if version is None:
        return None
    return MeetingDocument(document=document, version=version)


def document_level(document: Document) -> str:
    """The effective level of a document loaded by `document_for_download`."""
    return _document_level_and_meeting(document)[0]


def closed_item_titles(*, meeting: Meeting) -> dict[str, set[str]]:
    """Titles of the meeting's non-public items by level, including items deleted or moved away since.

    Change summaries name items by title ("Item added: …"); an update e-mail leaves out the summaries that
    name an item its recipient may not see. Items that left the meeting are found in the audit trail.
    """
    from naober.core.models import AuditEntry

    closed: dict[str, set[str]] = {Confidentiality.CONFIDENTIAL: set(), Confidentiality.SECRET: set()}
    items = list(
        AgendaItem.objects.filter(meeting=meeting).only("pk", "parent_id", "title", "confidentiality")
    )
    levels = item_levels(items)
    for item in items:
        if levels[item.pk] in closed:
            closed[levels[item.pk]].add(item.title)
    trail = AuditEntry.objects.filter(object_type=AgendaItem._meta.label_lower)
    former = trail.filter(Q(changes__meeting_id__0=meeting.pk) | Q(changes__meeting_id__1=meeting.pk))
    ids = set(former.values_list("object_id", flat=True)) | {str(item.pk) for item in items}
    seen_titles: dict[str, set[str]] = {}
    seen_levels: dict[str, set[str]] = {}
    for object_id, changes in trail.filter(object_id__in=ids).values_list("object_id", "changes"):
        if not isinstance(changes, dict):
            continue
        seen_titles.setdefault(object_id, set()).update(v for v in changes.get("title", []) if v)
        seen_levels.setdefault(object_id, set()).update(v for v in changes.get("confidentiality", []) if v)
    for object_id, titles in seen_titles.items():
        level = most_closed(Confidentiality.PUBLIC, *seen_levels.get(object_id, set()))
        if level in closed:
            closed[level].update(titles)
    return closed


def change_summaries_for(
    *, summaries: list[str], closed: dict[str, set[str]], may_see_confidential: bool
) -> list[str]:
    hidden = set(closed.get(Confidentiality.SECRET, set()))
    if not may_see_confidential:
        hidden |= closed.get(Confidentiality.CONFIDENTIAL, set())
    return [summary for summary in summaries if not any(title in summary for title in hidden if title)]
