"""The budget cycle of a Wgr body: its rules, and the year's milestones generated from them."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from naober.core.models import Channel
from naober.core.services import Actor, object_save
from naober.finance.cycle import cycle_plan
from naober.finance.models import Budget, CycleRules, Milestone
from naober.finance.services.common import require_editor
from naober.registry.models import Cooperation, Participation
from naober.registry.selectors import participation_active_q

RULE_FIELDS = (
    "kaders_month",
    "kaders_day",
    "board_month",
    "board_day",
    "send_weeks_before_board",
    "opinion_weeks",
    "province_weeks_after_adoption",
    "province_month",
    "province_day",
    "accounts_month",
    "accounts_day",
)


def cycle_rules_for(*, cooperation: Cooperation) -> CycleRules:
    """The cooperation's rules, or (unsaved) the defaults of rules.md §2."""
    return CycleRules.objects.filter(cooperation=cooperation).first() or CycleRules(cooperation=cooperation)


def cycle_rules_save(
    *, cooperation: Cooperation, values: dict[str, int], by: Actor, channel: str = Channel.SECRETARIAT
) -> CycleRules:
    require_editor(by=by, cooperation_id=cooperation.pk)
    rules = cycle_rules_for(cooperation=cooperation)
    for name in RULE_FIELDS:
        if name in values:
            setattr(rules, name, values[name])
    return object_save(instance=rules, by=by, channel=channel)


def is_wgr(cooperation: Cooperation) -> bool:
    return cooperation.legal_form.startswith("wgr-")


def cycle_generate(
    *, cooperation: Cooperation, budget_year: int, by: Actor, channel: str = Channel.SECRETARIAT
) -> list[Milestone]:
    """(Re)generate the milestones of the budget of `budget_year`; the board date is the budget's own if
    it has one. Warns (on the opinion period) when it overlaps a member council's summer recess."""
    require_editor(by=by, cooperation_id=cooperation.pk)
    if not is_wgr(cooperation):
        raise ValidationError(
            _("%(cooperation)s is no Wgr body: the legal budget cycle does not apply.")
            % {"cooperation": cooperation.name}
        )
    if not 2000 <= budget_year <= 2100:
        raise ValidationError(_("Choose a year between 2000 and 2100."))
    rules = cycle_rules_for(cooperation=cooperation)
    budget = Budget.objects.filter(cooperation=cooperation, year=budget_year, version=1).first()
    regions = Participation.objects.filter(
        participation_active_q(on=rules_reference_day(budget_year)),
        cooperation=cooperation,
        municipality__isnull=False,
        role=Participation.Role.MEMBER,
    ).values_list("municipality__holiday_region", flat=True)
    planned = cycle_plan(
        rules=rules,
        budget_year=budget_year,
        board_date=budget.board_treats_on if budget is not None else None,
        regions=list(regions),
    )
    existing = {m.kind: m for m in Milestone.objects.filter(cooperation=cooperation, budget_year=budget_year)}
    saved = []
    with transaction.atomic():
        for item in planned:
            milestone = existing.get(item.kind) or Milestone(
                cooperation=cooperation, budget_year=budget_year, kind=item.kind
            )
            milestone.due_on = item.due_on
            milestone.recess_overlap_days = item.recess_overlap_days
            milestone.after_deadline = item.after_deadline
            saved.append(object_save(instance=milestone, by=by, channel=channel))
    return saved


def rules_reference_day(budget_year: int) -> datetime.date:
    """Whose councils count for the recess: the members when the budget is prepared."""
    return datetime.date(budget_year - 1, 1, 1)
