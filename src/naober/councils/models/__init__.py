from naober.councils.models.contact import CouncilAddress
from naober.councils.models.memo import InformationMemo, MemoDelivery
from naober.councils.models.round import (
    Addressee,
    ConsultationRound,
    DeadlineRule,
    MemberStatus,
    Outcome,
    OutcomeCorrection,
    RegionalResponse,
    ReminderLog,
    ReminderReason,
    RoundKind,
    RoundMember,
    RoundStatus,
)
from naober.councils.models.rule import DecisionCategory, DecisionRule, RuleKind

__all__ = [
    "Addressee",
    "ConsultationRound",
    "CouncilAddress",
    "DeadlineRule",
    "DecisionCategory",
    "DecisionRule",
    "InformationMemo",
    "MemberStatus",
    "MemoDelivery",
    "Outcome",
    "OutcomeCorrection",
    "RegionalResponse",
    "ReminderLog",
    "ReminderReason",
    "RoundKind",
    "RoundMember",
    "RoundStatus",
    "RuleKind",
]
