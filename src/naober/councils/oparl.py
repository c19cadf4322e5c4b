"""The council steps of consultation rounds as the OParl API shows them (Paper.consultation).

Contract between council involvement (this app) and `naober.oparl`: OParl serves only what the public may see,
so these functions return only steps of rounds that are public (round opened, dossier public, not withdrawn
from the public), never confidential ones. A `CouncilStep` is one member's council (or college) in one round.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from dataclasses import dataclass


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
    return {}


def public_council_step(pk: int) -> CouncilStep | None:
    """One public council step, or None when it does not exist or is not public."""
    return None
