"""Who may see which budget — decided here for every finance channel (pages, statement, exports).

Public documents (Woo: public when sent): a draft budget or budget change once sent to the councils for
their opinion, and an adopted one. A draft before that: only the cooperation's secretariat editors and
administrators, and platform administrators. Council clerks and members of bodies see what visitors see.
"""

from __future__ import annotations

from django.db.models import Q

from naober.access.viewer import Viewer
from naober.finance.models import Budget
from naober.finance.models.budget import PUBLIC_STATUSES


def budgets_visible_q(viewer: Viewer, *, prefix: str = "") -> Q:
    if viewer.is_platform_admin:
        return Q(**{f"{prefix}pk__isnull": False})
    public = Q(**{f"{prefix}status__in": PUBLIC_STATUSES})
    return public | Q(**{f"{prefix}cooperation_id__in": sorted(viewer.editor_cooperation_ids)})


def budget_visible(viewer: Viewer, budget: Budget) -> bool:
    return budget.is_public or viewer.may_edit(budget.cooperation_id)
