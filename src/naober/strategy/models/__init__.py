from naober.strategy.models.event import Attachment, Event, EventKind, VideoLink
from naober.strategy.models.programme import Goal, Programme, Theme
from naober.strategy.models.project import (
    FundingLine,
    FundingSource,
    Milestone,
    Project,
    ProjectKind,
    ProjectStatus,
)
from naober.strategy.models.results import Indicator, Measurement, ProgressReport

__all__ = [
    "Attachment",
    "Event",
    "EventKind",
    "FundingLine",
    "FundingSource",
    "Goal",
    "Indicator",
    "Measurement",
    "Milestone",
    "Programme",
    "ProgressReport",
    "Project",
    "ProjectKind",
    "ProjectStatus",
    "Theme",
    "VideoLink",
]
