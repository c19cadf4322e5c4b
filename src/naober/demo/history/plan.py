"""The history of one region as plain data: meetings, agendas, dossiers on their way, and what happened.

Deterministic: every random choice comes from a `random.Random` seeded with the region's slug and the key of
the meeting it concerns, and the dates depend on the day only, so the same context and day give the same plan.
"""

from __future__ import annotations

import datetime

from naober.demo.history.content import PUBLIC, Subject
from naober.demo.history.content_regions import SECRET_ITEMS
from naober.demo.history.held import Aftermath, decided, item_kind_for_role
from naober.demo.history.records import DossierPlan, ItemPlan, MeetingPlan, Plan, RegionContext, seeded
from naober.demo.history.regions import DECIDE, POSTPONED, REGIONS, DossierSpec, RegionSpec
from naober.demo.history.schedule import schedule
from naober.meetings.models import MeetingStatus

HORIZON = datetime.timedelta(days=21)  # agendas are drawn up for the meetings of the next three weeks
GAP = datetime.timedelta(days=5)  # the least time between two steps of a dossier
PREPARES_WITHIN = datetime.timedelta(days=35)  # an AO prepares the meeting of its BO within five weeks
HELD, PLANNED, CANCELLED = (
    str(status) for status in (MeetingStatus.HELD, MeetingStatus.PLANNED, MeetingStatus.CANCELLED)
)
CONFIDENTIALITY_ORDER = {"public": 0, "confidential": 1, "secret": 2}
KIND_ORDER = {"decision": 0, "discussion": 1, "information": 2}


def plan_history(context: RegionContext, today: datetime.date) -> Plan:
    """The plan for a region; empty for a region without a schedule."""
    spec = REGIONS.get(context.slug)
    slots = schedule(context, today)
    if spec is None or not slots:
        return Plan(cooperation=context.slug, today=today, meetings=[], dossiers=[])
    meetings = [
        MeetingPlan(
            key=f"{slot.body}@{slot.start:%Y-%m-%dT%H:%M}",
            body=slot.body,
            start=slot.start,
            end=slot.end,
            location=slot.location,
            meeting_day=slot.meeting_day,
            state=HELD if slot.start.date() < today else PLANNED,
            prepared=slot.start.date() <= today + HORIZON,
        )
        for slot in slots
    ]
    return _Planner(context, spec, today, meetings).plan()


class _Planner:
    def __init__(
        self, context: RegionContext, spec: RegionSpec, today: datetime.date, meetings: list[MeetingPlan]
    ) -> None:
        self.context = context
        self.spec = spec
        self.today = today
        self.meetings = meetings
        self.dossiers: list[DossierPlan] = []

    def plan(self) -> Plan:
        self._cancel()
        for dossier in self.spec.dossiers:
            self._dossier(dossier)
        self._secret_items()
        for meeting in self.meetings:
            if meeting.prepared and meeting.state != CANCELLED:
                self._compose(meeting)
        Aftermath(self.context, self.spec, self.today, self.meetings).run()
        return Plan(
            cooperation=self.context.slug, today=self.today, meetings=self.meetings, dossiers=self.dossiers
        )

    # --- choosing meetings --------------------------------------------------------------------------------

    def _of(self, body: str) -> list[MeetingPlan]:
        return [meeting for meeting in self.meetings if meeting.body == body and meeting.state != CANCELLED]

    def _pick(self, body: str, anchor: int) -> MeetingPlan | None:
        """-1: the body's last meeting before today, -2 the one before; 0: its first from today, 1 …"""
        meetings = self._of(body)
        past = [meeting for meeting in meetings if meeting.state == HELD]
        future = [meeting for meeting in meetings if meeting.state == PLANNED]
        chosen = past if anchor < 0 else future
        return chosen[anchor] if -len(chosen) <= anchor < len(chosen) else None

    def _last_before(self, body: str, moment: datetime.datetime) -> MeetingPlan | None:
        earlier = [meeting for meeting in self._of(body) if meeting.start <= moment]
        return earlier[-1] if earlier else None

    def _first_after(self, body: str, moment: datetime.datetime) -> MeetingPlan | None:
        return next((meeting for meeting in self._of(body) if meeting.start >= moment), None)

    def _add(self, meeting: MeetingPlan, item: ItemPlan) -> ItemPlan:
        item.key = f"{meeting.key}#{len(meeting.items) + 1}"
        meeting.items.append(item)
        return item

    # --- what happens ---------------------------------------------------------------------------------------

    def _cancel(self) -> None:
        body, index, reason = self.spec.cancelled
        past = [meeting for meeting in self._of(body) if meeting.state == HELD]
        if not past:
            return
        meeting = past[index] if len(past) >= -index else past[-1]
        meeting.state, meeting.prepared, meeting.cancelled_reason = CANCELLED, False, reason

    def _dossier(self, spec: DossierSpec) -> None:
        route = list(spec.route)
        if any(self.context.body(body) is None for body, _ in route):
            return
        placed: list[MeetingPlan | None] = [None] * len(route)
        anchor = self._pick(route[spec.anchor_step][0], spec.anchor)
        if anchor is not None and anchor.prepared:
            placed[spec.anchor_step] = anchor
            for step in range(spec.anchor_step - 1, -1, -1):
                later = placed[step + 1]
                placed[step] = self._last_before(route[step][0], later.start - GAP) if later else None
        for step in range(spec.anchor_step + 1, len(route)):
            previous = placed[step - 1]
            if previous is None or previous.state != HELD:
                break
            following = self._first_after(route[step][0], previous.start + GAP)
            if following is None or not following.prepared:
                break
            placed[step] = following
        # A route starts at its first treated step: earlier steps that never found a meeting are dropped.
        first = next((step for step, meeting in enumerate(placed) if meeting is not None), 0)
        route, placed = route[first:], placed[first:]
        dossier = DossierPlan(
            key=spec.key,
            title=spec.title,
            summary=spec.summary,
            topic=spec.topic,
            confidentiality=spec.confidentiality,
            route=tuple(route),
        )
        self.dossiers.append(dossier)
        previous_item: ItemPlan | None = None
        for step, meeting in enumerate(placed):
            if meeting is None:
                break
            body, role = route[step]
            item = self._add(meeting, self._dossier_item(spec, role, previous_item))
            if meeting.state == HELD:
                next_body = route[step + 1][0] if step + 1 < len(route) else ""
                twist = spec.twist if role == DECIDE else ""
                decided(item, self.context, body, next_body, twist, meeting.key)
                if twist == POSTPONED:
                    again = self._first_after(body, meeting.start + GAP)
                    if again is not None and again.prepared:
                        second = self._add(again, self._dossier_item(spec, role, item))
                        if again.state == HELD:
                            decided(second, self.context, body, "", "", again.key)
                    break
            previous_item = item

    def _dossier_item(self, spec: DossierSpec, role: str, previous: ItemPlan | None) -> ItemPlan:
        return ItemPlan(
            key="",
            title=spec.title,
            description=spec.summary,
            kind=item_kind_for_role(role),
            confidentiality=spec.confidentiality,
            dossier=spec.key,
            role=role,
            forwarded_from=previous.key if previous else "",
            clause=spec.outcome,
        )

    def _secret_items(self) -> None:
        for body, index, subject in SECRET_ITEMS.get(self.context.slug, ()):
            meeting = self._pick(body, index)
            if meeting is not None:
                self._add(meeting, _subject_item(subject))

    def _compose(self, meeting: MeetingPlan) -> None:
        """Two to five topical items; an AO draws the same subjects as the BO meeting it prepares."""
        body = self.context.body(meeting.body)
        if body is None:
            return
        target = meeting
        if body.prepares:
            target = next(
                (
                    other
                    for other in self.meetings
                    if other.body == body.prepares
                    and meeting.start < other.start <= meeting.start + PREPARES_WITHIN
                ),
                meeting,
            )
        rng = seeded(f"{self.context.slug}:{target.key}:agenda")
        pool = self.spec.pool(body.slug, body.topic) or self.spec.pool(body.prepares, "")
        public = [subject for subject in pool if subject.confidentiality == PUBLIC]
        confidential = [subject for subject in pool if subject.confidentiality != PUBLIC]
        order = rng.sample(public, len(public))
        if confidential and rng.random() < self.spec.confidential_chance:
            order.insert(rng.randint(0, 2), rng.choice(confidential))
        total = rng.randint(2, 5)
        titles = {item.title for item in meeting.items}
        for subject in order:
            if len(meeting.items) >= total:
                break
            if subject.title not in titles:
                self._add(meeting, _subject_item(subject))
        # Decisions first, then discussion and information; the closed part (confidential, secret) last.
        meeting.items.sort(
            key=lambda item: (CONFIDENTIALITY_ORDER[item.confidentiality], KIND_ORDER[item.kind])
        )


def _subject_item(subject: Subject) -> ItemPlan:
    return ItemPlan(
        key="",
        title=subject.title,
        description=subject.description,
        kind=subject.kind,
        confidentiality=subject.confidentiality,
        clause=subject.outcome,
    )
