"""Input shapes of the secretariat UI: parse and validate, nothing else; the services decide."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from naober.core.models import Confidentiality
from naober.governance.models import Body
from naober.meetings.models import (
    ActionKind,
    AgendaItemKind,
    AttendanceStatus,
    ConsultationRole,
    DecisionOutcome,
    DocumentKind,
    Meeting,
)
from naober.registry.models import Cooperation

# Secret is not chosen from a list: it is imposed with its body, ground and recipients (SecrecyForm).
OPEN_LEVELS = [
    (Confidentiality.PUBLIC.value, Confidentiality.PUBLIC.label),
    (Confidentiality.CONFIDENTIAL.value, Confidentiality.CONFIDENTIAL.label),
]


class VersionedForm(forms.Form):
    """Carries the meeting version the editor saw, for optimistic concurrency."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class MeetingPlanForm(forms.Form):
    body = forms.ModelChoiceField(label=_("Body"), queryset=Body.objects.none())
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}))
    end_time = forms.TimeField(label=_("End time"), widget=forms.TimeInput(attrs={"type": "time"}))
    location = forms.CharField(label=_("Location"), max_length=300, required=False)
    online_url = forms.URLField(label=_("Online meeting link"), required=False, assume_scheme="https")
    is_public = forms.BooleanField(label=_("Public meeting"), required=False)
    meeting_day = forms.CharField(
        label=_("Part of a meeting day"),
        max_length=200,
        required=False,
        help_text=_("For example Regiomiddag: the meetings of that day share one combined agenda."),
    )
    joint_bodies = forms.ModelMultipleChoiceField(
        label=_("Meets jointly with"),
        queryset=Body.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, cooperation: Cooperation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bodies = Body.objects.filter(cooperation=cooperation).select_related("topic").order_by("name")
        cast("forms.ModelChoiceField[Any]", self.fields["body"]).queryset = bodies
        cast("forms.ModelChoiceField[Any]", self.fields["joint_bodies"]).queryset = bodies
        self.time_zone = zoneinfo.ZoneInfo(cooperation.time_zone)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if {"date", "start_time", "end_time"} <= data.keys():
            data["start"] = datetime.datetime.combine(data["date"], data["start_time"], tzinfo=self.time_zone)
            data["end"] = datetime.datetime.combine(data["date"], data["end_time"], tzinfo=self.time_zone)
            if data["end"] <= data["start"]:
                raise ValidationError({"end_time": _("The end must lie after the start.")})
        return data


class AgendaItemForm(VersionedForm):
    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=AgendaItemKind.choices, initial=AgendaItemKind.DISCUSSION
    )
    confidentiality = forms.ChoiceField(
        label=_("Confidentiality"), choices=OPEN_LEVELS, initial=Confidentiality.PUBLIC
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class AgendaItemEditForm(VersionedForm):
    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=AgendaItemKind.choices)
    # Left out for a secret item, whose level only the secrecy form changes.
    confidentiality = forms.ChoiceField(label=_("Confidentiality"), choices=OPEN_LEVELS, required=False)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class MoveForm(VersionedForm):
    to_meeting = forms.ModelChoiceField(label=_("To meeting"), queryset=Meeting.objects.none())

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[Any]", self.fields["to_meeting"]).queryset = later_meetings(meeting)


class ForwardForm(forms.Form):
    to_body = forms.ModelChoiceField(label=_("To body"), queryset=Body.objects.none())
    role = forms.ChoiceField(
        label=_("Role there"), choices=ConsultationRole.choices, initial=ConsultationRole.DECIDE
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[Any]", self.fields["to_body"]).queryset = (
            Body.objects.filter(cooperation_id=meeting.cooperation_id)
            .exclude(pk=meeting.body_id)
            .select_related("topic")
            .order_by("name")
        )
        if meeting.body.prepares_id:
            self.fields["to_body"].initial = meeting.body.prepares_id


class DecisionForm(VersionedForm):
    outcome = forms.ChoiceField(label=_("Decision"), choices=DecisionOutcome.choices)
    text = forms.CharField(label=_("Decision text"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    votes_for = forms.IntegerField(label=_("For"), min_value=0, required=False)
    votes_against = forms.IntegerField(label=_("Against"), min_value=0, required=False)
    votes_abstained = forms.IntegerField(label=_("Abstained"), min_value=0, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        votes = [data.get("votes_for"), data.get("votes_against"), data.get("votes_abstained")]
        if any(vote is not None for vote in votes) and not all(vote is not None for vote in votes):
            raise ValidationError(_("Fill in all three vote counts, or none."))
        data["votes"] = tuple(votes) if all(vote is not None for vote in votes) else None
        return data


class DocumentUploadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    file = forms.FileField(label=_("File"))
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices, initial=DocumentKind.ANNEX)
    confidentiality = forms.ChoiceField(
        label=_("Confidentiality"), choices=OPEN_LEVELS, initial=Confidentiality.PUBLIC
    )
    agenda_item = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ActionForm(forms.Form):
    description = forms.CharField(label=_("Action"), widget=forms.Textarea(attrs={"rows": 2}))
    kind = forms.ChoiceField(label=_("Kind"), choices=ActionKind.choices, initial=ActionKind.ACTION)
    owner = forms.ChoiceField(label=_("Owner"), required=False)
    due_date = forms.DateField(label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    origin = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, owners: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["owner"]).choices = [("", "—"), *owners]


class CancelForm(VersionedForm):
    reason = forms.CharField(label=_("Reason"), max_length=300)


ATTENDANCE_CHOICES = [("", "—"), *AttendanceStatus.choices]


def later_meetings(meeting: Meeting) -> Any:
    from naober.meetings.models import MeetingStatus

    return (
        Meeting.objects.filter(
            cooperation_id=meeting.cooperation_id,
            start__gt=meeting.start,
            status__in=[MeetingStatus.PLANNED, MeetingStatus.CONVENED],
        )
        .select_related("body", "body__topic")
        .order_by("start")[:50]
    )
