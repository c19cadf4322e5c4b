from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

register = template.Library()

PREFERENCES = {
    "spread": _("even spread over the year"),
    "preferred_weekday": _("preferred weekday"),
    "before_holiday": _("not in the week before a holiday"),
    "weekend_deadline": _("documents deadline not in a weekend"),
    "change": _("little change to the accepted plan"),
    "skipped": _("optional meetings not held"),
}


@register.filter
def rule_text(item: dict[str, Any]) -> str:
    """A checker or explanation message in the reader's language (the model marks its templates)."""
    try:
        return gettext(str(item["template"])).format(**item.get("params", {}))
    except (KeyError, IndexError, ValueError):
        return str(item.get("text", ""))


@register.filter
def preference_label(name: str) -> str:
    return str(PREFERENCES.get(name, name))
