"""The `Viewer`: everything visibility rules need to know about a reader, loaded once per request.

A viewer is built from a user (`viewer_for`), from the request (`viewer_from_request`, cached on it), or — for
invitation mails to people without an account — from a `Person` (`viewer_for_person`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from naober.accounts.models import CooperationRole
from naober.accounts.permissions import AnyUser
from naober.governance.models import Membership, MembershipRole, Person

_REQUEST_ATTRIBUTE = "_naober_viewer"


@dataclass(frozen=True)
class MemberPeriod:
    """A membership (not as guest) of a body over a period; `end` is exclusive, like `Membership.end_date`."""

    body_id: int
    start: datetime.date
    end: datetime.date | None

    def current_on(self, on: datetime.date) -> bool:
        return self.start <= on and (self.end is None or self.end > on)


@dataclass(frozen=True)
class Viewer:
    """A reader. Editors are a cooperation's secretariat editors *and* administrators (both run its meeting
    cycle); administrators may also manage its roles. Secret grants name the objects whose secrecy lists this
    user as a recipient (lifted secrecies included: lifting never takes access away)."""

    user_id: int | None = None
    is_authenticated: bool = False
    is_platform_admin: bool = False
    editor_cooperation_ids: frozenset[int] = frozenset()
    admin_cooperation_ids: frozenset[int] = frozenset()
    memberships: tuple[MemberPeriod, ...] = ()
    clerk_municipality_ids: frozenset[int] = frozenset()
    secret_item_ids: frozenset[int] = frozenset()
    secret_document_ids: frozenset[int] = frozenset()
    secret_dossier_ids: frozenset[int] = frozenset()
    today: datetime.date = field(default_factory=timezone.localdate)

    @property
    def member_body_ids(self) -> frozenset[int]:
        """Bodies the viewer is a member of today (guests excluded)."""
        return frozenset(period.body_id for period in self.memberships if period.current_on(self.today))

    def may_edit(self, cooperation_id: int) -> bool:
        return self.is_platform_admin or cooperation_id in self.editor_cooperation_ids

    def may_administer(self, cooperation_id: int) -> bool:
        return self.is_platform_admin or cooperation_id in self.admin_cooperation_ids

    def member_of_on(self, body_ids: set[int] | frozenset[int], days: set[datetime.date]) -> bool:
        return any(
            period.body_id in body_ids and any(period.current_on(day) for day in days)
            for period in self.memberships
        )


ANONYMOUS = Viewer()


def _member_periods(memberships: Q) -> dict[int, tuple[MemberPeriod, ...]]:
    """Non-guest memberships matching `memberships`, by person."""
    rows = (
        Membership.objects.filter(memberships)
        .exclude(role=MembershipRole.GUEST)
        .values_list("person_id", "body_id", "start_date", "end_date")
        .order_by("person_id", "body_id", "start_date")
    )
    periods: dict[int, list[MemberPeriod]] = {}
    for person, body, start, end in rows:
        periods.setdefault(person, []).append(MemberPeriod(body_id=body, start=start, end=end))
    return {person: tuple(found) for person, found in periods.items()}


@dataclass
class _UserFacts:
    roles: list[tuple[int, str]] = field(default_factory=list)
    clerk_of: list[int] = field(default_factory=list)
    grants: list[tuple[int | None, int | None, int | None]] = field(default_factory=list)


def _user_facts(user_ids: list[int]) -> dict[int, _UserFacts]:
    """Roles, clerk roles and secret grants of several users, in three queries."""
    from naober.access.models import MunicipalityRole, Secrecy

    facts = {user_id: _UserFacts() for user_id in user_ids}
    roles = CooperationRole.objects.filter(user_id__in=user_ids)
    for user_id, cooperation, role in roles.values_list("user_id", "cooperation_id", "role"):
        facts[user_id].roles.append((cooperation, role))
    clerks = MunicipalityRole.objects.filter(user_id__in=user_ids, role=MunicipalityRole.Role.CLERK)
    for user_id, municipality in clerks.values_list("user_id", "municipality_id"):
        facts[user_id].clerk_of.append(municipality)
    recipients = Secrecy.recipients.through.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "secrecy__agenda_item_id", "secrecy__document_id", "secrecy__dossier_id"
    )
    for user_id, item, doc, dossier in recipients:
        facts[user_id].grants.append((item, doc, dossier))
    return facts


def _assemble(
    user: AbstractBaseUser | AnonymousUser, facts: _UserFacts, memberships: tuple[MemberPeriod, ...]
) -> Viewer:
    from naober.accounts.permissions import is_platform_admin

    grants = facts.grants
    return Viewer(
        user_id=user.pk,
        is_authenticated=True,
        is_platform_admin=is_platform_admin(user),
        editor_cooperation_ids=frozenset(cooperation for cooperation, _role in facts.roles),
        admin_cooperation_ids=frozenset(
            cooperation for cooperation, role in facts.roles if role == CooperationRole.Role.ADMINISTRATOR
        ),
        memberships=memberships,
        clerk_municipality_ids=frozenset(facts.clerk_of),
        secret_item_ids=frozenset(item for item, _doc, _dossier in grants if item is not None),
        secret_document_ids=frozenset(doc for _item, doc, _dossier in grants if doc is not None),
        secret_dossier_ids=frozenset(dossier for _item, _doc, dossier in grants if dossier is not None),
    )


def viewer_for(user: AnyUser) -> Viewer:
    """The viewer for a user; anonymous and inactive users get the public view."""
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    periods = _member_periods(Q(person__user_id=user.pk))
    memberships = next(iter(periods.values()), ())
    return _assemble(user, _user_facts([user.pk])[user.pk], memberships)


def viewers_for_people(people: Iterable[Person]) -> dict[int, Viewer]:
    """A viewer per person (by person id), in a fixed number of queries: for an active linked account what
    that account sees, else what the person's memberships alone open (for mail recipients without one).
    Load the people with `select_related("user")`."""
    people = list(people)
    periods = _member_periods(Q(person_id__in=[person.pk for person in people]))
    accounts = {
        person.pk: person.user
        for person in people
        if person.user_id is not None and person.user is not None and person.user.is_active
    }
    facts = _user_facts([user.pk for user in accounts.values()])
    viewers: dict[int, Viewer] = {}
    for person in people:
        memberships = periods.get(person.pk, ())
        account = accounts.get(person.pk)
        if account is not None:
            viewers[person.pk] = _assemble(account, facts[account.pk], memberships)
        else:
            viewers[person.pk] = Viewer(memberships=memberships)
    return viewers


def viewer_for_person(person: Person) -> Viewer:
    """What a person sees: their account's view if they have an active one, else their memberships'."""
    return viewers_for_people([person])[person.pk]


def viewer_from_request(request: HttpRequest) -> Viewer:
    """The request's viewer, built on first use and kept on the request."""
    viewer = getattr(request, _REQUEST_ATTRIBUTE, None)
    if not isinstance(viewer, Viewer):
        viewer = viewer_for(getattr(request, "user", None))
        setattr(request, _REQUEST_ATTRIBUTE, viewer)
    return viewer
