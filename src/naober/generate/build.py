"""Writes one generated cooperation in one transaction: registry rows, bodies, memberships, ten years of
meetings with agenda items, decisions, dossiers and their routes, documents with text, secrecy and council
rounds. Bulk inserts with the same invariants the services keep (checked by tests/generate)."""

from __future__ import annotations

import datetime
import hashlib
import random
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from naober.access.models import LegalGround, Secrecy
from naober.core.models import Channel, Confidentiality
from naober.core.services import audit_record
from naober.councils.models import (
    ConsultationRound,
    MemberStatus,
    Outcome,
    RoundKind,
    RoundMember,
    RoundStatus,
)
from naober.generate.plan import BodyPlan, CooperationPlan, meeting_dates
from naober.generate.registry import PersonPlan, RegistryPlan
from naober.generate.scales import Scale
from naober.generate.stamps import aware, stamped
from naober.generate.text import TextMaker, localise, topics
from naober.governance.models import Body, Membership, MembershipRole, Person
from naober.meetings.models import (
    AgendaItem,
    AgendaItemKind,
    Consultation,
    ConsultationRole,
    DecisionOutcome,
    Document,
    DocumentKind,
    DocumentVersion,
    Dossier,
    DossierStatus,
    Meeting,
    MeetingStatus,
)
from naober.registry.models import Cooperation, Participation, Topic

TIMES = {"ab": (19, 30), "db": (9, 0), "secr": (9, 30), "ao": (10, 0), "bo": (14, 0), "tafel": (13, 0)}
OUTCOMES = (
    (DecisionOutcome.ADOPTED, 85),
    (DecisionOutcome.ADOPTED_AS_AMENDED, 5),
    (DecisionOutcome.POSTPONED, 5),
    (DecisionOutcome.REJECTED, 2),
    (DecisionOutcome.WITHDRAWN, 3),
)
ROUND_KINDS = (RoundKind.CONSENT, RoundKind.IDENTICAL, RoundKind.REGULATION, RoundKind.INFORMATION)
MEMBER_OUTCOMES = (
    (Outcome.AGREES, 75),
    (Outcome.AGREES_WITH_REMARKS, 15),
    (Outcome.DISAGREES, 4),
    (Outcome.NO_RESPONSE, 6),
)


@dataclass
class Counts:
    meetings: int = 0
    agenda_items: int = 0
    documents: int = 0
    text_bytes: int = 0
    dossiers: int = 0
    memberships: int = 0
    rounds: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Subject:
    title: str
    description: str
    kind: str
    outcome: str
    confidentiality: str
    topic: str
    source: Subject | None = None  # the subject it came from (AO → BO → board)
    dossier: Dossier | None = None
    item: AgendaItem | None = None
    role: str = ""


@dataclass
class Sitting:
    body: BodyPlan
    start: datetime.datetime
    status: str
    meeting: Meeting
    subjects: list[Subject] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)
    previous: Sitting | None = None


def _weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    return str(rng.choices([p[0] for p in pairs], [p[1] for p in pairs])[0])


class CooperationWriter:
    def __init__(
        self,
        plan: CooperationPlan,
        *,
        registry: RegistryPlan,
        scale: Scale,
        seed: int,
        now: datetime.datetime,
        media_root: Path,
    ) -> None:
        self.plan, self.registry, self.scale, self.now = plan, registry, scale, now
        self.rng = random.Random(f"cooperation-{seed}-{plan.index}")
        self.media_root = media_root
        self.counts = Counts()
        people = [m.mayor.family for m in plan.members] + [
            a.family for m in plan.members for a in m.aldermen[-4:]
        ]
        self.text = TextMaker(
            self.rng,
            places=[m.name for m in plan.members],
            people=[f"wethouder {name}" for name in people],
            province=plan.province,
        )
        self.pool = {topic.name: topic.subjects for topic in topics()}
        self.dossier_seq: dict[int, int] = {}

    # -- registry and governance -------------------------------------------------------------------
    def cooperation(self) -> Cooperation:
        plan, first = self.plan, datetime.date(self.scale.first_year - 3, 1, 1)
        stamp = aware(first)
        self.cooperation_row = Cooperation(
            name=plan.name,
            short_name="",
            slug=plan.slug,
            country=plan.country,
            legal_form=plan.legal_form,
            founded_on=first,
            mission=f"Samen werken de gemeenten van {plan.name} aan de opgaven van de regio.",
            website=f"https://www.{plan.slug}.{'nl' if plan.country == 'NL' else 'be'}",
            created=stamp,
            modified=stamp,
        )
        self.cooperation_row.save()
        coop = self.cooperation_row
        self.topics = {
            name: Topic(
                cooperation=coop,
                name=name,
                slug=slugify(name),
                is_theme=index < 3,
                created=stamp,
                modified=stamp,
            )
            for index, name in enumerate(plan.topics + ["Bestuur en regie"])
        }
        Topic.objects.bulk_create(self.topics.values())
        Participation.objects.bulk_create(
            [
                Participation(
                    cooperation=coop, municipality_id=m.pk, joined_on=first, created=stamp, modified=stamp
                )
                for m in plan.members
            ]
            + [
                Participation(
                    cooperation=coop,
                    organisation_id=self.registry.partners[plan.province][1],
                    role=Participation.Role.PARTNER,
                    joined_on=first,
                    created=stamp,
                    modified=stamp,
                )
            ]
        )
        return coop

    def bodies(self) -> None:
        coop, stamp = self.cooperation_row, self.cooperation_row.created
        by_key: dict[str, Body] = {}
        for wave in (False, True):
            rows = []
            for body in self.plan.bodies:
                if bool(body.prepares) != wave:
                    continue
                row = Body(
                    cooperation=coop,
                    name=body.name,
                    short_name=body.short_name,
                    slug=body.key,
                    kind=body.kind,
                    topic=self.topics.get(body.topic),
                    prepares=by_key.get(body.prepares),
                    meetings_per_year_min=body.per_year or None,
                    meetings_per_year_max=body.per_year or None,
                    public_by_default=body.public,
                    documents_lead_days=10 if body.key != "ab" else 14,
                    established_on=coop.founded_on,
                    created=stamp,
                    modified=stamp,
                )
                rows.append(row)
                by_key[body.key] = row
            Body.objects.bulk_create(rows)
        for body in self.plan.bodies:
            body.pk = by_key[body.key].pk
        self.body_rows = by_key

    def memberships(self) -> None:
        plan, first = self.plan, datetime.date(self.scale.first_year - 3, 1, 1)
        stamp = aware(first)
        domain = f"{plan.slug}.{'nl' if plan.country == 'NL' else 'be'}"
        staff = [
            Person(
                given_name=g,
                family_name=f,
                email=f"{slugify(g)}.{slugify(f)}@{domain}",
                function=fn,
                created=stamp,
                modified=stamp,
            )
            for g, f, fn in (
                (
                    self.rng.choice(("Anne", "Joris", "Mirjam")),
                    self.rng.choice(("Veldman", "Hofman", "Bos")),
                    f"secretaris {plan.name}",
                ),
                (
                    self.rng.choice(("Lars", "Femke", "Sam")),
                    self.rng.choice(("Kuipers", "Dam", "Evers")),
                    f"beleidsadviseur {plan.name}",
                ),
            )
        ]
        Person.objects.bulk_create(staff)
        secretary, adviser = staff
        rows: list[Membership] = []

        def add(
            body: str,
            person: PersonPlan | Person,
            role: str,
            municipality: int | None,
            start: datetime.date = first,
            end: datetime.date | None = None,
            portfolio: str = "",
        ) -> None:
            rows.append(
                Membership(
                    body_id=self.body_rows[body].pk,
                    person_id=person.pk,
                    role=role,
                    on_behalf_of_municipality_id=municipality,
                    start_date=start,
                    end_date=end,
                    portfolio=self.topics.get(portfolio),
                    voting_right=role not in ("secretary", "adviser", "guest"),
                    created=aware(start),
                    modified=aware(start),
                )
            )

        chair = plan.members[0]
        for index, m in enumerate(plan.members):
            role = MembershipRole.CHAIR if index == 0 else MembershipRole.MEMBER
            add("ab", m.mayor, role, m.pk)
            if index < 3:
                add("db", m.mayor, role, m.pk)
            add("secr", m.secretary, MembershipRole.CHAIR if index == 0 else MembershipRole.MEMBER, m.pk)
        for body in plan.bodies:
            if not body.topic:
                continue
            for m in plan.members:
                if body.kind == "civil-servants-meeting":
                    add(body.key, m.servants[body.topic], MembershipRole.MEMBER, m.pk, portfolio=body.topic)
                    continue
                terms = m.aldermen_for(body.topic)
                for alderman in terms[-1:] if body.key.startswith("tafel") else terms:
                    if alderman.end is not None and alderman.end.year < self.scale.first_year - 1:
                        continue
                    role = MembershipRole.CHAIR if m is chair else MembershipRole.MEMBER
                    add(
                        body.key,
                        alderman,
                        role,
                        m.pk,
                        start=alderman.start,
                        end=alderman.end,
                        portfolio=body.topic,
                    )
            add(
                body.key,
                adviser if body.kind == "civil-servants-meeting" else secretary,
                MembershipRole.SECRETARY,
                None,
            )
        for key in ("ab", "db", "secr"):
            add(key, secretary, MembershipRole.SECRETARY, None)
        add("bureau", secretary, MembershipRole.CHAIR, None)
        add("bureau", adviser, MembershipRole.MEMBER, None)
        Membership.objects.bulk_create(rows, batch_size=1000)
        self.counts.memberships += len(rows)

    # -- meetings ----------------------------------------------------------------------------------
    def _subjects(self, topic: str, count: int, year: int, body: BodyPlan) -> list[Subject]:
        pool = self.pool.get(topic) or self.pool["Bestuur en regie"]
        chosen = self.rng.sample(pool, k=min(count, len(pool)))
        found = []
        for subject in chosen:
            roll = self.rng.random()
            level = (
                Confidentiality.SECRET
                if roll < self.scale.secret_share
                else Confidentiality.CONFIDENTIAL
                if roll < self.scale.secret_share + self.scale.confidential_share
                else Confidentiality.PUBLIC
            )
            found.append(
                Subject(
                    localise(subject.title, region=self.plan.name, year=year),
                    localise(subject.description, region=self.plan.name, year=year),
                    subject.kind,
                    localise(subject.outcome, region=self.plan.name, year=year),
                    str(level),
                    topic,
                )
            )
        return found

    def sittings(self) -> list[Sitting]:
        sittings: list[Sitting] = []
        rng, today = self.rng, self.now.date()
        for year in range(self.scale.first_year, self.scale.last_year + 1):
            for body in self.plan.bodies:
                if body.per_year == 0 or body.prepares:
                    continue
                for day in meeting_dates(rng, body, year):
                    sittings.append(self._sitting(body, day, today))
                    if body.key.startswith("bo-"):
                        ao = next(b for b in self.plan.bodies if b.prepares == body.key)
                        sittings.append(self._sitting(ao, day - datetime.timedelta(days=14), today))
        sittings.sort(key=lambda s: (s.start, s.body.key))
        last: dict[str, Sitting] = {}
        for sitting in sittings:
            sitting.previous = last.get(sitting.body.key)
            last[sitting.body.key] = sitting
        return sittings

    def _sitting(self, body: BodyPlan, day: datetime.date, today: datetime.date) -> Sitting:
        kind = body.key.split("-")[0]
        hour, minute = TIMES.get(kind, (10, 0))
        start = aware(day, hour, minute)
        end = start + datetime.timedelta(hours=2)
        lead = datetime.timedelta(days=14 if body.key == "ab" else 10)
        if day < today:
            status = MeetingStatus.CANCELLED if self.rng.random() < 0.02 else MeetingStatus.HELD
        elif day <= today + datetime.timedelta(days=14):
            status = MeetingStatus.CONVENED
        else:
            status = MeetingStatus.PLANNED
        published = status != MeetingStatus.PLANNED
        convened = start - lead if published else None
        member = self.plan.members[(day.toordinal() // 7) % len(self.plan.members)]
        created = start - datetime.timedelta(days=60)
        modified = (
            start + datetime.timedelta(days=3) if status == MeetingStatus.HELD else (convened or created)
        )
        meeting = Meeting(
            cooperation=self.cooperation_row,
            body_id=body.pk,
            title="",
            status=status,
            start=start,
            end=end,
            location=f"Gemeentehuis {member.name}",
            is_public=body.public,
            documents_deadline=start - lead,
            convened_at=convened,
            cancelled_reason="Onvoldoende agendapunten" if status == MeetingStatus.CANCELLED else "",
            decision_list_published_at=start + datetime.timedelta(days=3)
            if status == MeetingStatus.HELD
            else None,
            created=min(created, self.now),
            modified=min(modified, self.now),
        )
        return Sitting(body, start, str(status), meeting)

    def agendas(self, sittings: list[Sitting]) -> None:
        """Subjects per sitting: a BO's are prepared by its AO two weeks before; some go on to the board."""
        rng = self.rng
        boards = [s for s in sittings if s.body.key in ("ab", "db")]
        for sitting in sittings:
            key, year = sitting.body.key, sitting.start.year
            if key.startswith("bo-"):
                sitting.subjects = self._subjects(sitting.body.topic, rng.randint(3, 7), year, sitting.body)
            elif key.startswith("tafel-"):
                sitting.subjects = self._subjects(sitting.body.topic, rng.randint(2, 4), year, sitting.body)
            elif key in ("ab", "db", "secr"):
                sitting.subjects = self._subjects("Bestuur en regie", rng.randint(2, 4), year, sitting.body)
        by_start = {(s.body.key, s.start.date()): s for s in sittings}
        for sitting in sittings:
            if not sitting.body.key.startswith("bo-"):
                continue
            ao_key = next(b.key for b in self.plan.bodies if b.prepares == sitting.body.key)
            ao = by_start.get((ao_key, (sitting.start - datetime.timedelta(days=14)).date()))
            if ao is not None:
                ao.subjects = [
                    Subject(
                        s.title,
                        s.description,
                        AgendaItemKind.DISCUSSION,
                        s.outcome,
                        s.confidentiality,
                        s.topic,
                        role=ConsultationRole.PREPARE,
                    )
                    for s in sitting.subjects
                ]
                for mine, theirs in zip(sitting.subjects, ao.subjects, strict=True):
                    mine.source = theirs
            for subject in sitting.subjects:
                if subject.kind == AgendaItemKind.DECISION and rng.random() < 0.3:
                    board = next(
                        (b for b in boards if b.start > sitting.start + datetime.timedelta(days=7)), None
                    )
                    if board is not None:
                        board.subjects.insert(
                            0,
                            Subject(
                                subject.title,
                                subject.description,
                                subject.kind,
                                subject.outcome,
                                subject.confidentiality,
                                subject.topic,
                                source=subject,
                            ),
                        )

    # -- writing -----------------------------------------------------------------------------------
    def dossiers(self, sittings: list[Sitting]) -> None:
        rows = []
        for sitting in sittings:
            key = sitting.body.key
            if not (key.startswith("bo-") or key in ("ab", "db")):
                continue
            for subject in sitting.subjects:
                if subject.kind != AgendaItemKind.DECISION:
                    continue
                if subject.source is not None and subject.source.dossier is not None:
                    subject.dossier = subject.source.dossier
                    continue
                year = sitting.start.year
                self.dossier_seq[year] = self.dossier_seq.get(year, 0) + 1
                created = min(sitting.start - datetime.timedelta(days=30), self.now)
                subject.dossier = Dossier(
                    cooperation=self.cooperation_row,
                    reference=f"{year}-{self.dossier_seq[year]:03d}",
                    title=subject.title[:300],
                    summary=subject.description,
                    topic=self.topics.get(subject.topic),
                    confidentiality=subject.confidentiality,
                    status=DossierStatus.IN_PROGRESS,
                    created=created,
                    modified=created,
                )
                if subject.source is not None:
                    subject.source.dossier = subject.dossier
                rows.append(subject.dossier)
        Dossier.objects.bulk_create(rows, batch_size=1000)
        self.counts.dossiers += len(rows)

    def items(self, sittings: list[Sitting]) -> None:
        waves = (
            [s for s in sittings if s.body.kind == "civil-servants-meeting"],
            [
                s
                for s in sittings
                if s.body.kind != "civil-servants-meeting" and s.body.key not in ("ab", "db")
            ],
            [s for s in sittings if s.body.key in ("ab", "db")],
        )
        for wave in waves:
            rows: list[AgendaItem] = []
            for sitting in wave:
                rows.extend(self._items(sitting))
            AgendaItem.objects.bulk_create(rows, batch_size=1000)
            self.counts.agenda_items += len(rows)

    def _items(self, sitting: Sitting) -> list[AgendaItem]:
        rng, meeting, held = self.rng, sitting.meeting, sitting.status == MeetingStatus.HELD
        short = sitting.body.short_name or sitting.body.name
        stamp = meeting.modified
        items: list[AgendaItem] = []

        def add(title: str, kind: str, **values: object) -> AgendaItem:
            item = AgendaItem(
                meeting=meeting,
                position=len(items) + 1,
                number=str(len(items) + 1),
                title=title,
                kind=kind,
                created=meeting.created,
                modified=stamp,
                **values,
            )
            items.append(item)
            return item

        add("Opening en mededelingen", AgendaItemKind.OPENING)
        previous = sitting.previous
        if previous is not None and previous.status == MeetingStatus.HELD:
            add(
                f"Verslag van de vergadering van {previous.start:%d-%m-%Y}",
                AgendaItemKind.MINUTES,
                outcome=DecisionOutcome.ADOPTED if held else "",
                decision_text="Het verslag wordt ongewijzigd vastgesteld." if held else "",
            )
        add("Actielijst", AgendaItemKind.ACTIONS)
        for subject in sitting.subjects:
            outcome, decision_text, minutes = "", "", ""
            if held:
                if subject.role == ConsultationRole.PREPARE:
                    minutes = f"Het {short} adviseert het bestuurlijk overleg {subject.outcome}."
                elif subject.kind == AgendaItemKind.DECISION:
                    outcome = _weighted(rng, OUTCOMES)
                    decision_text = {
                        DecisionOutcome.ADOPTED: f"Het {short} besluit {subject.outcome}.",
                        DecisionOutcome.ADOPTED_AS_AMENDED: f"Het {short} besluit, met de in de vergadering "
                        f"besproken wijzigingen, {subject.outcome}.",
                        DecisionOutcome.POSTPONED: "De besluitvorming wordt uitgesteld tot de volgende "
                        "vergadering.",
                        DecisionOutcome.REJECTED: f"Het {short} neemt het voorstel niet over.",
                        DecisionOutcome.WITHDRAWN: "Het voorstel wordt teruggenomen voor nadere uitwerking.",
                    }[DecisionOutcome(outcome)]
                elif subject.kind == AgendaItemKind.INFORMATION:
                    outcome = DecisionOutcome.NOTED
                    decision_text = f"Het {short} neemt kennis van {subject.outcome}."
                else:
                    minutes = subject.outcome
            subject.item = add(
                subject.title[:300],
                subject.kind,
                description=subject.description,
                confidentiality=subject.confidentiality,
                dossier=subject.dossier,
                forwarded_from=subject.source.item if subject.source is not None else None,
                outcome=outcome,
                decision_text=decision_text,
                minutes=minutes,
            )
        add("Rondvraag", AgendaItemKind.ANY_OTHER_BUSINESS)
        add("Sluiting", AgendaItemKind.CLOSING)
        sitting.items = items
        return items

    def routes(self, sittings: list[Sitting]) -> None:
        steps: dict[int, list[tuple[datetime.datetime, Consultation]]] = {}
        decided: set[int] = set()
        for sitting in sittings:
            for subject in sitting.subjects:
                dossier, item = subject.dossier, subject.item
                if dossier is None or item is None:
                    continue
                prepares = subject.role == ConsultationRole.PREPARE
                role = ConsultationRole.PREPARE if prepares else ConsultationRole.DECIDE
                steps.setdefault(dossier.pk, []).append(
                    (
                        sitting.start,
                        Consultation(
                            dossier=dossier,
                            body_id=sitting.body.pk,
                            role=role,
                            position=0,
                            agenda_item=item,
                            created=dossier.created,
                            modified=sitting.meeting.modified,
                        ),
                    )
                )
                if role == ConsultationRole.DECIDE and item.outcome in (
                    DecisionOutcome.ADOPTED,
                    DecisionOutcome.ADOPTED_AS_AMENDED,
                ):
                    decided.add(dossier.pk)
        rows = []
        for chain in steps.values():
            chain.sort(key=lambda step: step[0])
            for position, (_start, step) in enumerate(chain, start=1):
                if position < len(chain) and step.role == ConsultationRole.DECIDE:
                    step.role = ConsultationRole.ADVISE  # a later body decides
                step.position = position
                rows.append(step)
        Consultation.objects.bulk_create(rows, batch_size=1000)
        Dossier.objects.filter(pk__in=decided).update(status=DossierStatus.DECIDED)

    def documents(self, sittings: list[Sitting]) -> None:
        rng = self.rng
        documents: list[Document] = []
        texts: list[str] = []

        def add(
            sitting: Sitting,
            title: str,
            kind: str,
            lead: str,
            topic: str,
            *,
            item: AgendaItem | None = None,
            dossier: Dossier | None = None,
            level: str = Confidentiality.PUBLIC,
        ) -> None:
            meeting = sitting.meeting
            stamp = min((meeting.convened_at or meeting.created) - datetime.timedelta(days=2), self.now)
            documents.append(
                Document(
                    cooperation=self.cooperation_row,
                    title=title[:300],
                    kind=kind,
                    confidentiality=level,
                    meeting=meeting,
                    agenda_item=item,
                    dossier=dossier,
                    created=stamp,
                    modified=stamp,
                )
            )
            texts.append(self.text.body(title=title, lead=lead, topic=topic, year=sitting.start.year))

        for sitting in sittings:
            if sitting.status == MeetingStatus.PLANNED:
                continue
            name = sitting.body.name
            topic = sitting.body.topic or "Bestuur en regie"
            day = f"{sitting.start:%d-%m-%Y}"
            add(
                sitting,
                f"Agenda {name} {day}",
                DocumentKind.INVITATION,
                f"Uitnodiging en agenda voor de vergadering van het {name} op {day}.",
                topic,
            )
            for item in sitting.items:
                if item.kind == AgendaItemKind.MINUTES and sitting.previous is not None:
                    add(
                        sitting,
                        f"Verslag {name} {sitting.previous.start:%d-%m-%Y}",
                        DocumentKind.MINUTES,
                        "Concept-verslag van de vorige vergadering.",
                        topic,
                        item=item,
                    )
            for subject in sitting.subjects:
                subject_item = subject.item
                if subject.kind == AgendaItemKind.DECISION:
                    add(
                        sitting,
                        f"Voorstel {subject.title}",
                        DocumentKind.PROPOSAL,
                        subject.description,
                        topic,
                        item=subject_item,
                        dossier=subject.dossier,
                        level=subject.confidentiality,
                    )
                    if rng.random() < 0.3:
                        add(
                            sitting,
                            f"Bijlage bij {subject.title}",
                            DocumentKind.ANNEX,
                            subject.description,
                            topic,
                            item=subject_item,
                            dossier=subject.dossier,
                            level=subject.confidentiality,
                        )
                elif subject.kind == AgendaItemKind.INFORMATION or rng.random() < 0.5:
                    add(
                        sitting,
                        f"Memo {subject.title}",
                        DocumentKind.MEMO,
                        subject.description,
                        topic,
                        item=subject_item,
                        level=subject.confidentiality,
                    )
            if sitting.status == MeetingStatus.HELD and sitting.body.kind != "civil-servants-meeting":
                add(
                    sitting,
                    f"Besluitenlijst {name} {day}",
                    DocumentKind.DECISION_LIST,
                    f"De besluiten van het {name} van {day}.",
                    topic,
                )
        Document.objects.bulk_create(documents, batch_size=1000)
        versions = []
        for document, text in zip(documents, texts, strict=True):
            content = text.encode()
            sha256 = hashlib.sha256(content).hexdigest()
            path = f"documents/{sha256[:2]}/{sha256}"
            target = self.media_root / path
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
            versions.append(
                DocumentVersion(
                    document=document,
                    number=1,
                    file=path,
                    filename=f"{slugify(document.title)[:90] or 'document'}.txt",
                    size=len(content),
                    mime_type="text/plain",
                    sha256=sha256,
                    sha512=hashlib.sha512(content).hexdigest(),
                    text=text,
                    text_extracted_at=document.created,
                    created=document.created,
                    modified=document.created,
                )
            )
            self.counts.text_bytes += len(content)
        DocumentVersion.objects.bulk_create(versions, batch_size=500)
        self.counts.documents += len(documents)
        self.secret_documents = [d for d in documents if d.confidentiality == Confidentiality.SECRET]

    def secrecy(self, sittings: list[Sitting]) -> None:
        rows = []
        for sitting in sittings:
            day = sitting.start.date()
            for subject in sitting.subjects:
                if subject.confidentiality != Confidentiality.SECRET or subject.item is None:
                    continue
                lift = day.replace(year=day.year + 5) if self.rng.random() < 0.5 else None
                rows.append(
                    Secrecy(
                        agenda_item=subject.item,
                        imposed_by_id=sitting.body.pk,
                        legal_ground=LegalGround.ECONOMIC_INTERESTS,
                        imposed_on=day,
                        lift_on=lift,
                        created=sitting.meeting.modified,
                        modified=sitting.meeting.modified,
                    )
                )
        for document in self.secret_documents:
            if document.meeting is None:
                continue
            rows.append(
                Secrecy(
                    document=document,
                    imposed_by_id=document.meeting.body_id,
                    legal_ground=LegalGround.ECONOMIC_INTERESTS,
                    imposed_on=document.created.date(),
                    created=document.created,
                    modified=document.created,
                )
            )
        Secrecy.objects.bulk_create(rows, batch_size=1000)

    def rounds(self, sittings: list[Sitting]) -> None:
        rng, today = self.rng, self.now.date()
        rounds: list[ConsultationRound] = []
        members: list[RoundMember] = []
        for sitting in sittings:
            if sitting.body.key != "ab" or sitting.status != MeetingStatus.HELD:
                continue
            for subject in sitting.subjects:
                item = subject.item
                if (
                    subject.dossier is None
                    or item is None
                    or subject.confidentiality != Confidentiality.PUBLIC
                    or item.outcome != DecisionOutcome.ADOPTED
                    or rng.random() > 0.4
                ):
                    continue
                sent = sitting.start.date() + datetime.timedelta(days=7)
                deadline = sent + datetime.timedelta(weeks=8)
                closed = deadline < today - datetime.timedelta(days=30)
                stamp = min(aware(deadline if closed else sent), self.now)
                row = ConsultationRound(
                    cooperation=self.cooperation_row,
                    dossier=subject.dossier,
                    kind=rng.choice(ROUND_KINDS),
                    body_id=sitting.body.pk,
                    sent_on=sent,
                    deadline=deadline,
                    status=RoundStatus.CLOSED if closed else RoundStatus.OPEN,
                    regional_text=f"De raad besluit {subject.outcome}.",
                    created=aware(sent),
                    modified=stamp,
                )
                rounds.append(row)
                for m in self.plan.members:
                    outcome = _weighted(rng, MEMBER_OUTCOMES) if closed or rng.random() < 0.4 else ""
                    decided = outcome not in ("", Outcome.NO_RESPONSE)
                    members.append(
                        RoundMember(
                            round=row,
                            municipality_id=m.pk,
                            sent_on=sent,
                            deadline=deadline,
                            status=MemberStatus.DECIDED if outcome else MemberStatus.SENT,
                            outcome=outcome,
                            decided_on=min(deadline - datetime.timedelta(days=rng.randint(1, 20)), today)
                            if decided
                            else None,
                            opinion_text=f"De raad van {m.name} stemt in." if decided else "",
                            created=aware(sent),
                            modified=stamp,
                        )
                    )
        ConsultationRound.objects.bulk_create(rounds, batch_size=500)
        RoundMember.objects.bulk_create(members, batch_size=1000)
        self.counts.rounds += len(rounds)

    def minutes_links(self, sittings: list[Sitting]) -> None:
        later: dict[int, Meeting] = {}
        changed = []
        for sitting in sittings:
            previous = sitting.previous
            if (
                previous is not None
                and previous.status == MeetingStatus.HELD
                and sitting.status == MeetingStatus.HELD
                and id(previous) not in later
            ):
                previous.meeting.minutes_approved_in = sitting.meeting
                later[id(previous)] = sitting.meeting
                changed.append(previous.meeting)
        Meeting.objects.bulk_update(changed, ["minutes_approved_in"], batch_size=500)

    def write(self) -> Counts:
        self.cooperation()
        self.bodies()
        self.memberships()
        sittings = self.sittings()
        self.agendas(sittings)
        Meeting.objects.bulk_create([s.meeting for s in sittings], batch_size=1000)
        self.counts.meetings += len(sittings)
        self.dossiers(sittings)
        self.items(sittings)
        self.routes(sittings)
        self.documents(sittings)
        self.secrecy(sittings)
        self.rounds(sittings)
        self.minutes_links(sittings)
        return self.counts


def cooperation_write(
    plan: CooperationPlan,
    *,
    registry: RegistryPlan,
    scale: Scale,
    seed: int,
    now: datetime.datetime,
    media_root: Path,
) -> Counts | None:
    """Write one cooperation in one transaction; None when it is already there (a restart)."""
    if Cooperation.objects.filter(slug=plan.slug).exists():
        return None
    writer = CooperationWriter(
        plan, registry=registry, scale=scale, seed=seed, now=now, media_root=media_root
    )
    with transaction.atomic():
        with stamped():
            counts = writer.write()
        budgets_write(writer.cooperation_row, plan, year=scale.last_year + 1, seed=seed)
        audit_record(
            instance=writer.cooperation_row,
            action="create",
            by=None,
            channel=Channel.IMPORT,
            changes={"generated": counts.__dict__},
            cooperation_id=writer.cooperation_row.pk,
        )
    return counts


def budgets_write(cooperation: Cooperation, plan: CooperationPlan, *, year: int, seed: int) -> None:
    """A draft budget for next year through the finance services (the allocation checks run)."""
    from naober.finance.services.budgets import LineInput, budget_create, budget_line_save

    rng = random.Random(f"budget-{seed}-{plan.index}")
    budget = budget_create(
        cooperation=cooperation,
        year=year,
        by=None,
        channel=Channel.IMPORT,
        title=f"Begroting {year}",
        board_treats_on=datetime.date(year - 1, 7, 1),
    )
    budget_line_save(
        budget=budget,
        by=None,
        channel=Channel.IMPORT,
        data=LineInput(
            name="Regiobureau", key_kind="per-inhabitant", per_inhabitant=Decimal(rng.randint(150, 400)) / 100
        ),
    )
    budget_line_save(
        budget=budget,
        by=None,
        channel=Channel.IMPORT,
        data=LineInput(
            name="Regionale programma's",
            key_kind="equal-and-population",
            amount=Decimal(rng.randint(20, 200) * 5000),
            equal_fraction=Decimal("0.25"),
        ),
    )
    for topic in plan.topics[:2]:
        budget_line_save(
            budget=budget,
            by=None,
            channel=Channel.IMPORT,
            data=LineInput(
                name=f"Uitvoering {topic.lower()}",
                key_kind="per-inhabitant",
                per_inhabitant=Decimal(rng.randint(20, 120)) / 100,
            ),
        )
