"""The council steps of consultation rounds as the OParl API shows them (Paper.consultation).

Contract between council involvement (this app) and `naober.oparl`: OParl serves only what the public may see,
so these functions return only steps of rounds that are public (round opened, dossier public, not withdrawn
from the public), never confidential ones. A `CouncilStep` is one member's council (or college) in one round.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from dataclasses import dataclass

from django.db.models import QuerySet

from naober.access.viewer import ANONYMOUS
from naober.councils.models import MemberStatus, Outcome, RoundKind, RoundMember


@dataclass(frozen=True)
class CouncilStep:
    pk: int  # unique among council steps: the id of the round's member record
    dossier_id: int
    municipality_id: int  # the member whose council (or college) treats the proposal
    addressee: str  # "council" or "college"
    role: str  # what is asked, in words (e.g. "Zienswijze op de ontwerpbegroting")
    authoritative: bool  # True when this member's decision itself decides (identical decision, consent)
    outcome: str  # the outcome in words; "" while undecided
    deadline: datetime.date
    decided_on: datetime.date | None
    created: datetime.datetime
    modified: datetime.datetime
    deleted: bool = (
        False  # the member was removed from the round (soft delete, shown only under modified_since)
    )


def public_council_steps(
    dossier_ids: Collection[int], *, include_deleted: bool = False
) -> dict[int, list[CouncilStep]]:
    """The public council steps of each dossier, stably ordered (by `pk`); dossiers without any are absent."""
    ids = sorted(set(dossier_ids))
    if not ids:
        return {}
    steps: dict[int, list[CouncilStep]] = {}
    for member in _public_members(include_deleted=include_deleted).filter(round__dossier_id__in=ids):
        steps.setdefault(member.round.dossier_id, []).append(_step(member))
    return steps


def public_council_step(pk: int) -> CouncilStep | None:
    """One public council step, or None when it does not exist or is not public. A step whose member was
    withdrawn from the round comes back with `deleted=True`: OParl answers its URL with a deleted object."""
    member = _public_members(include_deleted=True).filter(pk=pk).first()
    return _step(member) if member is not None else None


def _public_members(*, include_deleted: bool) -> QuerySet[RoundMember]:
    from naober.councils.selectors import rounds_visible

    members = RoundMember.objects.filter(round__in=rounds_visible(ANONYMOUS))
    if not include_deleted:
        members = members.exclude(status=MemberStatus.WITHDRAWN)
    return members.select_related("round").order_by("pk")


def _step(member: RoundMember) -> CouncilStep:
    consultation_round = member.round
    return CouncilStep(
        pk=member.pk,
        dossier_id=consultation_round.dossier_id,
        municipality_id=member.municipality_id,
        addressee=consultation_round.addressee,
        role=str(RoundKind(consultation_round.kind).label).capitalize(),
        authoritative=consultation_round.authoritative,
        outcome=str(Outcome(member.outcome).label) if member.outcome else "",
        deadline=member.deadline,
        decided_on=member.decided_on,
        created=member.created,
        modified=member.modified,
        deleted=member.status == MemberStatus.WITHDRAWN,
    )
