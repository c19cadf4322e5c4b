"""Addresses and sending for council mail: clerks (accounts with the clerk role) and council addresses."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage

from naober.access.models import MunicipalityRole
from naober.councils.models import CouncilAddress
from naober.registry.models import Municipality


def clerk_addresses(municipality_ids: list[int]) -> dict[int, list[str]]:
    """The e-mail addresses of the active clerks of each municipality, in one query."""
    rows = (
        MunicipalityRole.objects.filter(
            municipality_id__in=municipality_ids,
            role=MunicipalityRole.Role.CLERK,
            user__is_active=True,
        )
        .exclude(user__email="")
        .values_list("municipality_id", "user__email")
        .order_by("municipality_id", "user__email")
    )
    found: dict[int, list[str]] = {}
    for municipality_id, email in rows:
        found.setdefault(municipality_id, []).append(email)
    return found


def council_addresses(municipality_ids: list[int]) -> dict[int, CouncilAddress]:
    return {
        address.municipality_id: address
        for address in CouncilAddress.objects.filter(municipality_id__in=municipality_ids)
    }


def council_recipients(municipality: Municipality, *, addressee: str = "council") -> list[str]:
    """Where a round's mail for a municipality goes: its council (or college) address, else its clerks."""
    address = council_addresses([municipality.pk]).get(municipality.pk)
    if address is not None:
        chosen = (
            address.college_email
            if addressee == "college" and address.college_email
            else address.council_email
        )
        return [chosen]
    return clerk_addresses([municipality.pk]).get(municipality.pk, [])


def send(*, to: list[str], subject: str, body: str) -> None:
    EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to).send()
