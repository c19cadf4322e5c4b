"""Writing a region's history plan to the database, through the meeting services only (channel import).

Order matters to the services: meetings are planned first, then treated in time order: their agenda items
are added (a dossier's later steps forwarded from the item of its previous step) while the meeting is still
open, and only then are attendance, decisions (which mark the meeting held), actions and minutes recorded.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from naober.access.models import LegalGround
from naober.access.secrecy import secrecy_impose
from naober.core.models import Channel, Confidentiality
from naober.demo.history.documents import annex_table, minutes_blocks, proposal_blocks, render
from naober.demo.history.records import (
    BodyInfo,
    DocumentPlan,
    DossierPlan,
    ItemPlan,
    MeetingPlan,
    MemberInfo,
    Plan,
    RegionContext,
)
from naober.governance.models import Body, Membership, Person
from naober.meetings.models import AgendaItem, AgendaItemKind, DecisionOutcome, Dossier, Meeting, MeetingDay
from naober.meetings.services.agenda import agenda_item_add, agenda_item_forward, agenda_item_update
from naober.meetings.services.decisions import (
    action_complete,
    action_create,
    attendance_record,
    decision_record,
    minutes_approve,
)
from naober.meetings.services.documents import document_add
from naober.meetings.services.dossier import consultation_step_for, dossier_create, dossier_plan_route
from naober.meetings.services.meeting import (
    STANDARD_ITEMS,
    meeting_cancel,
    meeting_day_get_or_create,
    meeting_mark_held,
    meeting_plan,
)
from naober.registry.models import Cooperation, Municipality, Participation

IMPORT = Channel.IMPORT
STANDARD_KINDS = [str(kind) for kind, _ in STANDARD_ITEMS]


@dataclass(frozen=True)
class RegionReport:
    name: str
    meetings: int
    items: int
    dossiers: int
    documents: int
    skipped: bool = False


def region_context(cooperation: Cooperation) -> RegionContext:
    """What the planner needs to know of a cooperation, read from the database."""
    participations = Participation.objects.filter(
        cooperation=cooperation,
        role=Participation.Role.MEMBER,
        municipality__isnull=False,
        left_on__isnull=True,
    ).select_related("municipality")
    municipalities = sorted(
        {(p.municipality.slug, p.municipality.name) for p in participations if p.municipality},
        key=lambda pair: pair[1],
    )
    memberships = (
        Membership.objects.filter(body__cooperation=cooperation)
        .select_related("person", "on_behalf_of_municipality", "on_behalf_of_organisation")
        .order_by("body_id", "start_date", "pk")
    )
    members: dict[int, list[MemberInfo]] = {}
    for membership in memberships:
        members.setdefault(membership.body_id, []).append(
            MemberInfo(
                person=membership.person.email,
                name=membership.person.name,
                role=membership.role,
                municipality=membership.on_behalf_of_municipality.slug
                if membership.on_behalf_of_municipality
                else "",
                organisation=membership.on_behalf_of_organisation.slug
                if membership.on_behalf_of_organisation
                else "",
                start=membership.start_date,
                end=membership.end_date,
                voting=membership.voting_right,
            )
        )
    bodies = tuple(
        BodyInfo(
            slug=body.slug,
            name=body.name,
            short_name=body.short_name,
            kind=body.kind,
            topic=body.topic.slug if body.topic else "",
            prepares=body.prepares.slug if body.prepares else "",
            members=tuple(members.get(body.pk, ())),
        )
        for body in Body.objects.filter(cooperation=cooperation)
        .select_related("topic", "prepares")
        .order_by("slug")
    )
    return RegionContext(
        slug=cooperation.slug,
        name=cooperation.name,
        country=cooperation.country,
        time_zone=cooperation.time_zone,
        municipalities=tuple(municipalities),
        bodies=bodies,
    )


class Writer:
    def __init__(
        self,
        cooperation: Cooperation,
        context: RegionContext,
        plan: Plan,
        *,
        secret_recipients: Collection[AbstractBaseUser] = (),
    ) -> None:
        self.secret_recipients = list(secret_recipients)
        self.cooperation = cooperation
        self.context = context
        self.plan = plan
        self.bodies = {body.slug: body for body in Body.objects.filter(cooperation=cooperation)}
        emails = sorted({member.person for body in context.bodies for member in body.members})
        self.persons = {
            person.email: person for person in Person.objects.filter(email__in=emails).order_by("pk")
        }
        self.municipalities = {
            municipality.slug: municipality
            for municipality in Municipality.objects.filter(
                participations__cooperation=cooperation
            ).distinct()
        }
        self.meetings: dict[str, Meeting] = {}
        self.items: dict[str, AgendaItem] = {}
        self.dossiers: dict[str, Dossier] = {}
        self.dossier_plans = {dossier.key: dossier for dossier in plan.dossiers}
        self.documents = 0

    def write(self) -> RegionReport:
        with transaction.atomic():
            days: dict[tuple[datetime.date, str], MeetingDay] = {}
            for planned in self.plan.meetings:
                day = None
                if planned.meeting_day:
                    day = days.get((planned.date, planned.meeting_day))
                    if day is None:
                        day = days[(planned.date, planned.meeting_day)] = meeting_day_get_or_create(
                            cooperation_id=self.cooperation.pk,
                            date=planned.date,
                            name=planned.meeting_day,
                            location=planned.location,
                            channel=IMPORT,
                        )
                self.meetings[planned.key] = meeting_plan(
                    body=self.bodies[planned.body],
                    start=planned.start,
                    end=planned.end,
                    location=planned.location,
                    meeting_day=day,
                    channel=IMPORT,
                )
            for dossier in self.plan.dossiers:
                self._dossier(dossier)
            for planned in self.plan.meetings:
                self._meeting(planned)
        return RegionReport(
            name=self.cooperation.name,
            meetings=len(self.meetings),
            items=AgendaItem.objects.filter(meeting__cooperation=self.cooperation).count(),
            dossiers=len(self.dossiers),
            documents=self.documents,
        )

    def _dossier(self, planned: DossierPlan) -> None:
        topic = self.cooperation.topics.filter(slug=planned.topic).first() if planned.topic else None
        dossier = dossier_create(
            cooperation=self.cooperation,
            title=planned.title,
            summary=planned.summary,
            topic=topic,
            confidentiality=planned.confidentiality,
            channel=IMPORT,
        )
        dossier_plan_route(
            dossier=dossier, steps=[(self.bodies[body], role) for body, role in planned.route], channel=IMPORT
        )
        self.dossiers[planned.key] = dossier

    def _meeting(self, planned: MeetingPlan) -> None:
        meeting = self.meetings[planned.key]
        if planned.state == "cancelled":
            meeting_cancel(
                meeting=meeting, reason=planned.cancelled_reason, expected_version=None, channel=IMPORT
            )
            return
        for item in planned.items:
            self.items[item.key] = self._item(meeting, planned, item)
        if planned.state == "held":
            self._held(meeting, planned)

    def _item(self, meeting: Meeting, planned: MeetingPlan, item: ItemPlan) -> AgendaItem:
        body = self.bodies[planned.body]
        if item.forwarded_from:
            written = agenda_item_forward(
                item=self.items[item.forwarded_from],
                to_body=body,
                role=item.role,
                to_meeting=meeting,
                channel=IMPORT,
            )
        else:
            dossier = self.dossiers.get(item.dossier) if item.dossier else None
            written = agenda_item_add(
                meeting=meeting,
                title=item.title,
                kind=item.kind,
                description=item.description,
                confidentiality=item.confidentiality,
                dossier=dossier,
                expected_version=None,
                channel=IMPORT,
            )
            if item.confidentiality == Confidentiality.SECRET:
                secrecy_impose(
                    item=written,
                    imposed_by=body,
                    legal_ground=LegalGround.ECONOMIC_INTERESTS,
                    recipients=self.secret_recipients,
                    by=None,
                    channel=IMPORT,
                )
            if dossier is not None:  # the first step of the route: link it to this item
                consultation_step_for(
                    dossier=dossier, body=body, role=item.role, agenda_item=written, channel=IMPORT
                )
        dossier_plan = self.dossier_plans.get(item.dossier)
        for document in item.documents:
            if document.kind == "annex":
                blocks, table = annex_table(context=self.context, item=item)
                content = render(filename=document.filename, title=document.title, blocks=blocks, table=table)
            else:
                blocks = proposal_blocks(
                    context=self.context, meeting=planned, item=item, dossier=dossier_plan
                )
                content = render(filename=document.filename, title=document.title, blocks=blocks)
            # The item's secrecy covers its documents; a document marked secret itself would need its own.
            level = (
                Confidentiality.CONFIDENTIAL
                if item.confidentiality == Confidentiality.SECRET
                else item.confidentiality
            )
            self._document(document, content, agenda_item=written, confidentiality=level)
        return written

    def _document(
        self,
        document: DocumentPlan,
        content: bytes,
        *,
        confidentiality: str,
        agenda_item: AgendaItem | None = None,
        meeting: Meeting | None = None,
    ) -> None:
        document_add(
            title=document.title,
            filename=document.filename,
            content=content,
            meeting=meeting,
            agenda_item=agenda_item,
            kind=document.kind,
            confidentiality=confidentiality,
            channel=IMPORT,
            extract_now=True,  # searchable straight after `naober demo`, without waiting for the worker
        )
        self.documents += 1

    def _held(self, meeting: Meeting, planned: MeetingPlan) -> None:
        for attendance in planned.attendance:
            attendance_record(
                meeting=meeting,
                person=self.persons[attendance.person],
                status=attendance.status,
                replaced_by=self.persons[attendance.replaced_by] if attendance.replaced_by else None,
                channel=IMPORT,
            )
        standard: dict[str, AgendaItem] = {}
        for written in AgendaItem.objects.filter(meeting=meeting, kind__in=STANDARD_KINDS):
            written.meeting = meeting  # one instance of the meeting, so its version stays current
            standard[written.kind] = written
        for kind in (
            AgendaItemKind.OPENING,
            AgendaItemKind.ACTIONS,
            AgendaItemKind.ANY_OTHER_BUSINESS,
            AgendaItemKind.CLOSING,
        ):
            text = planned.standard_minutes.get(str(kind), "")
            if text and kind in standard:
                agenda_item_update(item=standard[kind], minutes=text, expected_version=None, channel=IMPORT)
        if AgendaItemKind.MINUTES in standard:
            decision_record(
                item=standard[AgendaItemKind.MINUTES],
                outcome=DecisionOutcome.ADOPTED,
                text=planned.minutes_outcome,
                expected_version=None,
                channel=IMPORT,
            )
        for item in planned.items:
            topical = self.items[item.key]
            if item.minutes:
                agenda_item_update(item=topical, minutes=item.minutes, expected_version=None, channel=IMPORT)
            if item.outcome:
                decision_record(
                    item=topical,
                    outcome=item.outcome,
                    text=item.decision_text,
                    votes=item.votes,
                    expected_version=None,
                    channel=IMPORT,
                )
            for action in item.actions:
                owner = self.persons.get(action.owner_person) or self.municipalities.get(
                    action.owner_municipality
                )
                created = action_create(
                    body=self.bodies[planned.body],
                    description=action.description,
                    owner=owner,
                    due_date=action.due,
                    origin=topical,
                    channel=IMPORT,
                )
                if action.completed_on is not None:
                    action_complete(action=created, on=action.completed_on, channel=IMPORT)
        meeting_mark_held(meeting=meeting, channel=IMPORT)
        if planned.approves_minutes_of:
            minutes_approve(
                meeting=self.meetings[planned.approves_minutes_of], in_meeting=meeting, channel=IMPORT
            )
        if planned.minutes_document is not None:
            content = render(
                filename=planned.minutes_document.filename,
                title=planned.minutes_document.title,
                blocks=minutes_blocks(context=self.context, meeting=planned),
                author=self.context.name,
            )
            self._document(planned.minutes_document, content, meeting=meeting, confidentiality="public")
