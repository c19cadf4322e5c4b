from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from naober.core.services import object_save
from naober.governance import selectors, services
from naober.governance.models import Body, BodyKind, Membership, MembershipRole
from tests.factories import (
    BodyFactory,
    CooperationFactory,
    MembershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
    PersonFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def test_membership_end_before_start_is_refused() -> None:
    with pytest.raises(ValidationError, match="eindigt na de begindatum"):
        services.membership_start(
            body=BodyFactory(),
            person=PersonFactory(),
            start_date=datetime.date(2024, 1, 1),
            end_date=datetime.date(2023, 1, 1),
        )
    assert not Membership.objects.exists()


def test_at_most_one_chair_at_a_time() -> None:
    body = BodyFactory()
    services.membership_start(
        body=body,
        person=PersonFactory(),
        role=MembershipRole.CHAIR,
        start_date=datetime.date(2022, 1, 1),
        end_date=datetime.date(2024, 1, 1),
    )
    with pytest.raises(ValidationError, match="in deze periode al een voorzitter"):
        services.membership_start(
            body=body, person=PersonFactory(), role=MembershipRole.CHAIR, start_date=datetime.date(2023, 6, 1)
        )
    # a successor after the end is fine
    services.membership_start(
        body=body, person=PersonFactory(), role=MembershipRole.CHAIR, start_date=datetime.date(2024, 1, 1)
    )
    assert body.memberships.filter(role=MembershipRole.CHAIR).count() == 2


def test_open_chair_uniqueness_is_a_database_constraint() -> None:
    body = BodyFactory()
    MembershipFactory(body=body, role=MembershipRole.CHAIR)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            body=body, person=PersonFactory(), role=MembershipRole.CHAIR, start_date=datetime.date(2023, 1, 1)
        )


def test_membership_on_behalf_of_municipality_or_organisation() -> None:
    body = BodyFactory()
    municipality = MunicipalityFactory(name="Soest")
    membership = services.membership_start(
        body=body, person=PersonFactory(), start_date=datetime.date(2022, 5, 1), on_behalf_of=municipality
    )
    assert membership.on_behalf_of == municipality
    assert membership.voting_right is True
    guest = services.membership_start(
        body=body,
        person=PersonFactory(),
        role=MembershipRole.GUEST,
        start_date=datetime.date(2022, 5, 1),
        on_behalf_of=OrganisationFactory(),
    )
    assert guest.voting_right is False


def test_composition_lists_current_members_chair_first() -> None:
    body = BodyFactory()
    member = MembershipFactory(body=body, person=PersonFactory(family_name="Aalbers"))
    chair = MembershipFactory(body=body, role=MembershipRole.CHAIR, person=PersonFactory(family_name="Zwart"))
    MembershipFactory(body=body, start_date=datetime.date(2018, 1, 1), end_date=datetime.date(2022, 1, 1))
    assert selectors.body_composition(body=body, on=datetime.date(2026, 1, 1)) == [chair, member]


def test_portfolio_must_belong_to_the_cooperation() -> None:
    with pytest.raises(ValidationError, match="ander samenwerkingsverband"):
        services.membership_start(
            body=BodyFactory(),
            person=PersonFactory(),
            start_date=datetime.date(2022, 1, 1),
            portfolio=TopicFactory(),
        )


def test_prepares_must_stay_in_the_cooperation_and_not_loop() -> None:
    cooperation = CooperationFactory()
    bo = BodyFactory(cooperation=cooperation)
    ao = BodyFactory(cooperation=cooperation, prepares=bo, kind=BodyKind.CIVIL_SERVANTS_MEETING)
    bo.prepares = ao
    with pytest.raises(ValidationError, match="rondlopen"):
        object_save(instance=bo)
    other = BodyFactory()
    ao.prepares = other
    with pytest.raises(ValidationError, match="hetzelfde samenwerkingsverband"):
        object_save(instance=ao)


def test_ex_officio_chair_needs_municipality_and_function() -> None:
    body = Body(
        cooperation=CooperationFactory(),
        name="BORA",
        slug="bora",
        kind=BodyKind.GOVERNING_MEETING,
        chair_ex_officio_municipality=MunicipalityFactory(),
    )
    with pytest.raises(ValidationError):
        object_save(instance=body)
    body.chair_ex_officio_function = "mayor"
    object_save(instance=body)
    assert body.pk is not None


def test_body_list_orders_boards_first_and_counts_current_members() -> None:
    cooperation = CooperationFactory()
    ao = BodyFactory(cooperation=cooperation, name="AO Wonen", kind=BodyKind.CIVIL_SERVANTS_MEETING)
    board = BodyFactory(cooperation=cooperation, name="BORA", kind=BodyKind.GOVERNING_MEETING)
    MembershipFactory(body=board)
    MembershipFactory(body=board, end_date=datetime.date(2023, 1, 1))
    bodies = selectors.body_list(cooperation=cooperation, on=datetime.date(2026, 1, 1))
    assert bodies == [board, ao]
    assert bodies[0].member_count == 1
