"""Meetings on the portal: the overview of a year, one meeting with its public agenda, a body's meetings."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from naober.access.rules import meetings_visible_q, secrecy_snapshot
from naober.access.viewer import Viewer
from naober.governance.models import Body
from naober.meetings.models import AgendaItem, Attendance, AttendanceStatus, Dossier, Meeting, MeetingStatus
from naober.meetings.selectors import agenda_for, documents_for
from naober.portal.selectors.common import DocumentRow, local_midnight, visible_dossiers, zone_of
from naober.registry.models import Cooperation, Topic

BODY_MEETINGS_SHOWN = 5


def _meetings(viewer: Viewer) -> QuerySet[Meeting]:
    """Visible meetings with what their titles, links and body names need."""
    return (
        Meeting.objects.filter(meetings_visible_q(viewer))
        .select_related("cooperation", "body", "body__topic")
        .prefetch_related(Prefetch("joint_bodies", queryset=Body.objects.select_related("topic")))
    )


# The cooperation first: with only `body = b OR pk IN (joint meetings)` PostgreSQL walked the start index over
# every meeting of the platform to find a body's next five. Joint meetings are of the body's cooperation.


def _of_body(body: Body) -> Q:
    joint = Meeting.joint_bodies.through.objects.filter(body=body).values("meeting_id")
    return Q(cooperation_id=body.cooperation_id) & (Q(body=body) | Q(pk__in=joint))


def _of_topic(topic: Topic) -> Q:
    joint = Meeting.joint_bodies.through.objects.filter(body__topic=topic).values("meeting_id")
    return Q(cooperation_id=topic.cooperation_id) & (Q(body__topic=topic) | Q(pk__in=joint))


def meeting_year_list(
    *,
    cooperation: Cooperation,
    viewer: Viewer,
    year: int,
    body: Body | None = None,
    topic: Topic | None = None,
) -> list[Meeting]:
    """The year's visible meetings of every body (a year is its own bound: two queries)."""
    start = local_midnight(cooperation, datetime.date(year, 1, 1))
    end = local_midnight(cooperation, datetime.date(year + 1, 1, 1))
    meetings = _meetings(viewer).filter(cooperation=cooperation, start__gte=start, start__lt=end)
    if body is not None:
        meetings = meetings.filter(_of_body(body))
    if topic is not None:
        meetings = meetings.filter(_of_topic(topic))
    return list(meetings.order_by("start", "id"))


def meeting_years(*, cooperation: Cooperation, viewer: Viewer) -> list[int]:
    """The years with visible meetings, in the cooperation's zone."""
    moments = Meeting.objects.filter(meetings_visible_q(viewer), cooperation=cooperation).datetimes(
        "start", "year", order="ASC", tzinfo=zone_of(cooperation)
    )
    return [moment.year for moment in moments]


def meeting_get(*, cooperation: Cooperation, viewer: Viewer, pk: int) -> Meeting | None:
    """The meeting if the viewer may see it; None for missing and invisible alike."""
    return _meetings(viewer).filter(cooperation=cooperation, pk=pk).first()


@dataclass(frozen=True)
class AgendaEntry:
    item: AgendaItem
    documents: list[DocumentRow]
    dossier: Dossier | None  # only when the viewer may see the dossier too


@dataclass(frozen=True)
class AttendanceGroups:
    present: list[Attendance] = field(default_factory=list)
    excused: list[Attendance] = field(default_factory=list)
    absent: list[Attendance] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.present or self.excused or self.absent)


@dataclass(frozen=True)
class MeetingPage:
    meeting: Meeting
    agenda: list[AgendaEntry]
    documents: list[DocumentRow]  # of the meeting itself, on no agenda item
    attendance: AttendanceGroups


def attendance_groups(*, meeting: Meeting) -> AttendanceGroups:
    """Who was there, excused or absent, with whom they represented (one query); a replacement counts as
    present and the person replaced as excused."""
    groups = AttendanceGroups()
    attendances = Attendance.objects.filter(meeting=meeting).select_related(
        "person", "replaced_by", "on_behalf_of_municipality", "on_behalf_of_organisation"
    )
    for attendance in attendances.order_by("person__family_name", "person__given_name", "pk"):
        if attendance.status in (AttendanceStatus.PRESENT, AttendanceStatus.REPLACED):
            groups.present.append(attendance)
        if attendance.status in (AttendanceStatus.EXCUSED, AttendanceStatus.REPLACED):
            groups.excused.append(attendance)
        if attendance.status == AttendanceStatus.ABSENT:
            groups.absent.append(attendance)
    return groups


def meeting_page(*, meeting: Meeting, viewer: Viewer) -> MeetingPage:
    """The agenda as the viewer may see it (numbering untouched: a gap is a withheld item), each item's
    documents and dossier, the meeting's own documents and — once held — the attendance."""
    snapshot = secrecy_snapshot()
    items = agenda_for(meeting=meeting, viewer=viewer, snapshot=snapshot)
    found = documents_for(meeting=meeting, viewer=viewer, items=items, snapshot=snapshot)
    by_item: dict[int | None, list[DocumentRow]] = {}
    for entry in found:
        row = DocumentRow(document=entry.document, version=entry.version)
        by_item.setdefault(entry.agenda_item_id, []).append(row)
    dossiers = visible_dossiers(viewer=viewer, ids=[item.dossier_id for item in items])
    agenda = [
        AgendaEntry(
            item=item,
            documents=by_item.get(item.pk, []),
            dossier=dossiers.get(item.dossier_id) if item.dossier_id else None,
        )
        for item in items
    ]
    held = meeting.status == MeetingStatus.HELD
    return MeetingPage(
        meeting=meeting,
        agenda=agenda,
        documents=by_item.get(None, []),
        attendance=attendance_groups(meeting=meeting) if held else AttendanceGroups(),
    )


def body_meetings(*, body: Body, viewer: Viewer) -> tuple[list[Meeting], list[Meeting]]:
    """The body's next and latest visible meetings (its own and joint ones), a few of each."""
    now = timezone.now()
    meetings = _meetings(viewer).filter(_of_body(body))
    upcoming = list(meetings.filter(end__gte=now).order_by("start", "id")[:BODY_MEETINGS_SHOWN])
    recent = list(meetings.filter(end__lt=now).order_by("-start", "-id")[:BODY_MEETINGS_SHOWN])
    return upcoming, recent
