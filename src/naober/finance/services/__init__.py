"""The write path of finance: budgets and their versions, lines with cost keys, and the budget cycle.

Every write validates, runs in one transaction and is audited through `core.services.object_save`.
`by` is an editor of the cooperation, or None for system work (the demo, commands).
"""

from naober.finance.services.budgets import (
    LineInput,
    budget_adopt,
    budget_change_create,
    budget_create,
    budget_line_delete,
    budget_line_save,
    budget_send,
    budget_update,
)
from naober.finance.services.cycle import cycle_generate, cycle_rules_for, cycle_rules_save

__all__ = [
    "LineInput",
    "budget_adopt",
    "budget_change_create",
    "budget_create",
    "budget_line_delete",
    "budget_line_save",
    "budget_send",
    "budget_update",
    "cycle_generate",
    "cycle_rules_for",
    "cycle_rules_save",
]
