from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def euro(value: Decimal | None) -> str:
    """€ 1.234,56 in Dutch, € 1,234.56 in English; empty for no amount."""
    if value is None or value == "":
        return "—"
    return "€ " + number_format(value, decimal_pos=2, use_l10n=True, force_grouping=True)


@register.filter
def signed_euro(value: Decimal | None) -> str:
    if value is None:
        return "—"
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return f"{sign} {euro(abs(value))}"


@register.filter
def get_share(shares: dict[int, Decimal], key: int) -> Decimal | None:
    return shares.get(key)


@register.filter
def index(items: list[object], position: int) -> object | None:
    return items[position] if 0 <= position < len(items) else None
