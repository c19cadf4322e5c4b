"""Meeting with embedded AgendaItems, Location and Files; AgendaItem and Location on their own.

What a meeting shows is what the public may see of it (naober.access.rules, as the anonymous viewer):
confidential and secret items and documents are absent, not emptied; a closed meeting shows its public items
only. The online meeting link is never served (it lets people into a closed meeting).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Q

from naober.access.rules import SecrecySnapshot, secrecy_snapshot
from naober.meetings.models import AgendaItem, Document, DocumentKind, Meeting, MeetingStatus
from naober.oparl import ids, selectors
from naober.oparl.serialize.base import Json, date_time, obj, vendor
from naober.oparl.serialize.files import file_json
from naober.portal.links import meeting_path

MEETING_STATE = {
    MeetingStatus.PLANNED: "terminiert",
    MeetingStatus.CONVENED: "eingeladen",
    MeetingStatus.HELD: "durchgeführt",
    MeetingStatus.CANCELLED: "eingeladen",
}


@dataclass
class MeetingContent:
    """What the public may see inside a page of meetings or agenda items, loaded in a fixed number of
    queries."""

    items: dict[int, list[AgendaItem]] = field(default_factory=dict)
    documents_of_item: dict[int, list[Document]] = field(default_factory=dict)
    documents_of_meeting: dict[int, list[Document]] = field(default_factory=dict)
    dossiers: set[int] = field(default_factory=set)
    participants: dict[int, list[int]] = field(default_factory=dict)


def _documents(snapshot: SecrecySnapshot, where: Q) -> list[Document]:
    return list(selectors.documents(snapshot=snapshot).filter(where).order_by("pk"))


def meeting_content(meetings: Sequence[Meeting], *, with_items: bool = True) -> MeetingContent:
    content = MeetingContent()
    if not meetings:
        return content
    snapshot = secrecy_snapshot()
    meeting_ids = [meeting.pk for meeting in meetings]
    items: list[AgendaItem] = []
    if with_items:
        items = list(
            selectors.agenda_items(snapshot=snapshot)
            .filter(meeting_id__in=meeting_ids)
            .order_by("meeting_id", "position", "pk")
        )
        for item in items:
            content.items.setdefault(item.meeting_id, []).append(item)
    where = Q(meeting_id__in=meeting_ids, agenda_item__isnull=True)
    if items:
        where |= Q(agenda_item_id__in=[item.pk for item in items])
    documents = _documents(snapshot, where)
    for document in documents:
        if document.agenda_item_id is not None:
            content.documents_of_item.setdefault(document.agenda_item_id, []).append(document)
        elif document.meeting_id is not None:
            content.documents_of_meeting.setdefault(document.meeting_id, []).append(document)
    content.dossiers = selectors.visible_dossier_ids(_dossier_ids(items, documents))
    present = selectors.present_person_ids(meetings)
    cooperation_of = {meeting.pk: meeting.cooperation_id for meeting in meetings}
    known: dict[int, set[int]] = {}
    for cooperation_id in set(cooperation_of.values()):
        people = [
            person
            for meeting_id, ids_ in present.items()
            if cooperation_of[meeting_id] == cooperation_id
            for person in ids_
        ]
        known[cooperation_id] = selectors.member_person_ids(cooperation_id=cooperation_id, person_ids=people)
    for meeting_id, people in present.items():
        listed = known[cooperation_of[meeting_id]]
        content.participants[meeting_id] = sorted({person for person in people if person in listed})
    return content


def item_content(items: Sequence[AgendaItem]) -> MeetingContent:
    """For a page of agenda items on their own: their documents and which dossiers are visible."""
    content = MeetingContent()
    if not items:
        return content
    documents = _documents(secrecy_snapshot(), Q(agenda_item_id__in=[item.pk for item in items]))
    for document in documents:
        if document.agenda_item_id is not None:
            content.documents_of_item.setdefault(document.agenda_item_id, []).append(document)
    content.dossiers = selectors.visible_dossier_ids(_dossier_ids(items, documents))
    return content


def _dossier_ids(items: Sequence[AgendaItem], documents: Sequence[Document]) -> list[int | None]:
    """The dossiers a page may link to: of its items, of their route steps, of its documents."""
    steps = [getattr(item, "consultation", None) for item in items]
    return (
        [item.dossier_id for item in items]
        + [step.dossier_id for step in steps if step is not None]
        + [document.dossier_id for document in documents]
    )


def location_json(meeting: Meeting, *, embedded: bool = False) -> Json:
    return obj(
        "Location",
        ids.location(meeting.pk),
        created=meeting.created,
        modified=getattr(meeting, "oparl_modified", meeting.modified),
        web=meeting_path(meeting),
        description=meeting.location,
        meetings=None if embedded else [ids.meeting(meeting.pk)],
    )


def agenda_item_json(item: AgendaItem, content: MeetingContent, *, embedded: bool = False) -> Json:
    meeting = item.meeting
    consultation = getattr(item, "consultation", None)
    if consultation is not None and consultation.dossier_id not in content.dossiers:
        consultation = None
    files = [
        file_json(document, visible_dossiers=content.dossiers, embedded=True)
        for document in content.documents_of_item.get(item.pk, [])
    ]
    data = obj(
        "AgendaItem",
        ids.agenda_item(item.pk),
        created=getattr(item, "oparl_created", item.created),
        modified=getattr(item, "oparl_modified", item.modified),
        web=f"{meeting_path(meeting)}#punt-{item.pk}",
        meeting=None if embedded else ids.meeting(item.meeting_id),
        number=item.number,
        order=item.position,
        name=item.title,
        public=meeting.is_public,
        consultation=ids.consultation(consultation.pk) if consultation is not None else None,
        result=str(item.get_outcome_display()) if item.outcome else None,
        resolutionText=item.decision_text,
        auxiliaryFile=files,
    )
    votes = {
        key: value
        for key, value in (
            ("for", item.votes_for),
            ("against", item.votes_against),
            ("abstained", item.votes_abstained),
        )
        if value is not None
    }
    return vendor(
        data,
        kind=item.kind,
        description=item.description,
        outcome=item.outcome,
        votes=votes,
        minutes=item.minutes,
        parent=ids.agenda_item(item.parent_id) if item.parent_id else None,
        paper=ids.paper(item.dossier_id) if item.dossier_id in content.dossiers else None,
    )


def _meeting_files(documents: list[Document], dossiers: set[int]) -> dict[str, Json | list[Json]]:
    """The invitation, the results (decision list, else minutes) and the rest as auxiliary files."""
    chosen: dict[str, Json | list[Json]] = {}
    rest: list[Json] = []
    results = sorted(
        (
            document
            for document in documents
            if document.kind in (DocumentKind.DECISION_LIST, DocumentKind.MINUTES)
        ),
        key=lambda document: (document.kind != DocumentKind.DECISION_LIST, document.pk),
    )
    for document in documents:
        shaped = file_json(document, visible_dossiers=dossiers, embedded=True)
        if document.kind == DocumentKind.INVITATION and "invitation" not in chosen:
            chosen["invitation"] = shaped
        elif results and document is results[0]:
            chosen["resultsProtocol"] = shaped
        else:
            rest.append(shaped)
    if rest:
        chosen["auxiliaryFile"] = rest
    return chosen


def meeting_json(meeting: Meeting, content: MeetingContent, *, omit_internal: bool = False) -> Json:
    bodies = [meeting.body_id, *(body.pk for body in meeting.joint_bodies.all())]
    files = _meeting_files(content.documents_of_meeting.get(meeting.pk, []), content.dossiers)
    data = obj(
        "Meeting",
        ids.meeting(meeting.pk),
        created=getattr(meeting, "oparl_created", meeting.created),
        modified=getattr(meeting, "oparl_modified", meeting.modified),
        web=meeting_path(meeting),
        name=meeting.display_title,
        meetingState=MEETING_STATE.get(MeetingStatus(meeting.status), "terminiert"),
        cancelled=True if meeting.status == MeetingStatus.CANCELLED else None,
        start=date_time(meeting.start),
        end=date_time(meeting.end),
        location=location_json(meeting, embedded=True) if meeting.location else None,
        organization=[ids.organization(pk) for pk in bodies],
        participant=[
            ids.person(meeting.cooperation_id, pk) for pk in content.participants.get(meeting.pk, [])
        ],
        **({} if omit_internal else files),
        agendaItem=None
        if omit_internal
        else [agenda_item_json(item, content, embedded=True) for item in content.items.get(meeting.pk, [])],
    )
    return vendor(
        data,
        status=meeting.status,
        public=meeting.is_public,
        meetingDay=meeting.meeting_day.name if meeting.meeting_day else None,
    )
