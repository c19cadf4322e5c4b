"""Read path of the OParl API: everything as the anonymous viewer sees it (naober.access.rules).

OParl is public and anonymous, so every query here filters with the rules for `ANONYMOUS`, whoever asks:
confidential and secret items, documents and dossiers, and unpublished meetings, are simply absent.
Querysets carry `oparl_created`/`oparl_modified` annotations: the moments the date filters compare with and
the objects show (an object with embedded objects changes when they change).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar, cast

from django.db.models import (
    Count,
    Exists,
    F,
    Max,
    Model,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, Greatest

from naober.access.rules import (
    SecrecySnapshot,
    agenda_items_visible_q,
    documents_visible_q,
    dossiers_visible_q,
    meetings_visible_q,
    secrecy_snapshot,
)
from naober.access.viewer import ANONYMOUS
from naober.governance.models import Body, Membership, Person
from naober.governance.selectors import membership_current_q
from naober.meetings.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Consultation,
    Document,
    DocumentVersion,
    Dossier,
    Meeting,
    MeetingStatus,
)
from naober.registry.models import Cooperation, Municipality, Organisation, Participation, PopulationFigure

M = TypeVar("M", bound=Model)
VIEWER = ANONYMOUS  # OParl is public: everyone gets what an anonymous visitor may see


def _latest_of(related: QuerySet[Any]) -> Subquery:
    return Subquery(related.order_by().values("_group").annotate(last=Max("modified")).values("last")[:1])


def stamped(queryset: QuerySet[M], *related: QuerySet[Any]) -> QuerySet[M]:
    """Annotate `oparl_created` and `oparl_modified`: the object's own, or the latest change of the embedded
    objects in `related` (querysets correlated to the outer row, each with a `_group` annotation)."""
    modified: Any = F("modified")
    for rows in related:
        modified = Greatest(modified, Coalesce(_latest_of(rows), F("modified")))
    return cast("QuerySet[M]", queryset.annotate(oparl_created=F("created"), oparl_modified=modified))


# Bodies and organisations


def cooperations() -> QuerySet[Cooperation]:
    return stamped(Cooperation.objects.all())


def bodies(*, cooperation_id: int | None = None) -> QuerySet[Body]:
    from django.utils import timezone

    today = timezone.localdate()
    current = membership_current_q(on=today, prefix="memberships__")
    queryset = Body.objects.select_related("cooperation", "topic").annotate(
        member_count=Count("memberships", filter=current, distinct=True),
        voting_member_count=Count(
            "memberships", filter=current & Q(memberships__voting_right=True), distinct=True
        ),
    )
    if cooperation_id is not None:
        queryset = queryset.filter(cooperation_id=cooperation_id)
    return stamped(queryset)


def _participations(cooperation_id: int) -> Prefetch[Any]:
    return Prefetch(
        "participations",
        queryset=Participation.objects.filter(cooperation_id=cooperation_id)
        .prefetch_related("topics")
        .order_by("joined_on", "pk"),
        to_attr="oparl_participations",
    )


def _participation_changes(cooperation_id: int, field: str) -> QuerySet[Participation]:
    return Participation.objects.filter(cooperation_id=cooperation_id, **{field: OuterRef("pk")}).annotate(
        _group=F(field)
    )


def municipalities(*, cooperation_id: int) -> QuerySet[Municipality]:
    """Every municipality that takes or took part, with its population today and its participations."""
    from django.utils import timezone

    figures = PopulationFigure.objects.filter(
        municipality_id=OuterRef("pk"), reference_date__lte=timezone.localdate()
    ).order_by("-reference_date")
    taking_part = Participation.objects.filter(cooperation_id=cooperation_id).values("municipality_id")
    queryset = (
        Municipality.objects.filter(pk__in=taking_part)
        .annotate(
            population=Subquery(figures.values("count")[:1]),
            population_date=Subquery(figures.values("reference_date")[:1]),
            population_source=Subquery(figures.values("source")[:1]),
            population_approximate=Subquery(figures.values("approximate")[:1]),
        )
        .prefetch_related(_participations(cooperation_id))
    )
    return stamped(queryset, _participation_changes(cooperation_id, "municipality_id"))


def partners(*, cooperation_id: int) -> QuerySet[Organisation]:
    taking_part = Participation.objects.filter(cooperation_id=cooperation_id).values("organisation_id")
    queryset = Organisation.objects.filter(pk__in=taking_part).prefetch_related(
        _participations(cooperation_id)
    )
    return stamped(queryset, _participation_changes(cooperation_id, "organisation_id"))


# People and memberships


def memberships(*, cooperation_id: int | None = None) -> QuerySet[Membership]:
    queryset = Membership.objects.select_related(
        "body", "body__cooperation", "portfolio", "on_behalf_of_municipality", "on_behalf_of_organisation"
    )
    if cooperation_id is not None:
        queryset = queryset.filter(body__cooperation_id=cooperation_id)
    return stamped(queryset)


def persons(*, cooperation_id: int) -> QuerySet[Person]:
    """People with a membership (past, current or future) in a body of the cooperation."""
    of_cooperation = Membership.objects.filter(body__cooperation_id=cooperation_id)
    queryset = Person.objects.filter(pk__in=of_cooperation.values("person_id")).prefetch_related(
        Prefetch(
            "memberships",
            queryset=memberships(cooperation_id=cooperation_id).order_by("start_date", "pk"),
            to_attr="oparl_memberships",
        )
    )
    changes = of_cooperation.filter(person_id=OuterRef("pk")).annotate(_group=F("person_id"))
    return stamped(queryset, changes)


def member_person_ids(*, cooperation_id: int, person_ids: Iterable[int]) -> set[int]:
    """Of `person_ids`, those the cooperation's Person list holds (one query)."""
    wanted = sorted(set(person_ids))
    if not wanted:
        return set()
    rows = Membership.objects.filter(body__cooperation_id=cooperation_id, person_id__in=wanted)
    return set(rows.values_list("person_id", flat=True))


# Meetings, agenda items, files


def meetings(*, cooperation_id: int | None = None) -> QuerySet[Meeting]:
    queryset = (
        Meeting.objects.filter(meetings_visible_q(VIEWER))
        .select_related("cooperation", "body", "body__topic", "meeting_day")
        .prefetch_related(Prefetch("joint_bodies", queryset=Body.objects.order_by("pk")))
    )
    if cooperation_id is not None:
        queryset = queryset.filter(cooperation_id=cooperation_id)
    return stamped(queryset)


def located_meetings(*, cooperation_id: int | None = None) -> QuerySet[Meeting]:
    return meetings(cooperation_id=cooperation_id).exclude(location="")


def agenda_items(
    *, cooperation_id: int | None = None, snapshot: SecrecySnapshot | None = None
) -> QuerySet[AgendaItem]:
    queryset = AgendaItem.objects.filter(agenda_items_visible_q(VIEWER, snapshot)).select_related(
        "meeting", "meeting__cooperation", "meeting__body", "meeting__body__topic", "consultation"
    )
    if cooperation_id is not None:
        queryset = queryset.filter(meeting__cooperation_id=cooperation_id)
    return stamped(queryset)


def _documents_visible_before_deletion_q(snapshot: SecrecySnapshot) -> Q:
    """Who could see a document before it was deleted: the rules without their "not deleted" part. The rules
    are `Q(deleted_at__isnull=True) & (...)`; if that shape ever changes, no deleted document is reported
    (fail closed)."""
    rule = documents_visible_q(VIEWER, snapshot)
    if rule.connector == Q.AND and not rule.negated and len(rule.children) == 2:
        first, rest = rule.children
        if first == ("deleted_at__isnull", True) and isinstance(rest, Q):
            return rest
    return Q(pk__in=[])


def current_versions() -> Prefetch[Any]:
    return Prefetch(
        "versions", queryset=DocumentVersion.objects.order_by("-number"), to_attr="oparl_versions"
    )


def documents(
    *,
    cooperation_id: int | None = None,
    snapshot: SecrecySnapshot | None = None,
    include_deleted: bool = False,
) -> QuerySet[Document]:
    """Visible documents that have a file; with `include_deleted`, also the deleted ones the public could
    see before (shown as deleted Files)."""
    snapshot = snapshot or secrecy_snapshot()
    visible = documents_visible_q(VIEWER, snapshot)
    if include_deleted:
        visible |= Q(deleted_at__isnull=False) & _documents_visible_before_deletion_q(snapshot)
    has_file = Exists(DocumentVersion.objects.filter(document_id=OuterRef("pk")))
    queryset = (
        Document.objects.filter(visible, has_file)
        .select_related(
            "agenda_item",
            "meeting",
            "meeting__cooperation",
            "meeting__body__topic",
            "agenda_item__meeting",
            "agenda_item__meeting__cooperation",
            "agenda_item__meeting__body__topic",
            "dossier",
            "dossier__cooperation",
        )
        .prefetch_related(current_versions())
    )
    if cooperation_id is not None:
        queryset = queryset.filter(cooperation_id=cooperation_id)
    changes = DocumentVersion.objects.filter(document_id=OuterRef("pk")).annotate(_group=F("document_id"))
    return stamped(queryset, changes)


def visible_dossier_ids(ids: Iterable[int | None]) -> set[int]:
    wanted = sorted({pk for pk in ids if pk is not None})
    if not wanted:
        return set()
    rows = Dossier.objects.filter(dossiers_visible_q(VIEWER), pk__in=wanted)
    return set(rows.values_list("pk", flat=True))


def visible_item_ids(ids: Iterable[int | None], snapshot: SecrecySnapshot) -> set[int]:
    wanted = sorted({pk for pk in ids if pk is not None})
    if not wanted:
        return set()
    rows = AgendaItem.objects.filter(agenda_items_visible_q(VIEWER, snapshot), pk__in=wanted)
    return set(rows.values_list("pk", flat=True))


def present_person_ids(meeting_list: Sequence[Meeting]) -> dict[int, list[int]]:
    """Who attended each held meeting (present, or standing in for someone): public once held, as on the
    portal's meeting page."""
    held = [meeting.pk for meeting in meeting_list if meeting.status == MeetingStatus.HELD]
    found: dict[int, list[int]] = {}
    if not held:
        return found
    rows = Attendance.objects.filter(meeting_id__in=held).order_by("meeting_id", "person_id")
    for row in rows.values("meeting_id", "person_id", "status", "replaced_by_id"):
        present = row["replaced_by_id"] if row["status"] == AttendanceStatus.REPLACED else row["person_id"]
        if row["status"] in (AttendanceStatus.PRESENT, AttendanceStatus.REPLACED) and present:
            found.setdefault(row["meeting_id"], []).append(present)
    return found


# Papers and consultations


def papers(*, cooperation_id: int | None = None) -> QuerySet[Dossier]:
    queryset = Dossier.objects.filter(dossiers_visible_q(VIEWER)).select_related("cooperation", "topic")
    if cooperation_id is not None:
        queryset = queryset.filter(cooperation_id=cooperation_id)
    changes = Consultation.objects.filter(dossier_id=OuterRef("pk")).annotate(_group=F("dossier_id"))
    return stamped(queryset, changes)


def consultations(*, cooperation_id: int | None = None) -> QuerySet[Consultation]:
    """Body steps of visible dossiers."""
    visible = Dossier.objects.filter(dossiers_visible_q(VIEWER)).values("pk")
    queryset = Consultation.objects.filter(dossier_id__in=visible).select_related(
        "dossier", "dossier__cooperation", "body", "agenda_item"
    )
    if cooperation_id is not None:
        queryset = queryset.filter(dossier__cooperation_id=cooperation_id)
    return stamped(queryset)


def consultations_of(dossier_ids: Sequence[int]) -> dict[int, list[Consultation]]:
    found: dict[int, list[Consultation]] = {}
    rows = stamped(
        Consultation.objects.filter(dossier_id__in=sorted(dossier_ids)).select_related("agenda_item")
    )
    for step in rows.order_by("dossier_id", "position", "pk"):
        found.setdefault(step.dossier_id, []).append(step)
    return found


def visible_dossier_ids_of(cooperation_id: int) -> list[int]:
    rows = Dossier.objects.filter(dossiers_visible_q(VIEWER), cooperation_id=cooperation_id).order_by("pk")
    return list(rows.values_list("pk", flat=True))


def participant_keys(cooperation_id: int) -> frozenset[tuple[str, int]]:
    """Who has an external Organization in the cooperation's Body: ("municipality", id), ("partner", id)."""
    rows = Participation.objects.filter(cooperation_id=cooperation_id)
    keys: set[tuple[str, int]] = set()
    for municipality_id, organisation_id in rows.values_list("municipality_id", "organisation_id"):
        if municipality_id is not None:
            keys.add(("municipality", municipality_id))
        if organisation_id is not None:
            keys.add(("partner", organisation_id))
    return frozenset(keys)
