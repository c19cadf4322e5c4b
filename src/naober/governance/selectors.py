"""Read path for governance: bodies, their composition and the preparation structure."""

from __future__ import annotations

import datetime

from django.db.models import Count, Prefetch, Q, QuerySet

from naober.governance.models import Body, Membership
from naober.governance.models.membership import ROLE_ORDER
from naober.registry.models import Cooperation


def body_active_q(*, on: datetime.date) -> Q:
    return (Q(established_on__isnull=True) | Q(established_on__lte=on)) & (
        Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=on)
    )


def membership_current_q(*, on: datetime.date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}start_date__lte": on}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gt": on})
    )


def body_list(*, cooperation: Cooperation, on: datetime.date) -> list[Body]:
    """The cooperation's active bodies in org-chart order, with member counts, in one query."""
    bodies = (
        Body.objects.filter(body_active_q(on=on), cooperation=cooperation)
        .select_related("topic", "prepares", "prepares__topic")
        .annotate(
            member_count=Count("memberships", filter=membership_current_q(on=on, prefix="memberships__"))
        )
    )
    return sorted(bodies, key=lambda body: (body.tier, body.display_name.lower()))


def body_get(*, cooperation: Cooperation, slug: str) -> Body:
    return Body.objects.select_related(
        "cooperation", "topic", "prepares", "prepares__topic", "chair_ex_officio_municipality"
    ).get(cooperation=cooperation, slug=slug)


def body_preparers(*, body: Body, on: datetime.date) -> QuerySet[Body]:
    return Body.objects.filter(body_active_q(on=on), prepares=body).select_related("topic").order_by("name")


def body_composition(*, body: Body, on: datetime.date) -> list[Membership]:
    """Current memberships of a body: chair first, then by role and name."""
    memberships = Membership.objects.filter(membership_current_q(on=on), body=body).select_related(
        "person", "on_behalf_of_municipality", "on_behalf_of_organisation", "portfolio"
    )
    return sorted(
        memberships,
        key=lambda item: (ROLE_ORDER.get(item.role, 99), item.person.family_name, item.person.given_name),
    )


def person_memberships(*, person_ids: list[int], on: datetime.date) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(membership_current_q(on=on), person_id__in=person_ids)
        .select_related("body", "body__cooperation")
        .prefetch_related(Prefetch("body__topic"))
    )
