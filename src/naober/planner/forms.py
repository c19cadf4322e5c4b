from __future__ import annotations

import datetime
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.planner.model.problem import Plan, Problem, Slot


class PinForm(forms.Form):
    """Pin one meeting of the proposal on a date and time; the rest is planned again around it. Meetings of
    a preparing body (an AO) follow the meeting they prepare, so they are not pinned themselves."""

    meeting = forms.ChoiceField(label=_("Meeting"))
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.ChoiceField(label=_("Time"))

    def __init__(self, *args: Any, problem: Problem, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.problem, self.plan = problem, plan
        names = {body.id: body.name for body in problem.bodies}
        meeting_field = cast(forms.ChoiceField, self.fields["meeting"])
        time_field = cast(forms.ChoiceField, self.fields["time"])
        meeting_field.choices = [
            (meeting.key, f"{names[meeting.body]} — {meeting.date:%d-%m-%Y} {meeting.slot}")
            for meeting in sorted(plan.meetings, key=lambda item: (item.date, item.slot))
            if not meeting.fixed and problem.prepares(meeting.body) is None
        ]
        slots = sorted({str(slot) for body in problem.bodies for slot in self._slots(body.id)})
        time_field.choices = [(slot, slot) for slot in slots]

    def _slots(self, body_id: str) -> tuple[Slot, ...]:
        body = self.problem.body(body_id)
        if body.slots:
            return body.slots
        return self.problem.meeting_day(body.meeting_day).slots if body.meeting_day else ()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        key, day, time = data.get("meeting"), data.get("date"), data.get("time")
        if not key or day is None or not time:
            return data
        meeting = self.plan.by_key()[key]
        if str(time) not in {str(slot) for slot in self._slots(meeting.body)}:
            self.add_error("time", _("This body does not meet at that time."))
        first = self.problem.first_day - datetime.timedelta(days=70)
        if not first <= day <= self.problem.last_day:
            self.add_error("date", _("Choose a date in the planning year."))
        data["body"] = meeting.body
        return data
