from __future__ import annotations

from django import template

from naober.oparl import ids
from naober.registry.models import Cooperation

register = template.Library()


@register.simple_tag
def oparl_body_url(cooperation: Cooperation) -> str:
    """The cooperation's OParl Body, the entry point for clients that know which region they want."""
    return ids.body(cooperation.pk)


@register.simple_tag
def oparl_system_url() -> str:
    return ids.system()
