"""Write path for governance."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from naober.core.models import Channel
from naober.core.services import Actor, object_save
from naober.governance.models import Body, Membership, MembershipRole, Person
from naober.registry.models import Municipality, Organisation, Topic


def membership_start(
    *,
    body: Body,
    person: Person,
    role: str = MembershipRole.MEMBER,
    start_date: datetime.date,
    end_date: datetime.date | None = None,
    on_behalf_of: Municipality | Organisation | None = None,
    portfolio: Topic | None = None,
    voting_right: bool | None = None,
    by: Actor = None,
    channel: str = Channel.SYSTEM,
) -> Membership:
    if voting_right is None:
        voting_right = role in (MembershipRole.CHAIR, MembershipRole.VICE_CHAIR, MembershipRole.MEMBER)
    membership = Membership(
        body=body,
        person=person,
        role=role,
        start_date=start_date,
        end_date=end_date,
        on_behalf_of_municipality=on_behalf_of if isinstance(on_behalf_of, Municipality) else None,
        on_behalf_of_organisation=on_behalf_of if isinstance(on_behalf_of, Organisation) else None,
        portfolio=portfolio,
        voting_right=voting_right,
    )
    return object_save(instance=membership, by=by, channel=channel)


def membership_end(
    *, membership: Membership, end_date: datetime.date, by: Actor = None, channel: str = Channel.SYSTEM
) -> Membership:
    if membership.end_date is not None:
        raise ValidationError(_("This membership has already ended."))
    membership.end_date = end_date
    return object_save(instance=membership, by=by, channel=channel)
