"""Every OParl object's one canonical URL, built in this module and nowhere else.

Numbers, never slugs: a slug may change, an OParl id may not. Objects that exist once per cooperation
(persons and external organisations: a municipality takes part in many cooperations, a person may sit in
bodies of several) live under their Body; everything else belongs to exactly one cooperation and has a flat
address. No trailing slash except on the System itself.
"""

from __future__ import annotations

from django.conf import settings

SCHEMA = "https://schema.oparl.org/1.1/"
PREFIX = "/oparl/v1.1/"


def base() -> str:
    return settings.NAOBER_SITE_URL.rstrip("/") + PREFIX


def type_of(name: str) -> str:
    return SCHEMA + name


def system() -> str:
    return base()


def bodies() -> str:
    return base() + "body"


def body(cooperation_id: int) -> str:
    return f"{base()}body/{cooperation_id}"


def body_list(cooperation_id: int, name: str) -> str:
    """One of a Body's external lists (BODY_LISTS)."""
    return f"{body(cooperation_id)}/{name}"


BODY_LISTS = (
    "organization",
    "person",
    "meeting",
    "paper",
    "agendaItem",
    "consultation",
    "file",
    "locationList",
    "legislativeTermList",
    "membership",
)


def organization(body_id: int) -> str:
    return f"{base()}organization/{body_id}"


def municipality(cooperation_id: int, municipality_id: int) -> str:
    return f"{body(cooperation_id)}/municipality/{municipality_id}"


def partner(cooperation_id: int, organisation_id: int) -> str:
    return f"{body(cooperation_id)}/partner/{organisation_id}"


def person(cooperation_id: int, person_id: int) -> str:
    return f"{body(cooperation_id)}/person/{person_id}"


def legislative_term(cooperation_id: int, start_year: int) -> str:
    return f"{body(cooperation_id)}/legislativeTerm/{start_year}"


def membership(pk: int) -> str:
    return f"{base()}membership/{pk}"


def meeting(pk: int) -> str:
    return f"{base()}meeting/{pk}"


def location(meeting_id: int) -> str:
    """A meeting's place: meetings carry their location as text, so each meeting has its own Location."""
    return f"{base()}location/{meeting_id}"


def agenda_item(pk: int) -> str:
    return f"{base()}agendaItem/{pk}"


def paper(pk: int) -> str:
    return f"{base()}paper/{pk}"


def consultation(pk: int) -> str:
    return f"{base()}consultation/{pk}"


def council_consultation(pk: int) -> str:
    """A member council's step in a consultation round (naober.councils.oparl.CouncilStep)."""
    return f"{base()}councilConsultation/{pk}"


def file(pk: int) -> str:
    return f"{base()}file/{pk}"


def file_access(pk: int) -> str:
    return f"{file(pk)}/access"


def file_download(pk: int) -> str:
    return f"{file(pk)}/download"


def path_of(url: str) -> str:
    """The path of one of our URLs (for comparing a request against the canonical form)."""
    return url[len(settings.NAOBER_SITE_URL.rstrip("/")) :]
