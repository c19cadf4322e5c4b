from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def may_audit(user: Any, cooperation: Any) -> bool:
    """Show the links to the audit trail only to those who may read it."""
    from naober.secretariat.audit.selectors import may_audit as allowed

    return cooperation is not None and allowed(user=user, cooperation_id=cooperation.pk)
