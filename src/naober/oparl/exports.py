"""CSV exports of a cooperation's public data: members, bodies, memberships, meetings and decisions.

The same read path as the API (`selectors`, as the anonymous viewer): only what the public may see.
Column names are fixed English identifiers so that scripts keep working whatever the site's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from naober.governance.models import Membership
from naober.meetings.calendar import meeting_local_start
from naober.meetings.models import AgendaItem, Dossier, Meeting
from naober.oparl import ids, selectors
from naober.portal.links import absolute, body_path, meeting_path
from naober.registry.models import Cooperation, Participation

CHUNK = 500


def _date(value: Any) -> str:
    return value.isoformat() if value else ""


def _members(cooperation: Cooperation) -> Iterator[list[object]]:
    municipalities = selectors.municipalities(cooperation_id=cooperation.pk).order_by("name", "pk")
    for municipality in municipalities:
        participations: list[Participation] = getattr(municipality, "oparl_participations", [])
        for participation in participations:
            topics = ""
            if participation.scope == Participation.Scope.TOPICS:
                topics = "; ".join(sorted(topic.name for topic in participation.topics.all()))
            yield [
                municipality.name,
                municipality.code,
                municipality.country,
                municipality.province,
                participation.role,
                participation.scope,
                topics,
                _date(participation.joined_on),
                _date(participation.left_on),
                getattr(municipality, "population", None) or "",
                _date(getattr(municipality, "population_date", None)),
                getattr(municipality, "population_source", None) or "",
                ids.municipality(cooperation.pk, municipality.pk),
            ]


def _bodies(cooperation: Cooperation) -> Iterator[list[object]]:
    bodies = selectors.bodies(cooperation_id=cooperation.pk).select_related("prepares", "prepares__topic")
    for body in bodies.order_by("name", "pk"):
        yield [
            body.display_name,
            body.short_name,
            body.kind,
            body.topic.name if body.topic else "",
            body.prepares.display_name if body.prepares else "",
            _date(body.established_on),
            _date(body.dissolved_on),
            body.meetings_per_year_min if body.meetings_per_year_min is not None else "",
            body.meetings_per_year_max if body.meetings_per_year_max is not None else "",
            "yes" if body.public_by_default else "no",
            getattr(body, "member_count", ""),
            absolute(body_path(body, cooperation=cooperation)),
            ids.organization(body.pk),
        ]


def _memberships(cooperation: Cooperation) -> Iterator[list[object]]:
    rows = selectors.memberships(cooperation_id=cooperation.pk).select_related("person", "body__topic")
    for membership in rows.order_by("body__name", "start_date", "pk").iterator(chunk_size=CHUNK):
        yield _membership_row(cooperation, membership)


def _membership_row(cooperation: Cooperation, membership: Membership) -> list[object]:
    on_behalf_of = membership.on_behalf_of
    return [
        membership.body.display_name,
        membership.person.name,
        membership.person.function,
        membership.role,
        on_behalf_of.name if on_behalf_of else "",
        getattr(on_behalf_of, "code", ""),
        membership.portfolio.name if membership.portfolio else "",
        "yes" if membership.voting_right else "no",
        _date(membership.start_date),
        _date(membership.end_date),
        ids.person(cooperation.pk, membership.person_id),
    ]


def _meetings(cooperation: Cooperation) -> Iterator[list[object]]:
    meetings = selectors.meetings(cooperation_id=cooperation.pk).order_by("start", "pk")
    for meeting in meetings.iterator(chunk_size=CHUNK):
        yield _meeting_row(meeting)


def _meeting_row(meeting: Meeting) -> list[object]:
    start = meeting_local_start(meeting)
    end = timezone.localtime(meeting.end, start.tzinfo)
    return [
        start.date().isoformat(),
        start.strftime("%H:%M"),
        end.strftime("%H:%M"),
        meeting.body.display_name,
        "; ".join(body.display_name for body in meeting.joint_bodies.all()),
        meeting.display_title,
        meeting.status,
        meeting.location,
        "yes" if meeting.is_public else "no",
        absolute(meeting_path(meeting)),
        ids.meeting(meeting.pk),
    ]


def _decisions(cooperation: Cooperation) -> Iterator[list[object]]:
    items = (
        selectors.agenda_items(cooperation_id=cooperation.pk)
        .exclude(outcome="")
        .order_by("meeting__start", "meeting_id", "position", "pk")
    )
    visible = set(selectors.visible_dossier_ids_of(cooperation.pk))
    references = dict(Dossier.objects.filter(pk__in=sorted(visible)).values_list("pk", "reference"))
    for item in items.iterator(chunk_size=CHUNK):
        yield _decision_row(item, references)


def _decision_row(item: AgendaItem, references: dict[int, str]) -> list[object]:
    meeting = item.meeting
    return [
        meeting_local_start(meeting).date().isoformat(),
        meeting.body.display_name,
        item.number,
        item.title,
        item.outcome,
        item.decision_text,
        *(
            value if value is not None else ""
            for value in (item.votes_for, item.votes_against, item.votes_abstained)
        ),
        references.get(item.dossier_id, "") if item.dossier_id else "",
        absolute(f"{meeting_path(meeting)}#punt-{item.pk}"),
        ids.agenda_item(item.pk),
    ]


@dataclass(frozen=True)
class Export:
    name: str
    header: tuple[str, ...]
    rows: Any  # Callable[[Cooperation], Iterable[list[object]]]


EXPORTS = {
    export.name: export
    for export in (
        Export(
            "members",
            (
                "municipality",
                "code",
                "country",
                "province",
                "role",
                "scope",
                "topics",
                "joined_on",
                "left_on",
                "population",
                "population_reference_date",
                "population_source",
                "oparl_id",
            ),
            _members,
        ),
        Export(
            "bodies",
            (
                "name",
                "short_name",
                "kind",
                "topic",
                "prepares",
                "established_on",
                "dissolved_on",
                "meetings_per_year_min",
                "meetings_per_year_max",
                "public_by_default",
                "current_members",
                "web",
                "oparl_id",
            ),
            _bodies,
        ),
        Export(
            "memberships",
            (
                "body",
                "person",
                "function",
                "role",
                "on_behalf_of",
                "on_behalf_of_code",
                "portfolio",
                "voting_right",
                "start_date",
                "end_date",
                "oparl_person_id",
            ),
            _memberships,
        ),
        Export(
            "meetings",
            (
                "date",
                "start",
                "end",
                "body",
                "joint_bodies",
                "title",
                "status",
                "location",
                "public",
                "web",
                "oparl_id",
            ),
            _meetings,
        ),
        Export(
            "decisions",
            (
                "meeting_date",
                "body",
                "number",
                "title",
                "outcome",
                "decision",
                "votes_for",
                "votes_against",
                "votes_abstained",
                "dossier_reference",
                "web",
                "oparl_id",
            ),
            _decisions,
        ),
    )
}


def export_rows(export: Export, cooperation: Cooperation) -> Iterable[list[object]]:
    yield list(export.header)
    yield from export.rows(cooperation)
