"""Reads for managing roles and secrecy recipients of a cooperation."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from naober.access.models import MunicipalityRole
from naober.access.viewer import Viewer
from naober.accounts.models import CooperationRole, User
from naober.governance.models import Membership, Person
from naober.governance.selectors import membership_current_q
from naober.registry.models import Cooperation, Municipality


def cooperation_for_admin(*, viewer: Viewer, slug: str) -> Cooperation:
    """The cooperation, or 404 unless the viewer administers it (reveal nothing to anyone else)."""
    cooperation = Cooperation.objects.filter(slug=slug).first()
    if cooperation is None or not viewer.may_administer(cooperation.pk):
        raise Http404
    return cooperation


def participant_municipalities(*, cooperation: Cooperation) -> QuerySet[Municipality]:
    return Municipality.objects.filter(participations__cooperation=cooperation).distinct().order_by("name")


def _current_members(cooperation: Cooperation) -> QuerySet[Membership]:
    return Membership.objects.filter(
        membership_current_q(on=timezone.localdate()), body__cooperation=cooperation
    )


def linkable_persons(*, cooperation: Cooperation) -> QuerySet[Person]:
    """People with a current membership in one of the cooperation's bodies."""
    return (
        Person.objects.filter(pk__in=_current_members(cooperation).values("person_id"))
        .select_related("user")
        .order_by("family_name", "given_name")
    )


def recipient_candidates(*, cooperation: Cooperation) -> QuerySet[User]:
    """Who can be named as a recipient of a secret: active accounts with a role in the cooperation or linked
    to a person with a current membership in one of its bodies."""
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(cooperation_roles__cooperation=cooperation)
            | Q(person__in=_current_members(cooperation).values("person_id"))
        )
        .select_related("person")
        .distinct()
        .order_by("username")
    )


@dataclass
class UserRoles:
    user: User
    roles: list[CooperationRole] = field(default_factory=list)
    clerk_roles: list[MunicipalityRole] = field(default_factory=list)
    person: Person | None = None


def role_overview(*, cooperation: Cooperation) -> list[UserRoles]:
    """Everyone with a role in the cooperation, a clerk role for one of its municipalities, or a link to a
    person in one of its bodies — with those roles and that person; in a fixed number of queries."""
    rows: dict[int, UserRoles] = {}

    def row(user: User) -> UserRoles:
        return rows.setdefault(user.pk, UserRoles(user=user))

    for role in CooperationRole.objects.filter(cooperation=cooperation).select_related("user"):
        row(role.user).roles.append(role)
    municipalities = participant_municipalities(cooperation=cooperation)
    for clerk in MunicipalityRole.objects.filter(municipality__in=municipalities).select_related(
        "user", "municipality"
    ):
        row(clerk.user).clerk_roles.append(clerk)
    for person in linkable_persons(cooperation=cooperation).filter(user__isnull=False):
        if person.user is not None:
            row(person.user).person = person
    missing = [pk for pk, entry in rows.items() if entry.person is None]
    for person in Person.objects.filter(user_id__in=missing):
        rows[person.user_id].person = person  # type: ignore[index]
    return sorted(rows.values(), key=lambda entry: entry.user.get_username().lower())
