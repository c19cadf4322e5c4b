"""The read path of council involvement: rounds, their matrix and roll-up, the regional agenda, clerk pages.

Visibility follows `naober.access.rules`: a round is shown to a reader who may see its dossier. Public
channels (the public dossier page, the regional agenda and its feed, OParl) ask for the `ANONYMOUS` viewer,
so a round on a confidential or secret dossier never appears there.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from naober.access.rules import dossiers_visible_q
from naober.access.viewer import ANONYMOUS, Viewer
from naober.councils.models import (
    ConsultationRound,
    DecisionCategory,
    DecisionRule,
    MemberStatus,
    MemoDelivery,
    OutcomeCorrection,
    RoundKind,
    RoundMember,
    RoundStatus,
    RuleKind,
)
from naober.councils.rollup import RollUp, RuleSpec, Vote, roll_up
from naober.meetings.models import Dossier
from naober.registry.models import Cooperation, Municipality, Participation, PopulationFigure
from naober.registry.selectors import participation_active_q

MEMBER_RELATED = ("municipality",)


def rounds_visible(viewer: Viewer) -> QuerySet[ConsultationRound]:
    """Rounds on dossiers the viewer may see; withdrawn rounds only for the secretariat."""
    # Correlated (the round's own dossier checked), not `dossier IN (every visible dossier)`, a list that
    # grows with the platform.
    visible = Dossier.objects.filter(dossiers_visible_q(viewer), pk=OuterRef("dossier_id"))
    rounds = ConsultationRound.objects.filter(Exists(visible))
    if viewer.is_platform_admin:
        return rounds
    return rounds.filter(
        ~Q(status=RoundStatus.WITHDRAWN) | Q(cooperation_id__in=sorted(viewer.editor_cooperation_ids))
    )


def round_list_for_editor(*, viewer: Viewer, cooperation: Cooperation) -> list[ConsultationRound]:
    if not viewer.may_edit(cooperation.pk):
        raise Http404
    return list(
        rounds_visible(viewer)
        .filter(cooperation=cooperation)
        .select_related("dossier")
        .order_by("status", "deadline", "pk")[:200]
    )


def round_for_editor(*, viewer: Viewer, cooperation: Cooperation, pk: int) -> ConsultationRound:
    """The round, or 404 — also for a reader who may not edit the cooperation or see the dossier."""
    found = (
        rounds_visible(viewer)
        .filter(pk=pk, cooperation=cooperation)
        .select_related("dossier", "body", "cooperation", "dossier__topic")
        .first()
    )
    if found is None or not viewer.may_edit(cooperation.pk):
        raise Http404
    return found


def round_members(consultation_round: ConsultationRound) -> list[RoundMember]:
    return list(
        consultation_round.members.select_related(*MEMBER_RELATED)
        .prefetch_related(Prefetch("corrections", queryset=OutcomeCorrection.objects.order_by("created")))
        .order_by("municipality__name")
    )


DEFAULT_RULES = {
    RoundKind.IDENTICAL: RuleSpec(kind=RuleKind.CONSENSUS_IDENTICAL),
    RoundKind.CONSENT: RuleSpec(kind=RuleKind.UNANIMITY),
    RoundKind.REGULATION: RuleSpec(kind=RuleKind.UNANIMITY),
}
DEFAULT_RULE = RuleSpec(kind=RuleKind.MAJORITY)


@dataclass(frozen=True)
class AppliedRule:
    spec: RuleSpec
    name: str
    configured: bool
    reference_date: datetime.date | None = None


def rule_for_round(consultation_round: ConsultationRound) -> AppliedRule:
    """The body's rule for the round's category (financial first where it applies), else a default."""
    category = DecisionCategory.FINANCIAL if consultation_round.financial else DecisionCategory.GENERAL
    if consultation_round.kind == RoundKind.REGULATION:
        category = DecisionCategory.REGULATION
    body_id = consultation_round.body_id
    rules = {rule.category: rule for rule in DecisionRule.objects.filter(body_id=body_id)} if body_id else {}
    rule = rules.get(category) or rules.get(DecisionCategory.GENERAL)
    if rule is not None:
        spec = RuleSpec(
            kind=rule.kind,
            fraction=rule.fraction,
            strictly_more=rule.strictly_more,
            population_fraction=rule.population_fraction,
            weights={str(key): int(value) for key, value in (rule.weights or {}).items()},
        )
        return AppliedRule(
            spec=spec, name=rule.get_kind_display(), configured=True, reference_date=rule.reference_date
        )
    spec = DEFAULT_RULES.get(RoundKind(consultation_round.kind), DEFAULT_RULE)
    return AppliedRule(spec=spec, name=str(RuleKind(spec.kind).label), configured=False)


def _populations(municipality_ids: list[int], on: datetime.date) -> dict[int, int]:
    figures = (
        PopulationFigure.objects.filter(municipality_id__in=municipality_ids, reference_date__lte=on)
        .order_by("municipality_id", "-reference_date")
        .values_list("municipality_id", "count")
    )
    found: dict[int, int] = {}
    for municipality_id, count in figures:
        found.setdefault(municipality_id, count)
    return found


def _members_on(consultation_round: ConsultationRound, on: datetime.date) -> set[int]:
    return set(
        Participation.objects.filter(
            participation_active_q(on=on),
            cooperation_id=consultation_round.cooperation_id,
            municipality__isnull=False,
        ).values_list("municipality_id", flat=True)
    )


def _participants(consultation_round: ConsultationRound, on: datetime.date) -> set[int]:
    topic_id = consultation_round.dossier.topic_id
    participations = Participation.objects.filter(
        participation_active_q(on=on),
        cooperation_id=consultation_round.cooperation_id,
        municipality__isnull=False,
    )
    if topic_id is not None:
        participations = participations.filter(Q(scope=Participation.Scope.FULL) | Q(topics=topic_id))
    return set(participations.values_list("municipality_id", flat=True))


def round_roll_up(
    *, consultation_round: ConsultationRound, members: list[RoundMember], today: datetime.date
) -> tuple[RollUp, AppliedRule]:
    """The combined result under the applicable rule, in a fixed number of queries."""
    applied = rule_for_round(consultation_round)
    reference = applied.reference_date or consultation_round.sent_on
    ids = [member.municipality_id for member in members]
    populations = _populations(ids, reference)
    counted_on = min(today, consultation_round.deadline)
    current = _members_on(consultation_round, counted_on)
    participants = _participants(consultation_round, consultation_round.sent_on)
    votes = [
        Vote(
            key=member.municipality.slug,
            name=member.municipality.name,
            outcome=member.outcome,
            population=populations.get(member.municipality_id, 0),
            identical=member.identical_text,
            participant=member.municipality_id in participants,
            left=member.status == MemberStatus.WITHDRAWN or member.municipality_id not in current,
        )
        for member in members
    ]
    closed = consultation_round.status == RoundStatus.CLOSED
    return (
        roll_up(applied.spec, votes, financial=consultation_round.financial, closed=closed),
        applied,
    )


@dataclass(frozen=True)
class MatrixRow:
    member: RoundMember
    status: str
    status_label: str


def matrix_rows(members: list[RoundMember], *, today: datetime.date) -> list[MatrixRow]:
    rows = []
    for member in members:
        status = member.status_on(today)
        rows.append(MatrixRow(member=member, status=status, status_label=str(MemberStatus(status).label)))
    return rows


@dataclass(frozen=True)
class RoundView:
    round: ConsultationRound
    rows: list[MatrixRow]
    roll_up: RollUp
    rule: AppliedRule
    population_percent: Decimal | None


def round_view(*, consultation_round: ConsultationRound, today: datetime.date) -> RoundView:
    members = round_members(consultation_round)
    result, applied = round_roll_up(consultation_round=consultation_round, members=members, today=today)
    return RoundView(
        round=consultation_round,
        rows=matrix_rows(members, today=today),
        roll_up=result,
        rule=applied,
        population_percent=None if result.population_share is None else result.population_share * 100,
    )


def public_round_views(*, dossier: Dossier, today: datetime.date) -> list[RoundView]:
    """The rounds of a dossier for the public page: nothing unless an anonymous visitor may see it."""
    rounds = (
        rounds_visible(ANONYMOUS)
        .filter(dossier=dossier)
        .select_related("dossier", "body", "cooperation")
        .order_by("sent_on", "pk")
    )
    return [round_view(consultation_round=item, today=today) for item in rounds]


def public_rounds_context(*, dossier: Dossier, today: datetime.date) -> dict[str, object]:
    """One line for the public dossier view: `context.update(public_rounds_context(...))`."""
    return {"council_rounds": public_round_views(dossier=dossier, today=today)}


def regional_agenda(*, municipality: Municipality, viewer: Viewer = ANONYMOUS) -> list[RoundMember]:
    """Every open round the municipality is consulted in, across cooperations, by deadline."""
    return list(
        RoundMember.objects.filter(
            municipality=municipality,
            round__status=RoundStatus.OPEN,
            round__in=rounds_visible(viewer),
        )
        .exclude(status=MemberStatus.WITHDRAWN)
        .select_related("round", "round__dossier", "round__cooperation")
        .order_by("deadline", "round__cooperation__name", "pk")[:500]
    )


def municipality_get(*, slug: str) -> Municipality:
    found = Municipality.objects.filter(slug=slug).first()
    if found is None:
        raise Http404
    return found


def sent_to_councils_q(prefix: str = "") -> Q:
    """Dossiers whose content went to the councils with the round: of public level and never under
    secrecy (a lifted secrecy leaves an object confidential, `access.models.Secrecy`)."""
    from naober.access.models import Secrecy
    from naober.core.models import Confidentiality

    secret = Secrecy.objects.filter(dossier__isnull=False).values("dossier_id")
    return Q(**{f"{prefix}confidentiality": Confidentiality.PUBLIC}) & ~Q(**{f"{prefix}pk__in": secret})


def rounds_for_clerk(viewer: Viewer) -> QuerySet[ConsultationRound]:
    """What a clerk sees of the rounds addressed to their council: whatever the access rules let them see,
    and every round on a public-level dossier, also before the dossier's first published agenda (the round
    itself is the sending to the council)."""
    return ConsultationRound.objects.filter(
        Q(pk__in=rounds_visible(viewer).values("pk"))
        | Q(dossier__in=Dossier.objects.filter(sent_to_councils_q()))
    ).exclude(status=RoundStatus.WITHDRAWN)


def require_clerk(*, viewer: Viewer, municipality: Municipality) -> None:
    if municipality.pk not in viewer.clerk_municipality_ids:
        raise PermissionDenied(
            _("Only the council clerk of %(municipality)s can do this.") % {"municipality": municipality.name}
        )


def clerk_rounds(*, viewer: Viewer, municipality: Municipality) -> list[RoundMember]:
    """The municipality's rounds for its clerk: open ones first, then the decided ones of the last year."""
    require_clerk(viewer=viewer, municipality=municipality)
    return list(
        RoundMember.objects.filter(municipality=municipality, round__in=rounds_for_clerk(viewer))
        .select_related("round", "round__dossier", "round__cooperation")
        .order_by("round__status", "deadline", "pk")[:200]
    )


def clerk_memos(*, viewer: Viewer, municipality: Municipality) -> list[MemoDelivery]:
    """The information memos the municipality's council received: its archive."""
    require_clerk(viewer=viewer, municipality=municipality)
    return list(
        MemoDelivery.objects.filter(municipality=municipality)
        .select_related("memo__meeting__cooperation")
        .order_by("-sent_at")[:20]
    )


def clerk_member(*, viewer: Viewer, municipality: Municipality, pk: int) -> RoundMember:
    require_clerk(viewer=viewer, municipality=municipality)
    member = (
        RoundMember.objects.filter(pk=pk, round__in=rounds_for_clerk(viewer))
        .select_related("round", "round__dossier", "round__cooperation", "municipality")
        .first()
    )
    if member is None:
        raise Http404
    if member.municipality_id != municipality.pk:
        raise PermissionDenied(
            _("This round is for %(other)s; you record outcomes for %(own)s only.")
            % {"other": member.municipality.name, "own": municipality.name}
        )
    return member


def public_member(*, pk: int) -> RoundMember:
    member = (
        RoundMember.objects.filter(pk=pk, round__in=rounds_visible(ANONYMOUS))
        .select_related("round", "municipality")
        .first()
    )
    if member is None:
        raise Http404
    return member
