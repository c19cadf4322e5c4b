"""The sources of each of a Body's external lists (what `paging.page` chains), and their rendering."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from naober.access.rules import secrecy_snapshot
from naober.councils.oparl import CouncilStep, public_council_steps
from naober.governance.models import Membership, Person
from naober.meetings.models import AgendaItem, Consultation, Document, Dossier, Meeting
from naober.oparl import selectors
from naober.oparl.paging import Source, queryset_source, stamps_match
from naober.oparl.params import ListParams
from naober.oparl.serialize.base import Json
from naober.oparl.serialize.bodies import (
    body_json,
    body_organization_json,
    municipality_json,
    partner_json,
    term_json,
)
from naober.oparl.serialize.files import file_json
from naober.oparl.serialize.meetings import (
    agenda_item_json,
    item_content,
    location_json,
    meeting_content,
    meeting_json,
)
from naober.oparl.serialize.papers import (
    PaperContent,
    consultation_json,
    council_consultation_json,
    paper_content,
    paper_json,
)
from naober.oparl.serialize.people import membership_json, person_json
from naober.oparl.terms import terms_of
from naober.registry.models import Cooperation


def body_sources(params: ListParams) -> list[Source]:
    return [
        queryset_source(
            "body", selectors.cooperations(), params, lambda rows: [body_json(row) for row in rows]
        )
    ]


def render_persons(
    cooperation: Cooperation, rows: list[Person], *, omit_internal: bool = False
) -> list[Json]:
    participants = selectors.participant_keys(cooperation.pk)
    return [person_json(cooperation, row, participants, omit_internal=omit_internal) for row in rows]


def render_memberships(cooperation_id: int, rows: list[Membership]) -> list[Json]:
    participants = selectors.participant_keys(cooperation_id)
    return [membership_json(row, participants) for row in rows]


def render_meetings(rows: list[Meeting], *, omit_internal: bool = False) -> list[Json]:
    content = meeting_content(rows, with_items=not omit_internal)
    return [meeting_json(row, content, omit_internal=omit_internal) for row in rows]


def render_items(rows: list[AgendaItem]) -> list[Json]:
    content = item_content(rows)
    return [agenda_item_json(row, content) for row in rows]


def render_papers(
    rows: list[Dossier], *, omit_internal: bool = False, include_deleted: bool = False
) -> list[Json]:
    content = paper_content(rows, include_deleted=include_deleted) if not omit_internal else PaperContent()
    return [paper_json(row, content, omit_internal=omit_internal) for row in rows]


def render_consultations(rows: list[Consultation]) -> list[Json]:
    content = paper_content([])
    content.items = selectors.visible_item_ids([row.agenda_item_id for row in rows], secrecy_snapshot())
    content.meeting_of_item = {
        row.agenda_item_id: row.agenda_item.meeting_id
        for row in rows
        if row.agenda_item_id is not None and row.agenda_item is not None
    }
    return [consultation_json(row, content, row.dossier) for row in rows]


def render_files(rows: list[Document]) -> list[Json]:
    visible = selectors.visible_dossier_ids(row.dossier_id for row in rows)
    return [file_json(row, visible_dossiers=visible) for row in rows]


def _council_source(cooperation: Cooperation, params: ListParams) -> Source:
    """Council steps of the cooperation's visible dossiers, filtered and paged in memory: the contract with
    naober.councils hands them out per dossier."""

    def fetch(after: int, count: int) -> Sequence[CouncilStep]:
        found = public_council_steps(
            selectors.visible_dossier_ids_of(cooperation.pk), include_deleted=params.include_deleted
        )
        steps = sorted(
            (
                step
                for steps in found.values()
                for step in steps
                if step.pk > after and stamps_match(step.created, step.modified, params)
            ),
            key=lambda step: step.pk,
        )
        return steps[:count]

    def render(rows: list[CouncilStep]) -> list[Json]:
        dossiers = {
            row.pk: row
            for row in Dossier.objects.filter(pk__in={step.dossier_id for step in rows}).select_related(
                "cooperation"
            )
        }
        return [council_consultation_json(step, dossiers[step.dossier_id]) for step in rows]

    return Source("council", fetch, render)


def _terms_source(cooperation: Cooperation, params: ListParams) -> Source:
    def fetch(after: int, count: int) -> Sequence[Any]:
        if not stamps_match(cooperation.created, cooperation.modified, params):
            return []
        return [term for term in terms_of(cooperation) if term.start.year > after][:count]

    return Source(
        "term",
        fetch,
        lambda rows: [term_json(cooperation, term) for term in rows],
        key=lambda term: int(term.start.year),
    )


def cooperation_sources(cooperation: Cooperation, name: str, params: ListParams) -> list[Source]:
    """The sources of the list `name` (one of ids.BODY_LISTS) of a cooperation's Body."""
    pk = cooperation.pk
    omit = params.omit_internal
    if name == "organization":
        return [
            queryset_source(
                "body",
                selectors.bodies(cooperation_id=pk),
                params,
                lambda rows: [body_organization_json(row) for row in rows],
            ),
            queryset_source(
                "municipality",
                selectors.municipalities(cooperation_id=pk),
                params,
                lambda rows: [municipality_json(cooperation, row) for row in rows],
            ),
            queryset_source(
                "partner",
                selectors.partners(cooperation_id=pk),
                params,
                lambda rows: [partner_json(cooperation, row) for row in rows],
            ),
        ]
    if name == "person":
        return [
            queryset_source(
                "person",
                selectors.persons(cooperation_id=pk),
                params,
                lambda rows: render_persons(cooperation, rows, omit_internal=omit),
            )
        ]
    if name == "membership":
        return [
            queryset_source(
                "membership",
                selectors.memberships(cooperation_id=pk),
                params,
                lambda rows: render_memberships(cooperation.pk, rows),
            )
        ]
    if name == "meeting":
        return [
            queryset_source(
                "meeting",
                selectors.meetings(cooperation_id=pk),
                params,
                lambda rows: render_meetings(rows, omit_internal=omit),
            )
        ]
    if name == "agendaItem":
        return [queryset_source("item", selectors.agenda_items(cooperation_id=pk), params, render_items)]
    if name == "paper":
        return [
            queryset_source(
                "paper",
                selectors.papers(cooperation_id=pk),
                params,
                lambda rows: render_papers(rows, omit_internal=omit, include_deleted=params.include_deleted),
            )
        ]
    if name == "consultation":
        return [
            queryset_source("step", selectors.consultations(cooperation_id=pk), params, render_consultations),
            _council_source(cooperation, params),
        ]
    if name == "file":
        documents = selectors.documents(cooperation_id=pk, include_deleted=params.include_deleted)
        return [queryset_source("file", documents, params, render_files)]
    if name == "locationList":
        return [
            queryset_source(
                "location",
                selectors.located_meetings(cooperation_id=pk),
                params,
                lambda rows: [location_json(row) for row in rows],
            )
        ]
    if name == "legislativeTermList":
        return [_terms_source(cooperation, params)]
    raise ValueError(name)
