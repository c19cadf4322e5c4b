"""Plain data: what the history generator knows of a region (RegionContext), and what it will write (Plan).

Planning works on these records only, without the database: the same context and day give the same plan, which
the tests compare directly; build.py then writes a plan through the services.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field


def seeded(seed: str) -> random.Random:
    """Random choices for the demo, reproducible from a seed like "<region>:<meeting>"; not for security."""
    return random.Random(seed)  # noqa: S311 - demo data, not cryptography


# --- What the planner is given: the region as loaded from the demo data ------------------------------------


@dataclass(frozen=True)
class MemberInfo:
    person: str  # the person's e-mail address, their natural key in the demo data
    name: str
    role: str  # MembershipRole value
    municipality: str  # slug, or ""
    organisation: str  # slug, or ""
    start: datetime.date
    end: datetime.date | None
    voting: bool

    def active_on(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or self.end > day)


# Kinds named in lower case inside a sentence, and kinds that take the article "de" (the others take "het").
LOWER_CASE_KINDS = ("general-board", "daily-board", "theme-table", "steering-group")
DE_KINDS = (
    "secretaries-group",
    "steering-group",
    "council-assembly",
    "triple-helix-board",
    "theme-table",
    "bureau",
)


@dataclass(frozen=True)
class BodyInfo:
    slug: str
    name: str
    short_name: str
    kind: str  # BodyKind value
    topic: str  # topic slug, or ""
    prepares: str  # slug of the body it prepares, or ""
    members: tuple[MemberInfo, ...]

    @property
    def label(self) -> str:
        """How minutes and action texts name the body: "BO Wonen", "BORA", "algemeen bestuur"."""
        if self.short_name and self.kind in ("portfolio-meeting", "civil-servants-meeting"):
            return f"{self.short_name} {self.name.split(' overleg ', 1)[-1]}"
        if self.kind in LOWER_CASE_KINDS:
            return self.name[:1].lower() + self.name[1:]
        return self.short_name or self.name

    @property
    def the(self) -> str:
        """The label with its article: "het BO Wonen", "de ARG", "de thematafel Mobiliteit …"."""
        return f"{'de' if self.kind in DE_KINDS else 'het'} {self.label}"

    @property
    def the_cap(self) -> str:
        """The label with its article at the start of a sentence: "Het BO Wonen"."""
        return self.the[:1].upper() + self.the[1:]


@dataclass(frozen=True)
class RegionContext:
    slug: str
    name: str
    country: str  # NL or BE
    time_zone: str
    municipalities: tuple[tuple[str, str], ...]  # (slug, name) of the member municipalities, by name
    bodies: tuple[BodyInfo, ...]

    def body(self, slug: str) -> BodyInfo | None:
        return next((body for body in self.bodies if body.slug == slug), None)

    def municipality_name(self, slug: str) -> str:
        return dict(self.municipalities).get(slug, slug)


# --- When bodies meet -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    body: str
    start: datetime.datetime  # aware, in the region's time zone
    end: datetime.datetime
    location: str
    meeting_day: str = ""  # the name of a combined meeting day (the Regiomiddag), or ""


# --- What will be written ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentPlan:
    title: str
    kind: str  # DocumentKind value
    filename: str  # ends in .pdf or .docx: the format to generate


@dataclass(frozen=True)
class ActionPlan:
    description: str
    owner_person: str  # e-mail, or ""
    owner_municipality: str  # slug, or ""
    due: datetime.date
    completed_on: datetime.date | None


@dataclass(frozen=True)
class AttendancePlan:
    person: str
    status: str  # AttendanceStatus value
    replaced_by: str = ""


@dataclass
class ItemPlan:
    key: str
    title: str
    description: str
    kind: str  # AgendaItemKind value
    confidentiality: str
    dossier: str = ""  # DossierPlan key
    role: str = ""  # the consultation role of the dossier's step in this meeting
    forwarded_from: str = ""  # the key of the item of the dossier's previous step
    clause: str = ""  # what is proposed or concluded, as worded in content.py; the documents quote it
    outcome: str = ""  # DecisionOutcome value; only in meetings that were held
    decision_text: str = ""
    votes: tuple[int, int, int] | None = None
    minutes: str = ""
    actions: list[ActionPlan] = field(default_factory=list)
    documents: list[DocumentPlan] = field(default_factory=list)


@dataclass
class MeetingPlan:
    key: str
    body: str
    start: datetime.datetime
    end: datetime.datetime
    location: str
    meeting_day: str
    state: str  # MeetingStatus value: held, cancelled or planned
    prepared: bool  # the agenda has been drawn up (past meetings and those of the next weeks)
    cancelled_reason: str = ""
    items: list[ItemPlan] = field(default_factory=list)
    attendance: list[AttendancePlan] = field(default_factory=list)
    minutes_outcome: str = ""  # the decision on the standard item "minutes of the previous meeting"
    standard_minutes: dict[str, str] = field(default_factory=dict)  # minutes of the standard items, by kind
    approves_minutes_of: str = ""  # key of the previous meeting of the body whose minutes are approved here
    minutes_document: DocumentPlan | None = None

    @property
    def date(self) -> datetime.date:
        return self.start.date()


@dataclass(frozen=True)
class DossierPlan:
    key: str
    title: str
    summary: str
    topic: str  # topic slug, or ""
    confidentiality: str
    route: tuple[tuple[str, str], ...]  # (body slug, ConsultationRole value) as planned at the start


@dataclass
class Plan:
    cooperation: str
    today: datetime.date
    meetings: list[MeetingPlan]
    dossiers: list[DossierPlan]

    def meeting(self, key: str) -> MeetingPlan:
        return next(meeting for meeting in self.meetings if meeting.key == key)

    def fingerprint(self) -> list[tuple[str, str, str, tuple[str, ...]]]:
        """Body, start, state and item titles per meeting: what the determinism test compares."""
        return [
            (
                meeting.body,
                meeting.start.isoformat(),
                meeting.state,
                tuple(item.title for item in meeting.items),
            )
            for meeting in self.meetings
        ]
