"""Template filters for the portal's addresses (`naober.portal.links`) and small labels."""

from __future__ import annotations

from django import template

from naober.governance.models import Body
from naober.meetings.models import AgendaItem, Dossier, Meeting
from naober.portal import links

register = template.Library()


@register.filter
def meeting_url(meeting: Meeting) -> str:
    return links.meeting_path(meeting)


@register.filter
def agenda_item_url(item: AgendaItem) -> str:
    return links.agenda_item_path(item)


@register.filter
def dossier_url(dossier: Dossier) -> str:
    return links.dossier_path(dossier)


@register.filter
def body_url(body: Body) -> str:
    return links.body_path(body)


@register.filter
def webcal(url: str) -> str:
    """The `webcal://` form of an absolute http(s) address: calendar apps subscribe to it directly."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            return "webcal://" + url[len(scheme) :]
    return url
