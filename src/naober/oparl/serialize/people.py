"""Person (per Body) with embedded Memberships: role, voting right, on behalf of which member, period."""

from __future__ import annotations

from naober.governance.models import Membership, Person
from naober.oparl import ids
from naober.oparl.serialize.base import Json, date, obj, vendor
from naober.oparl.serialize.bodies import cooperation_path
from naober.portal.links import body_path
from naober.registry.models import Cooperation

Participants = frozenset[tuple[str, int]]  # selectors.participant_keys


def on_behalf_of_url(membership: Membership, cooperation_id: int, participants: Participants) -> str | None:
    """The represented member's Organization in this Body; only members that take part have one."""
    municipality, organisation = (
        membership.on_behalf_of_municipality_id,
        membership.on_behalf_of_organisation_id,
    )
    if municipality is not None and ("municipality", municipality) in participants:
        return ids.municipality(cooperation_id, municipality)
    if organisation is not None and ("partner", organisation) in participants:
        return ids.partner(cooperation_id, organisation)
    return None


def membership_json(membership: Membership, participants: Participants, *, embedded: bool = False) -> Json:
    body = membership.body
    cooperation_id = body.cooperation_id
    data = obj(
        "Membership",
        ids.membership(membership.pk),
        created=getattr(membership, "oparl_created", membership.created),
        modified=getattr(membership, "oparl_modified", membership.modified),
        web=body_path(body, cooperation=body.cooperation),
        person=None if embedded else ids.person(cooperation_id, membership.person_id),
        organization=ids.organization(body.pk),
        role=str(membership.get_role_display()),
        votingRight=membership.voting_right,
        startDate=date(membership.start_date),
        endDate=date(membership.end_date) if membership.end_date else None,
        onBehalfOf=on_behalf_of_url(membership, cooperation_id, participants),
    )
    represented = membership.on_behalf_of
    unlinked = represented is not None and "onBehalfOf" not in data
    return vendor(
        data,
        role=membership.role,
        portfolio=membership.portfolio.name if membership.portfolio else None,
        onBehalfOfName=represented.name if unlinked and represented is not None else None,
    )


def person_json(
    cooperation: Cooperation, person: Person, participants: Participants, *, omit_internal: bool = False
) -> Json:
    memberships: list[Membership] = getattr(person, "oparl_memberships", [])
    family = " ".join(part for part in (person.family_name_prefix, person.family_name) if part)
    data = obj(
        "Person",
        ids.person(cooperation.pk, person.pk),
        created=getattr(person, "oparl_created", person.created),
        modified=getattr(person, "oparl_modified", person.modified),
        web=cooperation_path(cooperation),
        body=ids.body(cooperation.pk),
        name=person.name,
        familyName=family,
        givenName=person.given_name,
        status=[person.function] if person.function else None,
        membership=None
        if omit_internal
        else [membership_json(item, participants, embedded=True) for item in memberships],
    )
    # The e-mail address is for invitations, not for publication: never served.
    return vendor(data, familyNamePrefix=person.family_name_prefix)
