"""Loading the demo regions: the checked data files written through the services, in one transaction.

Idempotent: every record is found again by its natural key (municipality code, organisation slug, cooperation
slug, topic and body slug per cooperation, person key, participation by participant and date of joining,
membership by body, person, role and start date) and saved only when the data differs, so a second run writes
nothing and leaves no audit entries. Records that were removed from the data files stay in the database.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import translation

from naober.accounts.models import User
from naober.accounts.services import user_create_platform_admin
from naober.core.models import Channel
from naober.core.services import object_save
from naober.demo.errors import DemoDataError, Place
from naober.demo.records import (
    BodyData,
    CooperationData,
    DemoData,
    MembershipData,
    MunicipalityData,
    OrganisationData,
    ParticipationData,
    PersonData,
)
from naober.demo.schema import demo_data_read
from naober.governance.models import Body, Membership, Person
from naober.governance.services import membership_start
from naober.registry.models import (
    Cooperation,
    Municipality,
    Organisation,
    Participation,
    Topic,
)
from naober.registry.services import participation_join, population_figure_record

__all__ = ["DEFAULT_DATA_DIR", "DemoDataError", "LoadReport", "SignIn", "demo_load", "demo_sign_in_ensure"]

DEFAULT_DATA_DIR = Path(__file__).resolve().parent / "data"
DEMO_USERNAME = "demo"
DEMO_PASSWORD = "naober-demo-2026"  # noqa: S105 - the published sign-in of demo installations, never production
KINDS = (
    "municipalities",
    "population figures",
    "organisations",
    "cooperations",
    "topics",
    "participations",
    "bodies",
    "persons",
    "memberships",
)
# Model fields that the data files spell differently, for error messages about the data.
DATA_FIELD_NAMES = {"on_behalf_of_municipality": "on_behalf_of", "on_behalf_of_organisation": "on_behalf_of"}

M = TypeVar("M", bound=models.Model)


class Outcome(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass
class LoadReport:
    """How many records of each kind the data holds, and how many of them were created or updated."""

    counts: dict[str, Counter[Outcome]] = field(default_factory=lambda: {kind: Counter() for kind in KINDS})

    def add(self, kind: str, outcome: Outcome) -> None:
        self.counts[kind][outcome] += 1

    @property
    def changes(self) -> int:
        return sum(count[Outcome.CREATED] + count[Outcome.UPDATED] for count in self.counts.values())


def demo_load(*, data_dir: Path | None = None) -> LoadReport:
    """Check every data file, then write all of it or (on any problem) nothing; raises DemoDataError."""
    data = demo_data_read(directory=data_dir or DEFAULT_DATA_DIR)
    # Model validation messages end up in DemoDataError messages for developers: keep them in English.
    with translation.override("en"), transaction.atomic():
        return _Writer().write(data)


class SignIn(enum.StrEnum):
    CREATED = "created"
    RESET = "reset"
    PRESENT = "present"


def demo_sign_in_ensure() -> SignIn:
    """The demo platform administrator with its published password; audited only when something changes.

    The caller decides whether the installation may have it: never in production.
    """
    administrators = User.objects.filter(is_active=True, is_staff=True, is_superuser=True)
    user = administrators.filter(username=DEMO_USERNAME).first()
    if user is not None and user.check_password(DEMO_PASSWORD):
        return SignIn.PRESENT
    _, created = user_create_platform_admin(
        username=DEMO_USERNAME, email="", password=DEMO_PASSWORD, channel=Channel.IMPORT
    )
    return SignIn.CREATED if created else SignIn.RESET


@contextmanager
def _reported_at(place: Place) -> Iterator[None]:
    """Turn a model's refusal into a DemoDataError about the data record (the transaction then rolls back)."""
    try:
        yield
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            name, messages = next(iter(error.message_dict.items()))
            data_field = None if name == NON_FIELD_ERRORS else DATA_FIELD_NAMES.get(name, name)
            raise place.error(" ".join(messages), field=data_field) from error
        raise place.error(" ".join(error.messages)) from error
    except IntegrityError as error:
        raise place.error(f"the database refused the record: {error}") from error


def _assign(instance: models.Model, values: Mapping[str, object]) -> bool:
    """Set the values that differ; True when the object is new or something changed."""
    changed = instance._state.adding
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed


class _Writer:
    def __init__(self) -> None:
        self.report = LoadReport()
        self.municipalities: dict[str, Municipality] = {}
        self.organisations: dict[str, Organisation] = {}

    def write(self, data: DemoData) -> LoadReport:
        for municipality in data.municipalities:
            self.municipality(municipality)
        for organisation in data.organisations:
            self.organisations[organisation.slug] = self.organisation(organisation)
        for cooperation in data.cooperations:
            self.cooperation(cooperation)
        return self.report

    def save(self, kind: str, instance: M, values: Mapping[str, object], place: Place) -> M:
        """Create or update one object through the generic write path, only when the data differs."""
        creating = instance._state.adding
        if _assign(instance, values):
            with _reported_at(place):
                object_save(instance=instance, channel=Channel.IMPORT)
            self.report.add(kind, Outcome.CREATED if creating else Outcome.UPDATED)
        else:
            self.report.add(kind, Outcome.UNCHANGED)
        return instance

    def municipality(self, data: MunicipalityData) -> None:
        municipality = Municipality.objects.filter(code=data.code).first() or Municipality(code=data.code)
        values = {
            "name": data.name,
            "slug": data.slug,
            "country": data.country,
            "province": data.province,
            "holiday_region": data.holiday_region,
            "website": data.website,
        }
        self.municipalities[data.slug] = municipality = self.save(
            "municipalities", municipality, values, data.place
        )
        existing = {figure.reference_date: figure for figure in municipality.population_figures.all()}
        for figure in data.population:
            known = existing.get(figure.reference_date)
            if known is not None and (known.count, known.source, known.approximate) == (
                figure.count,
                figure.source,
                figure.approximate,
            ):
                self.report.add("population figures", Outcome.UNCHANGED)
                continue
            with _reported_at(figure.place):
                population_figure_record(
                    municipality=municipality,
                    reference_date=figure.reference_date,
                    count=figure.count,
                    source=figure.source,
                    approximate=figure.approximate,
                    channel=Channel.IMPORT,
                )
            self.report.add("population figures", Outcome.CREATED if known is None else Outcome.UPDATED)

    def organisation(self, data: OrganisationData) -> Organisation:
        organisation = Organisation.objects.filter(slug=data.slug).first() or Organisation(slug=data.slug)
        values = {
            "name": data.name,
            "short_name": data.short_name,
            "kind": data.kind,
            "country": data.country,
            "website": data.website,
            "description": data.description,
        }
        return self.save("organisations", organisation, values, data.place)

    def cooperation(self, data: CooperationData) -> None:
        cooperation = Cooperation.objects.filter(slug=data.slug).first() or Cooperation(slug=data.slug)
        values: dict[str, object] = {
            "name": data.name,
            "short_name": data.short_name,
            "country": data.country,
            "legal_form": data.legal_form,
            "founded_on": data.founded_on,
            "statute_reference": data.statute_reference,
            "mission": data.mission,
            "vision": data.vision,
            "strategic_goals": list(data.strategic_goals),
            "website": data.website,
            "time_zone": data.time_zone,
            "primary_colour": data.primary_colour,
            "accent_colour": data.accent_colour,
        }
        self.save("cooperations", cooperation, values, data.place)
        existing_topics = {topic.slug: topic for topic in cooperation.topics.all()}
        topics: dict[str, Topic] = {}
        for topic in data.topics:
            values = {"name": topic.name, "is_theme": topic.is_theme, "description": topic.description}
            topics[topic.slug] = self.save(
                "topics",
                existing_topics.get(topic.slug) or Topic(cooperation=cooperation, slug=topic.slug),
                values,
                topic.place,
            )
        for participation in data.participations:
            self.participation(cooperation, participation, topics)
        existing_bodies = {body.slug: body for body in cooperation.bodies.all()}
        bodies: dict[str, Body] = {}
        for (
            body
        ) in data.bodies:  # in preparation order: a prepared body is saved before the body preparing it
            instance = existing_bodies.get(body.slug) or Body(cooperation=cooperation, slug=body.slug)
            bodies[body.slug] = self.save(
                "bodies", instance, self.body_values(body, topics, bodies), body.place
            )
        for person in data.persons:
            self.person(person, bodies, topics)

    def participation(
        self, cooperation: Cooperation, data: ParticipationData, topics: Mapping[str, Topic]
    ) -> None:
        participant = (
            self.municipalities[data.municipality]
            if data.municipality
            else self.organisations[str(data.organisation)]
        )
        chosen = [topics[slug] for slug in data.topics]
        existing = Participation.objects.filter(
            cooperation=cooperation,
            municipality=participant if isinstance(participant, Municipality) else None,
            organisation=participant if isinstance(participant, Organisation) else None,
            joined_on=data.joined_on,
        ).first()
        with _reported_at(data.place):
            if existing is None:
                participation_join(
                    cooperation=cooperation,
                    participant=participant,
                    joined_on=data.joined_on,
                    role=data.role,
                    topics=chosen,
                    left_on=data.left_on,
                    note=data.note,
                    channel=Channel.IMPORT,
                )
                self.report.add("participations", Outcome.CREATED)
                return
            scope = Participation.Scope.TOPICS if chosen else Participation.Scope.FULL
            values = {"role": data.role, "scope": scope, "left_on": data.left_on, "note": data.note}
            same_topics = set(existing.topics.values_list("pk", flat=True)) == {topic.pk for topic in chosen}
            if _assign(existing, values) or not same_topics:
                object_save(instance=existing, channel=Channel.IMPORT, many_to_many={"topics": chosen})
                self.report.add("participations", Outcome.UPDATED)
            else:
                self.report.add("participations", Outcome.UNCHANGED)

    def body_values(
        self, data: BodyData, topics: Mapping[str, Topic], bodies: Mapping[str, Body]
    ) -> dict[str, object]:
        chair_municipality = data.chair_ex_officio_municipality
        return {
            "name": data.name,
            "short_name": data.short_name,
            "kind": data.kind,
            "topic_id": topics[data.topic].pk if data.topic else None,
            "prepares_id": bodies[data.prepares].pk if data.prepares else None,
            "description": data.description,
            "meetings_per_year_min": data.meetings_per_year_min,
            "meetings_per_year_max": data.meetings_per_year_max,
            "public_by_default": data.public_by_default,
            "chair_rule": data.chair_rule,
            "chair_ex_officio_municipality_id": self.municipalities[chair_municipality].pk
            if chair_municipality
            else None,
            "chair_ex_officio_function": data.chair_ex_officio_function,
            "established_on": data.established_on,
            "dissolved_on": data.dissolved_on,
        }

    def person(self, data: PersonData, bodies: Mapping[str, Body], topics: Mapping[str, Topic]) -> None:
        person = Person.objects.filter(email=data.email).order_by("pk").first() or Person(email=data.email)
        values = {
            "given_name": data.given_name,
            "family_name_prefix": data.family_name_prefix,
            "family_name": data.family_name,
            "function": data.function,
        }
        self.save("persons", person, values, data.place)
        for membership in data.memberships:
            self.membership(membership, person, bodies[membership.body], topics)

    def membership(
        self, data: MembershipData, person: Person, body: Body, topics: Mapping[str, Topic]
    ) -> None:
        municipality = (
            self.municipalities[data.on_behalf_of_municipality] if data.on_behalf_of_municipality else None
        )
        organisation = (
            self.organisations[data.on_behalf_of_organisation] if data.on_behalf_of_organisation else None
        )
        portfolio = topics[data.portfolio] if data.portfolio else None
        existing = Membership.objects.filter(
            body=body, person=person, role=data.role, start_date=data.start_date
        ).first()
        with _reported_at(data.place):
            if existing is None:
                membership_start(
                    body=body,
                    person=person,
                    role=data.role,
                    start_date=data.start_date,
                    end_date=data.end_date,
                    on_behalf_of=municipality or organisation,
                    portfolio=portfolio,
                    voting_right=data.voting_right,
                    channel=Channel.IMPORT,
                )
                self.report.add("memberships", Outcome.CREATED)
                return
            values: dict[str, object] = {
                "end_date": data.end_date,
                "on_behalf_of_municipality_id": municipality.pk if municipality else None,
                "on_behalf_of_organisation_id": organisation.pk if organisation else None,
                "portfolio_id": portfolio.pk if portfolio else None,
            }
            if data.voting_right is not None:  # otherwise the role's default, set when the membership started
                values["voting_right"] = data.voting_right
            if _assign(existing, values):
                object_save(instance=existing, channel=Channel.IMPORT)
                self.report.add("memberships", Outcome.UPDATED)
            else:
                self.report.add("memberships", Outcome.UNCHANGED)
