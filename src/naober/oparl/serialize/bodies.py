"""System, Body (one per cooperation), LegislativeTerm, and the Organizations of a Body: its own bodies
and, as external organisations, its member municipalities and partner organisations."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse

from naober.governance.models import Body, BodyKind
from naober.oparl import ids
from naober.oparl.serialize.base import Json, date, obj, vendor
from naober.oparl.terms import Term, terms_of
from naober.portal.links import body_path
from naober.registry.models import Cooperation, Municipality, Organisation, Participation

# Body kinds as OParl organisation types and classifications (free strings; these are the ones clients know).
CLASSIFICATION: dict[str, tuple[str, str]] = {
    BodyKind.COUNCIL_ASSEMBLY: ("Gremium", "Parlament"),
    BodyKind.GENERAL_BOARD: ("Gremium", "Vorstand"),
    BodyKind.DAILY_BOARD: ("Gremium", "Vorstand"),
    BodyKind.GOVERNING_MEETING: ("Gremium", "Vorstand"),
    BodyKind.MAYORS_MEETING: ("Gremium", "Vorstand"),
    BodyKind.TRIPLE_HELIX_BOARD: ("Gremium", "Vorstand"),
    BodyKind.COUNCIL_COMMITTEE: ("Gremium", "Ausschuss"),
    BodyKind.PORTFOLIO_MEETING: ("Gremium", "Ausschuss"),
    BodyKind.THEME_TABLE: ("Gremium", "Beirat"),
    BodyKind.STEERING_GROUP: ("Gremium", "Kommission"),
    BodyKind.SECRETARIES_GROUP: ("Gremium", "Arbeitsgruppe"),
    BodyKind.DIRECTORS_MEETING: ("Gremium", "Arbeitsgruppe"),
    BodyKind.CIVIL_SERVANTS_MEETING: ("Gremium", "Arbeitsgruppe"),
    BodyKind.BUREAU: ("Verwaltungsbereich", "Geschäftsstelle"),
    BodyKind.OTHER: ("Sonstiges", "Sonstiges"),
}


def cooperation_path(cooperation: Cooperation) -> str:
    return reverse("portal:cooperation", args=[cooperation.slug])


def system_json(*, created: datetime.datetime, modified: datetime.datetime, name: str) -> Json:
    return obj(
        "System",
        ids.system(),
        created=created,
        modified=modified,
        web="/",
        oparlVersion="https://schema.oparl.org/1.1/",
        body=ids.bodies(),
        name=name,
        vendor="https://github.com/naober/naober",
        product="https://github.com/naober/naober",
    )


def term_json(cooperation: Cooperation, term: Term, *, embedded: bool = False) -> Json:
    return obj(
        "LegislativeTerm",
        ids.legislative_term(cooperation.pk, term.start.year),
        created=cooperation.created,
        modified=cooperation.modified,
        web=cooperation_path(cooperation),
        body=None if embedded else ids.body(cooperation.pk),
        name=term.name,
        startDate=date(term.start),
        endDate=date(term.end),
    )


def body_json(cooperation: Cooperation) -> Json:
    pk = cooperation.pk
    lists = {name: ids.body_list(pk, name) for name in ids.BODY_LISTS}
    data = obj(
        "Body",
        ids.body(pk),
        created=getattr(cooperation, "oparl_created", cooperation.created),
        modified=getattr(cooperation, "oparl_modified", cooperation.modified),
        web=cooperation_path(cooperation),
        system=ids.system(),
        shortName=cooperation.short_name,
        name=cooperation.name,
        website=cooperation.website,
        classification=str(cooperation.get_legal_form_display()),
        **lists,
    )
    data["legislativeTerm"] = [term_json(cooperation, term, embedded=True) for term in terms_of(cooperation)]
    return vendor(
        data,
        slug=cooperation.slug,
        country=cooperation.country,
        legalForm=cooperation.legal_form,
        foundedOn=date(cooperation.founded_on) if cooperation.founded_on else None,
        statuteReference=cooperation.statute_reference,
        mission=cooperation.mission,
        timeZone=cooperation.time_zone,
    )


def body_organization_json(body: Body) -> Json:
    organization_type, classification = CLASSIFICATION.get(body.kind, ("Sonstiges", "Sonstiges"))
    cooperation = body.cooperation
    data = obj(
        "Organization",
        ids.organization(body.pk),
        created=getattr(body, "oparl_created", body.created),
        modified=getattr(body, "oparl_modified", body.modified),
        web=body_path(body, cooperation=cooperation),
        body=ids.body(cooperation.pk),
        name=body.display_name,
        shortName=body.short_name,
        subOrganizationOf=ids.organization(body.prepares_id) if body.prepares_id else None,
        organizationType=organization_type,
        classification=classification,
        startDate=date(body.established_on) if body.established_on else None,
        endDate=date(body.dissolved_on) if body.dissolved_on else None,
    )
    if hasattr(body, "member_count"):  # annotated by selectors.bodies: current memberships
        data["memberCount"] = getattr(body, "member_count")  # noqa: B009
        data["votingMemberCount"] = getattr(body, "voting_member_count")  # noqa: B009
    meetings_per_year = {
        key: value
        for key, value in (("min", body.meetings_per_year_min), ("max", body.meetings_per_year_max))
        if value is not None
    }
    return vendor(
        data,
        bodyKind=body.kind,
        topic=body.topic.name if body.topic else None,
        description=body.description,
        meetingsPerYear=meetings_per_year,
        publicByDefault=body.public_by_default,
        documentsLeadDays=body.documents_lead_days,
        chairRule=body.chair_rule,
    )


def _period(participations: list[Participation]) -> tuple[str | None, str | None]:
    if not participations:
        return None, None
    start = min(item.joined_on for item in participations)
    ends = [item.left_on for item in participations]
    end = None if any(value is None for value in ends) else max(value for value in ends if value is not None)
    return date(start), date(end) if end else None


def _participation_vendor(participations: list[Participation]) -> dict[str, Any]:
    topics = sorted(
        {
            topic.name
            for item in participations
            if item.scope == Participation.Scope.TOPICS
            for topic in item.topics.all()
        }
    )
    return {
        "participations": [
            {
                key: value
                for key, value in (
                    ("role", item.role),
                    ("scope", item.scope),
                    ("joinedOn", date(item.joined_on)),
                    ("leftOn", date(item.left_on) if item.left_on else None),
                    (
                        "topics",
                        sorted(topic.name for topic in item.topics.all())
                        if item.scope == Participation.Scope.TOPICS
                        else None,
                    ),
                )
                if value is not None and value != []
            }
            for item in participations
        ],
        "participationTopics": topics,
    }


def _population(municipality: Municipality) -> dict[str, Any] | None:
    """The latest count on or before today, annotated by `selectors.municipalities`."""
    count = getattr(municipality, "population", None)
    if not count:
        return None
    reference: datetime.date = getattr(municipality, "population_date")  # noqa: B009 - an annotation
    figure: dict[str, Any] = {"count": count, "referenceDate": date(reference)}
    source = getattr(municipality, "population_source", "")
    if source:
        figure["source"] = source
    figure["approximate"] = bool(getattr(municipality, "population_approximate", False))
    return figure


def municipality_json(cooperation: Cooperation, municipality: Municipality) -> Json:
    participations: list[Participation] = getattr(municipality, "oparl_participations", [])
    start, end = _period(participations)
    data = obj(
        "Organization",
        ids.municipality(cooperation.pk, municipality.pk),
        created=getattr(municipality, "oparl_created", municipality.created),
        modified=getattr(municipality, "oparl_modified", municipality.modified),
        web=cooperation_path(cooperation),
        body=ids.body(cooperation.pk),
        name=municipality.name,
        organizationType="Institution",
        classification="Gemeente",
        startDate=start,
        endDate=end,
        website=municipality.website,
    )
    code_key = "cbsCode" if municipality.country == "NL" else "nisCode"
    return vendor(
        data,
        code=municipality.code,
        **{code_key: municipality.code},
        country=municipality.country,
        province=municipality.province,
        population=_population(municipality),
        **_participation_vendor(participations),
    )


def partner_json(cooperation: Cooperation, organisation: Organisation) -> Json:
    participations: list[Participation] = getattr(organisation, "oparl_participations", [])
    start, end = _period(participations)
    data = obj(
        "Organization",
        ids.partner(cooperation.pk, organisation.pk),
        created=getattr(organisation, "oparl_created", organisation.created),
        modified=getattr(organisation, "oparl_modified", organisation.modified),
        web=cooperation_path(cooperation),
        body=ids.body(cooperation.pk),
        name=organisation.name,
        shortName=organisation.short_name,
        organizationType="Institution",
        classification=str(organisation.get_kind_display()),
        startDate=start,
        endDate=end,
        website=organisation.website,
    )
    return vendor(
        data,
        organisationKind=organisation.kind,
        country=organisation.country,
        description=organisation.description,
        **_participation_vendor(participations),
    )
