"""The shared registry: municipalities with population, partner organisations and the people who represent
the municipalities (mayor, secretary, aldermen per council term, a civil servant per topic).

The plan is derived from the seed alone; `ensure` writes what is missing and maps the plan onto rows, so a
second run (or a restart) finds the same rows by their unique keys (municipality code, person e-mail)."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify

from naober.generate import names
from naober.generate.scales import Scale
from naober.generate.stamps import aware, stamped
from naober.generate.text import TOPICS
from naober.governance.models import Person
from naober.registry.models import Municipality, Organisation, PopulationFigure

NL_TERMS = ((2014, 3, 27), (2018, 3, 29), (2022, 3, 31), (2026, 3, 26))
BE_TERMS = ((2013, 1, 1), (2019, 1, 1), (2025, 1, 1))
TOPIC_NAMES = tuple(TOPICS)


@dataclass
class PersonPlan:
    key: str  # unique: the e-mail address
    given: str
    prefix: str
    family: str
    function: str
    start: datetime.date
    end: datetime.date | None = None
    topics: tuple[str, ...] = ()
    pk: int = 0


@dataclass
class MunicipalityPlan:
    name: str
    slug: str
    code: str
    country: str
    province: str
    holiday_region: str
    population: int
    mayor: PersonPlan
    secretary: PersonPlan
    aldermen: list[PersonPlan] = field(default_factory=list)
    servants: dict[str, PersonPlan] = field(default_factory=dict)
    pk: int = 0

    def aldermen_for(self, topic: str) -> list[PersonPlan]:
        return [alderman for alderman in self.aldermen if topic in alderman.topics]


@dataclass
class RegistryPlan:
    municipalities: list[MunicipalityPlan]
    provinces: dict[str, list[MunicipalityPlan]]
    partners: dict[str, tuple[str, int]]  # province → (organisation slug, pk)


def _terms(country: str, last_year: int) -> list[tuple[datetime.date, datetime.date | None]]:
    starts = [datetime.date(*term) for term in (NL_TERMS if country == "NL" else BE_TERMS)]
    starts = [start for start in starts if start.year <= last_year]
    return [(start, starts[i + 1] if i + 1 < len(starts) else None) for i, start in enumerate(starts)]


def _person(rng: random.Random, domain: str, role: str, function: str, start: datetime.date) -> PersonPlan:
    given, prefix, family = names.person_name(rng)
    local = slugify(f"{given[0]} {prefix} {family}").replace("-", ".")
    return PersonPlan(f"{local}.{role}@{domain}", given, prefix, family, function, start)


def plan(scale: Scale, seed: int) -> RegistryPlan:
    rng = random.Random(f"registry-{seed}")
    taken: set[str] = set()
    nl = names.place_names(rng, scale.nl_municipalities, list(names.NL_HEADS), list(names.NL_TAILS), taken)
    be = names.place_names(rng, scale.be_municipalities, list(names.BE_HEADS), list(names.BE_TAILS), taken)
    nl_provinces = ["Gelderland"] if scale.name != "national" else list(names.NL_PROVINCES)
    municipalities: list[MunicipalityPlan] = []
    for country, places, choices in (("NL", nl, nl_provinces), ("BE", be, list(names.BE_PROVINCES))):
        for index, name in enumerate(places):
            province = choices[index % len(choices)]
            slug = slugify(name)
            domain = f"{slug}.{'nl' if country == 'NL' else 'be'}"
            code = f"GM{5000 + index:04d}" if country == "NL" else f"{47000 + index:05d}"
            region = names.NL_HOLIDAY_REGION.get(province, "be-vl") if country == "NL" else "be-vl"
            population = int(min(900_000, max(900, rng.lognormvariate(10.3, 0.75))))
            first = datetime.date(scale.first_year - 3, 1, 1)
            municipality = MunicipalityPlan(
                name=name,
                slug=slug,
                code=code,
                country=country,
                province=province,
                holiday_region=region,
                population=population,
                mayor=_person(rng, domain, "bm", f"burgemeester van {name}", first),
                secretary=_person(rng, domain, "gs", f"gemeentesecretaris van {name}", first),
            )
            for term, (start, end) in enumerate(_terms(country, scale.last_year)):
                portfolios = list(TOPIC_NAMES)
                rng.shuffle(portfolios)
                for seat in range(4):
                    held = tuple(portfolios[seat::4])
                    alderman = _person(
                        rng, domain, f"weth{term}{seat}", f"wethouder {', '.join(held).lower()}", start
                    )
                    alderman.end, alderman.topics = end, held
                    municipality.aldermen.append(alderman)
            for topic in TOPIC_NAMES:
                servant = _person(
                    rng, domain, f"amb{TOPIC_NAMES.index(topic)}", f"beleidsadviseur {topic.lower()}", first
                )
                servant.topics = (topic,)
                municipality.servants[topic] = servant
            municipalities.append(municipality)
    provinces: dict[str, list[MunicipalityPlan]] = {}
    for municipality in municipalities:
        provinces.setdefault(municipality.province, []).append(municipality)
    return RegistryPlan(municipalities, provinces, {})


def _people(municipality: MunicipalityPlan) -> list[PersonPlan]:
    return [
        municipality.mayor,
        municipality.secretary,
        *municipality.aldermen,
        *municipality.servants.values(),
    ]


def ensure(registry: RegistryPlan, *, now: datetime.datetime) -> int:
    """Write municipalities, population, provinces as partners and the people; returns rows written."""
    written = 0
    with transaction.atomic(), stamped():
        existing = dict(Municipality.objects.values_list("code", "pk"))
        new = [
            Municipality(
                name=m.name,
                slug=m.slug,
                code=m.code,
                country=m.country,
                province=m.province,
                holiday_region=m.holiday_region,
                website=f"https://www.{m.slug}.{'nl' if m.country == 'NL' else 'be'}",
                created=now,
                modified=now,
            )
            for m in registry.municipalities
            if m.code not in existing
        ]
        slugs = set(Municipality.objects.values_list("slug", flat=True))
        for municipality in new:
            while municipality.slug in slugs:
                municipality.slug += "-2"
            slugs.add(municipality.slug)
        Municipality.objects.bulk_create(new, batch_size=500)
        written += len(new)
        existing = dict(Municipality.objects.values_list("code", "pk"))
        for m in registry.municipalities:
            m.pk = existing[m.code]
        figures = set(PopulationFigure.objects.values_list("municipality_id", flat=True))
        reference = datetime.date(now.year, 1, 1)
        rows = [
            PopulationFigure(
                municipality_id=m.pk,
                reference_date=reference,
                count=m.population,
                source="CBS Statline (synthetisch)" if m.country == "NL" else "Statbel (synthetisch)",
                created=now,
                modified=now,
            )
            for m in registry.municipalities
            if m.pk not in figures
        ]
        PopulationFigure.objects.bulk_create(rows, batch_size=1000)
        written += len(rows)
        for province in registry.provinces:
            slug = f"provincie-{slugify(province)}"
            organisation = Organisation.objects.filter(slug=slug).first()
            if organisation is None:
                organisation = Organisation(
                    name=f"Provincie {province}",
                    slug=slug,
                    kind=Organisation.Kind.PROVINCE,
                    country="BE" if province in names.BE_PROVINCES else "NL",
                    created=now,
                    modified=now,
                )
                organisation.save()
                written += 1
            registry.partners[province] = (slug, organisation.pk)
        plans = [person for m in registry.municipalities for person in _people(m)]
        known = dict(Person.objects.filter(email__in=[p.key for p in plans]).values_list("email", "pk"))
        people = [
            Person(
                given_name=p.given,
                family_name_prefix=p.prefix,
                family_name=p.family,
                email=p.key,
                function=p.function,
                created=aware(p.start),
                modified=aware(p.start),
            )
            for p in plans
            if p.key not in known
        ]
        Person.objects.bulk_create(people, batch_size=1000)
        written += len(people)
        known = dict(Person.objects.filter(email__in=[p.key for p in plans]).values_list("email", "pk"))
        for person in plans:
            person.pk = known[person.key]
    return written
