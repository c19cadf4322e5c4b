from naober.finance.models.budget import Budget, BudgetLine, BudgetStatus, CostKey, CostKeyShare, LineKind
from naober.finance.models.cycle import CycleRules, Milestone, MilestoneKind

__all__ = [
    "Budget",
    "BudgetLine",
    "BudgetStatus",
    "CostKey",
    "CostKeyShare",
    "CycleRules",
    "LineKind",
    "Milestone",
    "MilestoneKind",
]
