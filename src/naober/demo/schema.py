"""Reading the demo data: every file parsed and every record checked before anything is written.

A data directory holds `*.yaml` files, read in name order. Each file is a mapping of sections:

- `municipalities`, `organisations`: the shared registers (any file may hold them; the shipped data keeps them
  in `municipalities.yaml` and `organisations.yaml`);
- `cooperation` with its `topics`, `participations`, `bodies` and `persons`: one cooperation per file. Persons
  list their memberships, which name bodies of the same file.

The header comment of each shipped file documents its fields. The first problem found raises a DemoDataError
that names the file, the line, the record and the field.
"""

from __future__ import annotations

import re
import zoneinfo
from pathlib import Path

from django.utils.text import slugify

from naober.core.models import Country
from naober.demo.cooperation_schema import CooperationReader
from naober.demo.errors import DemoDataError, Place
from naober.demo.fields import Fields, check_unique, describe, section_records, unknown
from naober.demo.records import CooperationData, DemoData, MunicipalityData, OrganisationData, PopulationData
from naober.demo.yaml_files import LinedMapping, yaml_file_read
from naober.registry.models import HolidayRegion, LegalForm, Organisation
from naober.registry.theme import HEX_COLOUR, MINIMUM_CONTRAST, contrast_ratio

SHARED_SECTIONS = ("municipalities", "organisations")
COOPERATION_SECTIONS = ("topics", "participations", "bodies", "persons")
CODE_FORMATS = {
    "NL": (re.compile(r"^GM\d{4}$"), "a CBS code (GM and four digits, e.g. GM0307)"),
    "BE": (re.compile(r"^\d{5}$"), "a NIS code (five digits, e.g. 41002)"),
}
HOLIDAY_REGION_COUNTRY = {"nl-noord": "NL", "nl-midden": "NL", "nl-zuid": "NL", "be-vl": "BE"}
PERSON_KEY = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")


def theme_colour(fields: Fields, name: str) -> str:
    """An optional `#rrggbb` colour (quoted in YAML: # starts a comment) that keeps white text readable."""
    colour = fields.text(name)
    if not colour:
        if fields.has(name):  # `primary_colour: #1d4f91` reads as an empty value followed by a comment
            raise fields.error(name, 'no colour given; write it in quotes, e.g. "#1d4f91"')
        return ""
    if not HEX_COLOUR.match(colour):
        raise fields.error(name, f'"{colour}" is not a colour like "#1d4f91" (quote it: # starts a comment)')
    ratio = contrast_ratio(colour, "#ffffff")
    if ratio < MINIMUM_CONTRAST:
        raise fields.error(
            name,
            f"white text on {colour} has a contrast of {ratio:.1f}:1; {MINIMUM_CONTRAST}:1 is needed",
        )
    return colour.lower()


def demo_data_read(*, directory: Path) -> DemoData:
    """Read and check every `*.yaml` file in `directory`; raises DemoDataError at the first problem."""
    if not directory.is_dir():
        raise DemoDataError(f"{directory}: not a directory")
    paths = sorted(directory.glob("*.yaml"))
    if not paths:
        raise DemoDataError(f"{directory}: no *.yaml data files")
    documents = [(path.name, yaml_file_read(path)) for path in paths]
    for file, document in documents:
        _check_sections(file, document)
    reader = RegisterReader()
    for file, document in documents:
        for place, raw in section_records(file, document, "municipalities"):
            reader.municipality(raw, place)
    for file, document in documents:
        for place, raw in section_records(file, document, "organisations"):
            reader.organisation(raw, place)
    cooperations = [
        reader.cooperation(file, document) for file, document in documents if "cooperation" in document
    ]
    return DemoData(
        municipalities=tuple(reader.municipalities.values()),
        organisations=tuple(reader.organisations.values()),
        cooperations=tuple(cooperations),
    )


def _check_sections(file: str, document: LinedMapping) -> None:
    known = ("cooperation", *SHARED_SECTIONS, *COOPERATION_SECTIONS)
    for name, value in document.items():
        place = Place(file, f'section "{name}"', document.value_lines[name])
        if name not in known:
            raise place.error(unknown("section", name, known))
        if name in COOPERATION_SECTIONS and "cooperation" not in document:
            raise place.error('belongs to a cooperation, but the file has no "cooperation" section')
        expected = "a mapping" if name == "cooperation" else "a list"
        if value is not None and not isinstance(value, dict if name == "cooperation" else list):
            raise place.error(f"expected {expected}, not {describe(value)}")


class RegisterReader:
    """Reads the shared registers and the cooperations, keeping what later records refer to."""

    def __init__(self) -> None:
        self.municipalities: dict[str, MunicipalityData] = {}
        self.organisations: dict[str, OrganisationData] = {}
        self._codes: dict[str, Place] = {}
        self._participant_slugs: dict[str, Place] = {}  # municipalities and organisations share one namespace
        self._cooperation_slugs: dict[str, Place] = {}
        self._person_keys: dict[str, Place] = {}

    def municipality(self, raw: object, place: Place) -> None:
        fields = Fields(
            raw,
            place,
            required=("code", "name", "country", "province", "holiday_region"),
            optional=("slug", "website", "population"),
        )
        code, name = fields.text("code"), fields.text("name")
        country = fields.choice("country", Country.values)
        pattern, expected = CODE_FORMATS[country]
        if not pattern.match(code):
            raise fields.error("code", f'"{code}" is not {expected}')
        check_unique(fields, "code", code, self._codes, "code")
        slug = fields.slug("slug") if fields.has("slug") else slugify(name)
        check_unique(fields, "slug" if fields.has("slug") else "name", slug, self._participant_slugs, "slug")
        holiday_region = fields.choice("holiday_region", HolidayRegion.values)
        if HOLIDAY_REGION_COUNTRY[holiday_region] != country:
            raise fields.error(
                "holiday_region", f'"{holiday_region}" is not a school-holiday region of {country}'
            )
        figures: list[PopulationData] = []
        for index, item in enumerate(fields.items("population")):
            figure = Fields(
                item,
                place.child(f"population[{index}]", fields.line("population")),
                required=("reference_date", "count", "source", "approximate"),
            )
            reference_date = figure.required_date("reference_date")
            if any(earlier.reference_date == reference_date for earlier in figures):
                raise figure.error("reference_date", f"a second figure for {reference_date.isoformat()}")
            figures.append(
                PopulationData(
                    place=figure.place,
                    reference_date=reference_date,
                    count=figure.integer("count", minimum=1) or 0,
                    source=figure.text("source"),
                    approximate=bool(figure.boolean("approximate")),
                )
            )
        self.municipalities[slug] = MunicipalityData(
            place=fields.place,
            code=code,
            name=name,
            slug=slug,
            country=country,
            province=fields.text("province"),
            holiday_region=holiday_region,
            website=fields.text("website"),
            population=tuple(figures),
        )

    def organisation(self, raw: object, place: Place) -> None:
        fields = Fields(
            raw,
            place,
            required=("slug", "name", "kind", "country"),
            optional=("short_name", "website", "description"),
        )
        slug = fields.slug("slug")
        check_unique(fields, "slug", slug, self._participant_slugs, "slug")
        self.organisations[slug] = OrganisationData(
            place=fields.place,
            slug=slug,
            name=fields.text("name"),
            short_name=fields.text("short_name"),
            kind=fields.choice("kind", Organisation.Kind.values),
            country=fields.choice("country", Country.values),
            website=fields.text("website"),
            description=fields.text("description"),
        )

    def cooperation(self, file: str, document: LinedMapping) -> CooperationData:
        fields = Fields(
            document["cooperation"],
            Place(file, "cooperation", document.value_lines["cooperation"]),
            required=("slug", "name", "country", "legal_form", "time_zone"),
            optional=(
                "short_name",
                "founded_on",
                "statute_reference",
                "mission",
                "vision",
                "strategic_goals",
                "website",
                "primary_colour",
                "accent_colour",
            ),
        )
        slug = fields.slug("slug")
        check_unique(fields, "slug", slug, self._cooperation_slugs, "cooperation slug")
        time_zone = fields.text("time_zone")
        if time_zone not in zoneinfo.available_timezones():
            raise fields.error("time_zone", f'"{time_zone}" is not a known time zone (e.g. Europe/Amsterdam)')
        name, short_name = fields.text("name"), fields.text("short_name")
        country, legal_form = (
            fields.choice("country", Country.values),
            fields.choice("legal_form", LegalForm.values),
        )
        founded_on, statute_reference = fields.date("founded_on"), fields.text("statute_reference")
        mission, vision, website = fields.text("mission"), fields.text("vision"), fields.text("website")
        strategic_goals = tuple(fields.text_list("strategic_goals"))
        primary_colour, accent_colour = (
            theme_colour(fields, "primary_colour"),
            theme_colour(fields, "accent_colour"),
        )
        sections = CooperationReader(self, file, document)
        return CooperationData(
            place=fields.place,
            slug=slug,
            name=name,
            short_name=short_name,
            country=country,
            legal_form=legal_form,
            founded_on=founded_on,
            statute_reference=statute_reference,
            mission=mission,
            vision=vision,
            strategic_goals=strategic_goals,
            website=website,
            time_zone=time_zone,
            primary_colour=primary_colour,
            accent_colour=accent_colour,
            topics=tuple(sections.topics.values()),
            participations=tuple(sections.participations),
            bodies=sections.bodies_in_order(),
            persons=tuple(sections.persons),
        )

    def participant(self, fields: Fields, name: str) -> tuple[str | None, str | None]:
        """A municipality or organisation slug, as (municipality, organisation); (None, None) when absent."""
        slug = fields.slug(name)
        if not slug:
            return None, None
        if slug in self.municipalities:
            return slug, None
        if slug in self.organisations:
            return None, slug
        raise fields.error(
            name, unknown("municipality or organisation", slug, [*self.municipalities, *self.organisations])
        )

    def person_key(self, fields: Fields, key: str) -> None:
        if not PERSON_KEY.match(key):
            raise fields.error(
                "key", f'"{key}" is not a person key (lower-case letters and digits, joined by . or -)'
            )
        check_unique(fields, "key", key, self._person_keys, "person key")
