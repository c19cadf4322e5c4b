"""Template helpers of the strategic agenda for pages of other apps (the portal's decision list)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def served_for(served: dict[int, list[Any]] | None, pk: int) -> list[Any]:
    """The goals and projects one decision serves, from `served_by_decisions`."""
    return (served or {}).get(pk, [])
