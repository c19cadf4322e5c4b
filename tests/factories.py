"""factory_boy factories for the domain; tests build exactly the data they need."""

from __future__ import annotations

import datetime

import factory
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from factory.django import DjangoModelFactory

from naober.accounts.models import User
from naober.governance.models import Body, BodyKind, Membership, MembershipRole, Person
from naober.registry.models import (
    Cooperation,
    HolidayRegion,
    LegalForm,
    Municipality,
    Organisation,
    Participation,
    PopulationFigure,
    Topic,
)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


def second_factor_give(user: User, *, recovery_codes: tuple[str, ...] = ()) -> TOTPDevice:
    """A confirmed authenticator app for `user` (and, if given, recovery codes of ten digits each)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test app", confirmed=True)
    if recovery_codes:
        static = StaticDevice.objects.create(user=user, name="test recovery codes", confirmed=True)
        StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in recovery_codes)
    return device


def verified_login(client: Client, user: User) -> Client:
    """`client.force_login` plus a two-factor verified session, as after a code on the second step: what
    editors, administrators and staff need to get past SecondFactorMiddleware."""
    client.force_login(user)
    device = second_factor_give(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


class MunicipalityFactory(DjangoModelFactory):
    class Meta:
        model = Municipality

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.Sequence(lambda n: f"gemeente-{n}")
    country = "NL"
    code = factory.Sequence(lambda n: f"GM{n + 1000:04d}")
    province = "Utrecht"
    holiday_region = HolidayRegion.NL_MIDDLE


class PopulationFigureFactory(DjangoModelFactory):
    class Meta:
        model = PopulationFigure

    municipality = factory.SubFactory(MunicipalityFactory)
    reference_date = datetime.date(2024, 1, 1)
    count = 25000
    source = "CBS"
    approximate = False


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Partner {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    kind = Organisation.Kind.OTHER
    country = "NL"


class CooperationFactory(DjangoModelFactory):
    class Meta:
        model = Cooperation

    name = factory.Sequence(lambda n: f"Regio {n}")
    slug = factory.Sequence(lambda n: f"regio-{n}")
    country = "NL"
    legal_form = LegalForm.NETWORK
    time_zone = "Europe/Amsterdam"


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic

    cooperation = factory.SubFactory(CooperationFactory)
    name = factory.Sequence(lambda n: f"Onderwerp {n}")
    slug = factory.Sequence(lambda n: f"onderwerp-{n}")


class ParticipationFactory(DjangoModelFactory):
    class Meta:
        model = Participation

    cooperation = factory.SubFactory(CooperationFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    joined_on = datetime.date(2010, 1, 1)


class BodyFactory(DjangoModelFactory):
    class Meta:
        model = Body

    cooperation = factory.SubFactory(CooperationFactory)
    name = factory.Sequence(lambda n: f"Overleg {n}")
    slug = factory.Sequence(lambda n: f"overleg-{n}")
    kind = BodyKind.PORTFOLIO_MEETING


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    given_name = factory.Sequence(lambda n: f"Voornaam{n}")
    family_name = factory.Sequence(lambda n: f"Achternaam{n}")


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    body = factory.SubFactory(BodyFactory)
    person = factory.SubFactory(PersonFactory)
    role = MembershipRole.MEMBER
    start_date = datetime.date(2022, 1, 1)
