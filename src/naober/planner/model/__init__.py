"""The meeting-cycle planning model: plain Python, no Django (docs/planner.md describes it and its JSON form).

- `problem`: the dataclasses of a planning problem (bodies, preparation links, meeting days, people, closed
  dates, fixed meetings, preferences) and of a plan.
- `jsonform`: the versioned JSON form, read with validation that names the path of a bad field.
- `instances`: the meetings to place, their candidate dates and slots, ideal dates and costs.
- `greedy`, `cpsat`: the baseline planner and the CP-SAT planner.
- `checker`: the independent checker of every hard rule, the preference scores and the lower bound.
- `explain`: why a problem has no plan, as a minimal set of rules in words.
"""

from naober.planner.model.problem import (
    Body,
    Busy,
    ClosedPeriod,
    FixedMeeting,
    Link,
    MeetingDayRule,
    Person,
    Plan,
    PlannedMeeting,
    Preferences,
    Problem,
    Slot,
)

__all__ = [
    "Body",
    "Busy",
    "ClosedPeriod",
    "FixedMeeting",
    "Link",
    "MeetingDayRule",
    "Person",
    "Plan",
    "PlannedMeeting",
    "Preferences",
    "Problem",
    "Slot",
]
