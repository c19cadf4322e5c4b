"""After a meeting: decisions with their Dutch wording, minutes, attendance, actions, approval of the minutes,
and which documents go with the agenda. Works on the plan records only (see plan.py)."""

from __future__ import annotations

import datetime
import random

from django.utils.text import slugify

from naober.demo.history.records import (
    ActionPlan,
    AttendancePlan,
    BodyInfo,
    DocumentPlan,
    ItemPlan,
    MeetingPlan,
    MemberInfo,
    RegionContext,
    seeded,
)
from naober.demo.history.regions import ADVISE, AMENDED, DECIDE, POSTPONED, PREPARE, RegionSpec
from naober.meetings.models import AgendaItemKind, AttendanceStatus, DecisionOutcome, DocumentKind

DECISION, DISCUSSION, INFORMATION = (
    str(kind) for kind in (AgendaItemKind.DECISION, AgendaItemKind.DISCUSSION, AgendaItemKind.INFORMATION)
)
ADOPTED, AS_AMENDED, NOTED, POSTPONE = (
    str(o)
    for o in (
        DecisionOutcome.ADOPTED,
        DecisionOutcome.ADOPTED_AS_AMENDED,
        DecisionOutcome.NOTED,
        DecisionOutcome.POSTPONED,
    )
)
PRESENT, EXCUSED, ABSENT, REPLACED = (
    str(s)
    for s in (
        AttendanceStatus.PRESENT,
        AttendanceStatus.EXCUSED,
        AttendanceStatus.ABSENT,
        AttendanceStatus.REPLACED,
    )
)
ROLE_ORDER = ("chair", "vice-chair", "secretary", "member", "adviser", "guest", "substitute")
KIND_GROUPS = {  # who may stand in for whom: an alderman for an alderman, a civil servant for a civil servant
    "college": ("portfolio-meeting", "governing-meeting", "general-board", "daily-board", "mayors-meeting"),
    "ambtelijk": ("civil-servants-meeting", "steering-group", "bureau"),
    "directie": ("secretaries-group", "directors-meeting"),
    "raad": ("council-assembly",),
}
AMENDMENTS = (
    "met de aanvulling dat de gemeenten twee keer per jaar over de voortgang worden geïnformeerd",
    "met een aangepaste planning: de evaluatie volgt een half jaar eerder",
    "met de aantekening dat de kosten naar inwonertal over de gemeenten worden verdeeld",
    "met een extra paragraaf over de betrokkenheid van de gemeenteraden",
)
POSTPONEMENTS = (
    "eerst moeten de financiële gevolgen per gemeente in beeld zijn",
    "enkele colleges willen het voorstel eerst zelf bespreken",
)
REACTIONS = (
    "{a} en {b} vragen aandacht voor de ambtelijke capaciteit in de kleinere gemeenten.",
    "{a} wijst op de samenhang met het eigen coalitieakkoord.",
    "De leden zijn positief over de aanpak; {a} vraagt om een planning per gemeente.",
    "{a} maakt een voorbehoud tot het college een standpunt heeft ingenomen.",
    "Er wordt gesproken over de financiële gevolgen; {b} vraagt om een overzicht per gemeente.",
    "{a} deelt de ervaringen uit de eigen gemeente; {b} sluit zich daarbij aan.",
)
ANY_OTHER_BUSINESS = (
    "Er zijn geen vragen.",
    "{a} meldt dat het college een nieuwe portefeuilleverdeling heeft; de secretaris past de ledenlijst aan.",
    "{a} nodigt de leden uit voor een werkbezoek in het voorjaar.",
    "{a} vraagt naar de planning van de vergaderingen in het nieuwe jaar; die volgt via de secretaris.",
)
ANNEXES = ("Uitvoeringsplan", "Financieel overzicht", "Reacties van de gemeenten", "Planning en mijlpalen")


def item_kind_for_role(role: str) -> str:
    """What agenda_item_forward makes of a step: a decision for the deciding body, else a discussion."""
    return DECISION if role == DECIDE else DISCUSSION


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def decided(item: ItemPlan, context: RegionContext, body: str, next_body: str, twist: str, seed: str) -> None:
    """The outcome and decision text of a dossier's step in a meeting that was held."""
    this = context.body(body)
    following = context.body(next_body) if next_body else None
    if this is None:
        return
    rng = seeded(f"{context.slug}:{seed}:{item.title}:decision")
    item.outcome = ADOPTED
    if item.role in (PREPARE, ADVISE) and following is not None:
        verb = "stemt in met het voorstel en adviseert" if item.role == PREPARE else "adviseert"
        positive = "" if item.role == PREPARE else " positief om"
        item.decision_text = f"{this.the_cap} {verb} {following.the}{positive} {item.clause}."
    elif twist == POSTPONED:
        item.outcome = POSTPONE
        item.decision_text = (
            f"{this.the_cap} houdt het besluit aan tot de volgende vergadering: {rng.choice(POSTPONEMENTS)}."
        )
    elif twist == AMENDED:
        item.outcome = AS_AMENDED
        item.decision_text = f"{this.the_cap} besluit {item.clause}, {rng.choice(AMENDMENTS)}."
    else:
        item.decision_text = f"{this.the_cap} besluit {item.clause}."


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


class Aftermath:
    def __init__(
        self, context: RegionContext, spec: RegionSpec, today: datetime.date, meetings: list[MeetingPlan]
    ) -> None:
        self.context = context
        self.spec = spec
        self.today = today
        self.meetings = meetings

    def run(self) -> None:
        for meeting in self.meetings:
            body = self.context.body(meeting.body)
            if body is None or meeting.state == "cancelled":
                continue
            rng = seeded(f"{self.context.slug}:{meeting.key}:after")
            if meeting.prepared:
                self._documents(meeting, body, rng)
            if meeting.state == "held":
                self._attendance(meeting, body, rng)
                self._decisions(meeting, body, rng)
                self._actions(meeting, body, rng)
                self._standard_items(meeting, body, rng)

    def _held_of(self, body: str) -> list[MeetingPlan]:
        return [meeting for meeting in self.meetings if meeting.body == body and meeting.state == "held"]

    def _next_of(self, meeting: MeetingPlan) -> MeetingPlan | None:
        later = (
            m
            for m in self.meetings
            if m.body == meeting.body and m.start > meeting.start and m.state != "cancelled"
        )
        return next(later, None)

    def _names(self, meeting: MeetingPlan, rng: random.Random) -> dict[str, str]:
        """Two municipalities present in the meeting, for the reactions in the minutes."""
        members = {member.person: member for member in self._members(meeting)}
        present = sorted(
            {
                members[a.person].municipality
                for a in meeting.attendance
                if a.status == PRESENT and members[a.person].municipality
            }
        )
        names = [self.context.municipality_name(slug) for slug in present] or [
            name for _, name in self.context.municipalities
        ]
        if len(names) < 2:
            names = [*names, "Een van de gemeenten", "Een andere gemeente"][:2]
        a, b = rng.sample(names, 2)
        return {"a": a, "b": b}

    def _members(self, meeting: MeetingPlan) -> list[MemberInfo]:
        """The body's members on the day, one entry per person (their most prominent role)."""
        body = self.context.body(meeting.body)
        chosen: dict[str, MemberInfo] = {}
        for member in sorted(
            body.members if body else (), key=lambda m: (m.person, ROLE_ORDER.index(m.role))
        ):
            if member.active_on(meeting.date) and member.person not in chosen:
                chosen[member.person] = member
        return list(chosen.values())

    def _colleague(self, member: MemberInfo, body: BodyInfo, day: datetime.date, rng: random.Random) -> str:
        """Someone of the same municipality or organisation, in the same kind of bodies, to stand in."""
        owner = member.municipality or member.organisation
        group = next((name for name, kinds in KIND_GROUPS.items() if body.kind in kinds), "")
        members_here = {m.person for m in body.members}
        candidates = sorted(
            {
                other.person
                for other_body in self.context.bodies
                if other_body.kind in KIND_GROUPS.get(group, ())
                for other in other_body.members
                if owner
                and (other.municipality or other.organisation) == owner
                and other.person not in members_here
                and other.active_on(day)
            }
        )
        return rng.choice(candidates) if candidates else ""

    def _attendance(self, meeting: MeetingPlan, body: BodyInfo, rng: random.Random) -> None:
        members = self._members(meeting)
        statuses: dict[str, AttendancePlan] = {}
        for member in members:
            chance = rng.random()
            if member.role in ("chair", "secretary"):
                status = PRESENT
            elif member.role in ("adviser", "guest"):
                status = PRESENT if chance < 0.7 else EXCUSED
            else:
                status = EXCUSED if chance < 0.12 else ABSENT if chance < 0.14 else PRESENT
            statuses[member.person] = AttendancePlan(member.person, status)
        if rng.random() < 0.35:
            regular = [m for m in members if m.role == "member" and statuses[m.person].status == PRESENT]
            for member in rng.sample(regular, len(regular)):
                colleague = self._colleague(member, body, meeting.date, rng)
                if colleague:
                    statuses[member.person] = AttendancePlan(member.person, REPLACED, colleague)
                    break
        meeting.attendance = list(statuses.values())

    def _decisions(self, meeting: MeetingPlan, body: BodyInfo, rng: random.Random) -> None:
        prepared = self.context.body(body.prepares) if body.prepares else None
        voters = {
            m.person
            for m in self._members(meeting)
            if m.voting and m.role not in ("secretary", "adviser", "guest")
        }
        votes = sum(1 for a in meeting.attendance if a.person in voters and a.status in (PRESENT, REPLACED))
        for item in meeting.items:
            if not item.outcome:
                if item.kind == INFORMATION:
                    item.outcome = NOTED
                    item.decision_text = f"{body.the_cap} neemt kennis van {item.clause}."
                elif item.kind == DECISION and prepared is not None:
                    item.outcome = ADOPTED
                    item.decision_text = f"{body.the_cap} stemt in en adviseert {prepared.the} {item.clause}."
                elif item.kind == DECISION:
                    amended = rng.random() < 0.1
                    item.outcome = AS_AMENDED if amended else ADOPTED
                    addition = f", {rng.choice(AMENDMENTS)}" if amended else ""
                    item.decision_text = f"{body.the_cap} besluit {item.clause}{addition}."
            if (
                item.kind == DECISION
                and item.outcome in (ADOPTED, AS_AMENDED)
                and meeting.body in self.spec.voting_bodies
                and votes >= 3
                and rng.random() < 0.5
            ):
                item.votes = rng.choice(((votes, 0, 0), (votes - 1, 1, 0), (votes - 2, 1, 1)))
            intro = {
                DECISION: "De secretaris licht het voorstel toe.",
                DISCUSSION: "De voorzitter leidt het onderwerp in.",
                INFORMATION: "De secretaris geeft een korte toelichting.",
            }[item.kind]
            reaction = rng.choice(REACTIONS).format(**self._names(meeting, rng))
            result = item.decision_text or f"Conclusie: {item.clause}"
            item.minutes = f"{intro} {reaction} {result}"

    def _actions(self, meeting: MeetingPlan, body: BodyInfo, rng: random.Random) -> None:
        # Action lists are not confidential: no actions about the closed part of the meeting.
        sources = [
            item for item in meeting.items if item.kind != INFORMATION and item.confidentiality == "public"
        ]
        following = self._next_of(meeting)
        due = meeting.date + datetime.timedelta(days=28)
        if following is not None and following.date - datetime.timedelta(days=7) > meeting.date:
            due = following.date - datetime.timedelta(days=7)
        members = self._members(meeting)
        secretary = next((m.person for m in members if m.role == "secretary"), "")
        chair = next((m.person for m in members if m.role == "chair"), "")
        towns = sorted({m.municipality for m in members if m.municipality})
        preparing = next((other for other in self.context.bodies if other.prepares == body.slug), None)
        before = f"de volgende vergadering van {preparing.the}" if preparing else "de volgende vergadering"
        authority = "de Vlaamse overheid" if self.context.country == "BE" else "de provincie"
        for item in rng.sample(sources, min(rng.choice((0, 1, 1, 2)), len(sources))):
            person, town = "", ""
            choice = rng.choice(("town", "town", "secretary", "chair"))
            if choice == "town" and towns:
                town = rng.choice(towns)
                name = self.context.municipality_name(town)
                text = f"Gemeente {name} levert input voor ‘{item.title}’ vóór {before}."
            elif choice == "chair" and chair:
                person = chair
                text = f"De voorzitter bespreekt ‘{item.title}’ met {authority}."
            else:
                person = secretary
                text = (
                    f"Het secretariaat verwerkt de opmerkingen over ‘{item.title}’ en stuurt het stuk rond."
                )
            completed = None
            if due < self.today and rng.random() < 0.8:
                latest = min(due, self.today - datetime.timedelta(days=1))
                completed = max(
                    meeting.date + datetime.timedelta(days=1),
                    latest - datetime.timedelta(days=rng.randint(0, 5)),
                )
            item.actions.append(ActionPlan(text, person, town, due, completed))

    def _standard_items(self, meeting: MeetingPlan, body: BodyInfo, rng: random.Random) -> None:
        earlier = [m for m in self._held_of(meeting.body) if m.start < meeting.start]
        if earlier:
            meeting.approves_minutes_of = earlier[-1].key
            change = "met een tekstuele wijziging" if rng.random() < 0.2 else "ongewijzigd"
            meeting.minutes_outcome = (
                f"Het verslag van de vergadering van {earlier[-1].date:%d-%m-%Y} wordt {change} vastgesteld."
            )
        else:
            meeting.minutes_outcome = "Het verslag van de vorige vergadering wordt ongewijzigd vastgesteld."
        actions = [action for m in earlier for item in m.items for action in item.actions]
        done = sum(1 for action in actions if action.completed_on and action.completed_on <= meeting.date)
        still_open = sum(
            1 for action in actions if not (action.completed_on and action.completed_on <= meeting.date)
        )
        excused = [a for a in meeting.attendance if a.status in (EXCUSED, REPLACED)]
        names = {m.person: m.name for b in self.context.bodies for m in b.members}
        welcome = "De voorzitter opent de vergadering en heet de aanwezigen welkom."
        if excused:
            welcome += f" Afgemeld: {', '.join(names.get(a.person, a.person) for a in excused)}."
        action_list = "Er staan geen acties op de actielijst."
        if actions:
            action_list = (
                f"De actielijst wordt doorgenomen: {_plural(done, 'actie is', 'acties zijn')} afgerond, "
                f"{_plural(still_open, 'actie staat', 'acties staan')} nog open."
            )
        meeting.standard_minutes = {
            "opening": f"{welcome} De agenda wordt ongewijzigd vastgesteld.",
            "actions": action_list,
            "aob": rng.choice(ANY_OTHER_BUSINESS).format(**self._names(meeting, rng)),
            "closing": f"De voorzitter sluit de vergadering om {meeting.end:%H.%M} uur.",
        }

    def _documents(self, meeting: MeetingPlan, body: BodyInfo, rng: random.Random) -> None:
        for item in meeting.items:
            slug = slugify(item.title)[:60].strip("-")
            if item.kind == DECISION or (item.dossier and not item.forwarded_from):
                extension = "docx" if rng.random() < 0.2 else "pdf"
                item.documents.append(
                    DocumentPlan(
                        f"Voorstel {item.title}", str(DocumentKind.PROPOSAL), f"voorstel-{slug}.{extension}"
                    )
                )
            if item.kind != INFORMATION and rng.random() < 0.3:
                annex = rng.choice(ANNEXES)
                item.documents.append(
                    DocumentPlan(
                        f"Bijlage {annex.lower()}: {item.title}",
                        str(DocumentKind.ANNEX),
                        f"bijlage-{slugify(annex)}-{slug}.docx",
                    )
                )
        if meeting.state == "held":
            meeting.minutes_document = DocumentPlan(
                f"Verslag {body.label} {meeting.date:%d-%m-%Y}",
                str(DocumentKind.MINUTES),
                f"verslag-{body.slug}-{meeting.date}.pdf",
            )
