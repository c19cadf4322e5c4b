"""Reading one cooperation file: its topics, participations, bodies and persons with their memberships."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from naober.demo.errors import Place
from naober.demo.fields import Fields, describe, section_records, unknown
from naober.demo.records import BodyData, MembershipData, ParticipationData, PersonData, TopicData
from naober.demo.yaml_files import LinedMapping
from naober.governance.models import BodyKind, ExOfficioFunction, MembershipRole
from naober.registry.models import Participation

if TYPE_CHECKING:
    from naober.demo.schema import RegisterReader

# Roles in which someone holds the portfolio of a BO's topic: the default portfolio of such a membership.
PORTFOLIO_ROLES = (
    MembershipRole.CHAIR,
    MembershipRole.VICE_CHAIR,
    MembershipRole.MEMBER,
    MembershipRole.SUBSTITUTE,
)


class CooperationReader:
    """The sections of one cooperation file, read in the order their references need."""

    def __init__(self, reader: RegisterReader, file: str, document: LinedMapping) -> None:
        self.reader = reader
        self.topics: dict[str, TopicData] = {}
        self.participations: list[ParticipationData] = []
        self.bodies: dict[str, BodyData] = {}
        self.persons: list[PersonData] = []
        self._chairs: dict[str, list[MembershipData]] = {}
        self._membership_keys: set[tuple[str, str, str, datetime.date]] = set()
        for place, raw in section_records(file, document, "topics"):
            self.topic(raw, place)
        for place, raw in section_records(file, document, "participations"):
            self.participation(raw, place)
        body_fields = [self.body(raw, place) for place, raw in section_records(file, document, "bodies")]
        for fields in body_fields:
            self.check_preparation(fields)
        for place, raw in section_records(file, document, "persons"):
            self.person(raw, place)

    def topic(self, raw: object, place: Place) -> None:
        fields = Fields(raw, place, required=("slug", "name"), optional=("is_theme", "description"))
        slug = fields.slug("slug")
        if slug in self.topics:
            raise fields.error("slug", f'topic "{slug}" is listed twice')
        self.topics[slug] = TopicData(
            place=fields.place,
            slug=slug,
            name=fields.text("name"),
            is_theme=bool(fields.boolean("is_theme", default=False)),
            description=fields.text("description"),
        )

    def topic_ref(self, fields: Fields, name: str) -> str | None:
        """The topic named in field `name`: one of this cooperation's; None when the field is empty."""
        slug = fields.slug(name) or None
        if slug is not None and slug not in self.topics:
            raise fields.error(name, unknown("topic", slug, self.topics))
        return slug

    def topic_list(self, fields: Fields, name: str) -> tuple[str, ...]:
        slugs = tuple(fields.text_list(name))
        for slug in slugs:
            if slug not in self.topics:
                raise fields.error(name, unknown("topic", slug, self.topics))
        return slugs

    def participation(self, raw: object, place: Place) -> None:
        fields = Fields(
            raw,
            place,
            required=("joined_on",),
            optional=("municipality", "organisation", "role", "left_on", "topics", "note"),
        )
        if fields.has("municipality") == fields.has("organisation"):
            raise fields.place.error('give either "municipality" or "organisation"', field="municipality")
        name = "municipality" if fields.has("municipality") else "organisation"
        municipality, organisation = self.reader.participant(fields, name)
        if name == "municipality" and municipality is None:
            raise fields.error(name, f'"{organisation}" is an organisation, not a municipality')
        if name == "organisation" and organisation is None:
            raise fields.error(name, f'"{municipality}" is a municipality, not an organisation')
        default_role = Participation.Role.MEMBER if municipality else Participation.Role.PARTNER
        joined_on, left_on = fields.required_date("joined_on"), fields.date("left_on")
        fields.date_order(joined_on, left_on, end_field="left_on")
        participation = ParticipationData(
            place=fields.place,
            municipality=municipality,
            organisation=organisation,
            role=fields.choice("role", Participation.Role.values, default=default_role),
            joined_on=joined_on,
            left_on=left_on,
            note=fields.text("note"),
            topics=self.topic_list(fields, "topics"),
        )
        for earlier in self.participations:
            same = (earlier.municipality, earlier.organisation) == (municipality, organisation)
            if (
                same
                and earlier.joined_on < (left_on or datetime.date.max)
                and joined_on < (earlier.left_on or datetime.date.max)
            ):
                raise fields.error(
                    "joined_on", f"overlaps {earlier.place.record} (joined {earlier.joined_on})"
                )
        self.participations.append(participation)

    def body(self, raw: object, place: Place) -> Fields:
        fields = Fields(
            raw,
            place,
            required=("slug", "name", "kind"),
            optional=(
                "short_name",
                "topic",
                "prepares",
                "description",
                "meetings_per_year_min",
                "meetings_per_year_max",
                "public_by_default",
                "chair_rule",
                "chair_ex_officio_municipality",
                "chair_ex_officio_function",
                "established_on",
                "dissolved_on",
            ),
        )
        slug = fields.slug("slug")
        if slug in self.bodies:
            raise fields.error("slug", f'body "{slug}" is listed twice')
        low, high = fields.integer("meetings_per_year_min"), fields.integer("meetings_per_year_max")
        if low is not None and high is not None and high < low:
            raise fields.error("meetings_per_year_max", f"{high} is below the minimum {low}")
        chair_municipality = fields.slug("chair_ex_officio_municipality") or None
        if chair_municipality is not None and chair_municipality not in self.reader.municipalities:
            raise fields.error(
                "chair_ex_officio_municipality",
                unknown("municipality", chair_municipality, self.reader.municipalities),
            )
        chair_function = fields.choice("chair_ex_officio_function", ExOfficioFunction.values)
        if (chair_municipality is None) != (not chair_function):
            raise fields.place.error(
                "an ex officio chair needs both chair_ex_officio_municipality and chair_ex_officio_function",
                field="chair_ex_officio_function",
            )
        established_on, dissolved_on = fields.date("established_on"), fields.date("dissolved_on")
        fields.date_order(established_on, dissolved_on, end_field="dissolved_on")
        self.bodies[slug] = BodyData(
            place=fields.place,
            slug=slug,
            name=fields.text("name"),
            short_name=fields.text("short_name"),
            kind=fields.choice("kind", BodyKind.values),
            topic=self.topic_ref(fields, "topic"),
            prepares=fields.slug("prepares") or None,
            description=fields.text("description"),
            meetings_per_year_min=low,
            meetings_per_year_max=high,
            public_by_default=bool(fields.boolean("public_by_default", default=False)),
            chair_rule=fields.text("chair_rule"),
            chair_ex_officio_municipality=chair_municipality,
            chair_ex_officio_function=chair_function,
            established_on=established_on,
            dissolved_on=dissolved_on,
        )
        return fields

    def check_preparation(self, fields: Fields) -> None:
        """`prepares` names a body of this file, and following the chain never comes back."""
        chain = [self.bodies[fields.text("slug")]]
        while chain[-1].prepares is not None:
            slug = chain[-1].prepares
            if slug not in self.bodies:
                raise fields.error("prepares", unknown("body", slug, self.bodies))
            chain.append(self.bodies[slug])
            if chain[-1] is chain[0]:
                raise fields.error("prepares", f"circular: {' → '.join(body.slug for body in chain)}")

    def bodies_in_order(self) -> tuple[BodyData, ...]:
        ordered: dict[str, BodyData] = {}

        def add(body: BodyData) -> None:
            if body.prepares is not None and body.prepares not in ordered:
                add(self.bodies[body.prepares])
            ordered.setdefault(body.slug, body)

        for body in self.bodies.values():
            add(body)
        return tuple(ordered.values())

    def person(self, raw: object, place: Place) -> None:
        fields = Fields(
            raw,
            place,
            required=("key", "name", "memberships"),
            optional=("function", "on_behalf_of", "start_date", "end_date"),
        )
        key = fields.text("key")
        self.reader.person_key(fields, key)
        names = fields.text_list("name")
        if len(names) not in (2, 3):
            raise fields.error(
                "name", "expected [given name, family name] or [given name, prefix, family name]"
            )
        defaults = _MembershipDefaults(
            on_behalf_of=self.reader.participant(fields, "on_behalf_of"),
            start_date=fields.date("start_date"),
            end_date=fields.date("end_date"),
        )
        fields.date_order(defaults.start_date, defaults.end_date, end_field="end_date")
        items = fields.items("memberships")
        if not items:
            raise fields.error("memberships", "a person needs at least one membership")
        memberships = tuple(
            self.membership(
                item, fields.place.child(f"memberships[{index}]", fields.line("memberships")), key, defaults
            )
            for index, item in enumerate(items)
        )
        self.persons.append(
            PersonData(
                place=fields.place,
                key=key,
                given_name=names[0],
                family_name_prefix=names[1] if len(names) == 3 else "",
                family_name=names[-1],
                function=fields.text("function"),
                memberships=memberships,
            )
        )

    def membership(
        self, item: object, place: Place, person: str, defaults: _MembershipDefaults
    ) -> MembershipData:
        """`body`, `body: role` or `body: {role: …, start_date: …, end_date: …, on_behalf_of: …, …}`."""
        options: object = None
        if isinstance(item, str):
            body_slug = item.strip()
        elif isinstance(item, LinedMapping) and len(item) == 1:
            body_slug, options = next(iter(item.items()))
        else:
            raise place.error(
                'expected "body", "body: role" or "body: {role: ..., start_date: ...}", '
                f"not {describe(item)}"
            )
        place = Place(place.file, f'{place.record} "{body_slug}"', getattr(item, "line", None) or place.line)
        if body_slug not in self.bodies:
            raise place.error(unknown("body", body_slug, self.bodies))
        body = self.bodies[body_slug]
        if options is None or isinstance(options, str):
            role, options = options, LinedMapping(place.line or 0)
            if role is not None:
                options["role"] = role
        fields = Fields(
            options,
            place,
            required=(),
            optional=("role", "start_date", "end_date", "on_behalf_of", "portfolio", "voting_right"),
        )
        role = fields.choice("role", MembershipRole.values, default=MembershipRole.MEMBER)
        start_date = fields.date("start_date") or defaults.start_date
        if start_date is None:
            raise fields.error("start_date", "no start date (give it here or on the person)")
        end_date = fields.date("end_date") if fields.has("end_date") else defaults.end_date
        fields.date_order(start_date, end_date, end_field="end_date")
        municipality, organisation = (
            self.reader.participant(fields, "on_behalf_of")
            if fields.has("on_behalf_of")
            else defaults.on_behalf_of
        )
        portfolio = self.topic_ref(fields, "portfolio")
        if (
            portfolio is None
            and body.kind == BodyKind.PORTFOLIO_MEETING
            and municipality
            and role in PORTFOLIO_ROLES
        ):
            portfolio = body.topic
        membership = MembershipData(
            place=fields.place,
            body=body_slug,
            role=role,
            start_date=start_date,
            end_date=end_date,
            on_behalf_of_municipality=municipality,
            on_behalf_of_organisation=organisation,
            portfolio=portfolio,
            voting_right=fields.boolean("voting_right"),
        )
        self.check_membership(fields, membership, person, body)
        return membership

    def check_membership(
        self, fields: Fields, membership: MembershipData, person: str, body: BodyData
    ) -> None:
        key = (membership.body, person, membership.role, membership.start_date)
        if key in self._membership_keys:
            raise fields.place.error(f"listed twice (same body, role and start date {membership.start_date})")
        self._membership_keys.add(key)
        participant = membership.on_behalf_of_municipality or membership.on_behalf_of_organisation
        if participant is not None:
            participation = next(
                (
                    item
                    for item in self.participations
                    if participant in (item.municipality, item.organisation)
                    and item.covers(membership.start_date)
                ),
                None,
            )
            if participation is None:
                raise fields.error(
                    "on_behalf_of",
                    f'"{participant}" does not take part in this cooperation on '
                    f"{membership.start_date} (see participations)",
                )
            if participation.topics and body.topic and body.topic not in participation.topics:
                raise fields.error(
                    "on_behalf_of",
                    f'"{participant}" takes part only in topics '
                    f'{", ".join(participation.topics)}, not in "{body.topic}"',
                )
        if membership.role == MembershipRole.CHAIR:
            for other in self._chairs.setdefault(membership.body, []):
                if other.start_date < (membership.end_date or datetime.date.max) and membership.start_date < (
                    other.end_date or datetime.date.max
                ):
                    raise fields.error(
                        "role", f'body "{membership.body}" already has a chair then: {other.place.record}'
                    )
            self._chairs[membership.body].append(membership)


@dataclass(frozen=True)
class _MembershipDefaults:
    on_behalf_of: tuple[str | None, str | None]
    start_date: datetime.date | None
    end_date: datetime.date | None
