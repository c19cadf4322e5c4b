"""The demo data as typed records, as the schema hands them to the loader (all references already checked)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from naober.demo.errors import Place

# Person keys become the (undeliverable) e-mail address <key>@demo.invalid, by which a second run finds them.
PERSON_EMAIL_DOMAIN = "demo.invalid"


@dataclass(frozen=True, kw_only=True)
class PopulationData:
    place: Place
    reference_date: datetime.date
    count: int
    source: str
    approximate: bool


@dataclass(frozen=True, kw_only=True)
class MunicipalityData:
    place: Place
    code: str
    name: str
    slug: str
    country: str
    province: str
    holiday_region: str
    website: str
    population: tuple[PopulationData, ...]


@dataclass(frozen=True, kw_only=True)
class OrganisationData:
    place: Place
    slug: str
    name: str
    short_name: str
    kind: str
    country: str
    website: str
    description: str


@dataclass(frozen=True, kw_only=True)
class TopicData:
    place: Place
    slug: str
    name: str
    is_theme: bool
    description: str


@dataclass(frozen=True, kw_only=True)
class ParticipationData:
    place: Place
    municipality: str | None
    organisation: str | None
    role: str
    joined_on: datetime.date
    left_on: datetime.date | None
    topics: tuple[str, ...]
    note: str

    def covers(self, day: datetime.date) -> bool:
        return self.joined_on <= day and (self.left_on is None or self.left_on > day)


@dataclass(frozen=True, kw_only=True)
class BodyData:
    place: Place
    slug: str
    name: str
    short_name: str
    kind: str
    topic: str | None
    prepares: str | None
    description: str
    meetings_per_year_min: int | None
    meetings_per_year_max: int | None
    public_by_default: bool
    chair_rule: str
    chair_ex_officio_municipality: str | None
    chair_ex_officio_function: str
    established_on: datetime.date | None
    dissolved_on: datetime.date | None


@dataclass(frozen=True, kw_only=True)
class MembershipData:
    place: Place
    body: str
    role: str
    start_date: datetime.date
    end_date: datetime.date | None
    on_behalf_of_municipality: str | None
    on_behalf_of_organisation: str | None
    portfolio: str | None
    voting_right: bool | None  # None: the service's default for the role


@dataclass(frozen=True, kw_only=True)
class PersonData:
    place: Place
    key: str
    given_name: str
    family_name_prefix: str
    family_name: str
    function: str
    memberships: tuple[MembershipData, ...]

    @property
    def email(self) -> str:
        return f"{self.key}@{PERSON_EMAIL_DOMAIN}"


@dataclass(frozen=True, kw_only=True)
class CooperationData:
    place: Place
    slug: str
    name: str
    short_name: str
    country: str
    legal_form: str
    founded_on: datetime.date | None
    statute_reference: str
    mission: str
    vision: str
    strategic_goals: tuple[str, ...]
    website: str
    time_zone: str
    primary_colour: str = ""
    accent_colour: str = ""
    topics: tuple[TopicData, ...]
    participations: tuple[ParticipationData, ...]
    bodies: tuple[BodyData, ...]  # a body comes after the body it prepares
    persons: tuple[PersonData, ...]


@dataclass(frozen=True, kw_only=True)
class DemoData:
    municipalities: tuple[MunicipalityData, ...]
    organisations: tuple[OrganisationData, ...]
    cooperations: tuple[CooperationData, ...]
