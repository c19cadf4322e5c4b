"""Secretariat forms of the strategic agenda; their choices are limited to the cooperation and, for dossiers
and agenda items, to what the editor may see (`naober.access.rules`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.access.rules import agenda_items_visible_q, dossiers_visible_q
from naober.access.viewer import Viewer
from naober.governance.models import Body, Person
from naober.meetings.models import AgendaItem, Dossier
from naober.registry.models import Municipality, Organisation, Participation, Topic
from naober.strategy.models import (
    Event,
    FundingLine,
    Goal,
    Indicator,
    Milestone,
    Programme,
    ProgressReport,
    Project,
    Theme,
    VideoLink,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProgrammeForm(forms.ModelForm[Programme]):
    class Meta:
        model = Programme
        fields = ["title", "slug", "summary", "start_date", "end_date", "confidentiality"]
        widgets = {"start_date": DATE, "end_date": DATE, "summary": forms.Textarea(attrs={"rows": 3})}


class ThemeForm(forms.ModelForm[Theme]):
    class Meta:
        model = Theme
        fields = ["name", "description", "topic", "position"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["topic"]
        field.queryset = Topic.objects.filter(cooperation_id=programme.cooperation_id)


class GoalForm(forms.ModelForm[Goal]):
    class Meta:
        model = Goal
        fields = ["number", "title", "description", "theme"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["theme"]
        field.queryset = Theme.objects.filter(programme=programme)


class ProjectNewForm(forms.ModelForm[Project]):
    class Meta:
        model = Project
        fields = ["title", "slug", "kind"]


def _members(programme: Programme) -> Any:
    members = Participation.objects.filter(
        cooperation_id=programme.cooperation_id, role=Participation.Role.MEMBER, municipality__isnull=False
    ).values("municipality_id")
    return Municipality.objects.filter(pk__in=members).order_by("name")


class ProjectForm(forms.ModelForm[Project]):
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals"), queryset=Goal.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    participants = forms.ModelMultipleChoiceField(
        label=_("Participating members"),
        queryset=Municipality.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partner organisations"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    class Meta:
        model = Project
        fields = [
            "title",
            "slug",
            "kind",
            "summary",
            "status",
            "progress",
            "confidentiality",
            "lead_body",
            "lead_member",
            "lead_person",
            "budget",
            "start_date",
            "end_date",
            "position",
            "lobby_targets",
            "lobby_actions",
            "lobby_results",
        ]
        widgets = {
            "start_date": DATE,
            "end_date": DATE,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "position": forms.Textarea(attrs={"rows": 2}),
            "lobby_targets": forms.Textarea(attrs={"rows": 2}),
            "lobby_actions": forms.Textarea(attrs={"rows": 2}),
            "lobby_results": forms.Textarea(attrs={"rows": 2}),
            "progress": forms.NumberInput(attrs={"min": 0, "max": 100}),
        }

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cooperation_id = programme.cooperation_id
        fields: dict[str, Any] = self.fields
        fields["goals"].queryset = Goal.objects.filter(programme=programme).order_by("number")
        fields["participants"].queryset = _members(programme)
        fields["lead_member"].queryset = _members(programme)
        fields["lead_body"].queryset = Body.objects.filter(cooperation_id=cooperation_id).order_by("name")
        fields["lead_person"].queryset = (
            Person.objects.filter(memberships__body__cooperation_id=cooperation_id)
            .distinct()
            .order_by("family_name", "given_name")
        )
        if self.instance.pk:
            self.initial.setdefault("goals", list(self.instance.goals.all()))
            self.initial.setdefault("participants", list(self.instance.participants.all()))
            self.initial.setdefault("partners", list(self.instance.partners.all()))


class LinksForm(forms.Form):
    dossiers = forms.ModelMultipleChoiceField(
        label=_("Dossiers"),
        queryset=Dossier.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    decisions = forms.ModelMultipleChoiceField(
        label=_("Decisions (agenda items with a decision, without a dossier of the project)"),
        queryset=AgendaItem.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args: Any, project: Project, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cooperation_id = project.programme.cooperation_id
        fields: dict[str, Any] = self.fields
        fields["dossiers"].queryset = Dossier.objects.filter(
            dossiers_visible_q(viewer), cooperation_id=cooperation_id
        ).order_by("reference")
        fields["decisions"].queryset = (
            AgendaItem.objects.filter(agenda_items_visible_q(viewer), meeting__cooperation_id=cooperation_id)
            .exclude(outcome="")
            .select_related("meeting", "meeting__body")
            .order_by("-meeting__start", "position")
        )
        fields["decisions"].label_from_instance = lambda item: (
            f"{item.meeting.start:%Y-%m-%d} {item.meeting.body.display_name} {item.number} {item.title}"
        )
        if not self.is_bound:
            self.initial = {
                "dossiers": list(project.dossiers.values_list("pk", flat=True)),
                "decisions": list(project.decisions.values_list("pk", flat=True)),
            }


class MilestoneForm(forms.ModelForm[Milestone]):
    class Meta:
        model = Milestone
        fields = ["title", "due_on", "reached_on", "description"]
        widgets = {"due_on": DATE, "reached_on": DATE, "description": forms.Textarea(attrs={"rows": 2})}


class FundingLineForm(forms.ModelForm[FundingLine]):
    class Meta:
        model = FundingLine
        fields = ["source", "description", "amount"]


class IndicatorForm(forms.ModelForm[Indicator]):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "target", "target_on"]
        widgets = {"target_on": DATE}


class MeasurementForm(forms.Form):
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=Indicator.objects.none())
    measured_on = forms.DateField(label=_("Measured on"), widget=DATE)
    value = forms.DecimalField(label=_("Value"), max_digits=14, decimal_places=2)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["indicator"]
        field.queryset = Indicator.objects.filter(project=project)


class ProgressReportForm(forms.ModelForm[ProgressReport]):
    class Meta:
        model = ProgressReport
        fields = ["period_start", "period_end", "text", "progress", "spent", "agenda_item"]
        widgets = {"period_start": DATE, "period_end": DATE, "text": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args: Any, project: Project, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        programme = project.programme
        field: Any = self.fields["agenda_item"]
        field.queryset = (
            AgendaItem.objects.filter(
                agenda_items_visible_q(viewer),
                meeting__cooperation_id=programme.cooperation_id,
                meeting__start__date__gte=programme.start_date,
            )
            .select_related("meeting", "meeting__body")
            .order_by("-meeting__start", "position")
        )
        field.label_from_instance = lambda item: (
            f"{item.meeting.start:%Y-%m-%d} {item.meeting.body.display_name} {item.number} {item.title}"
        )


class RemoveForm(forms.Form):
    """Remove one recorded part of a project: a milestone, funding line, indicator, report or document."""

    KINDS = ("milestone", "funding", "indicator", "report", "attachment")
    kind = forms.ChoiceField(choices=[(kind, kind) for kind in KINDS])
    pk = forms.IntegerField(min_value=1)


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    file = forms.FileField(label=_("File"))


class EventForm(forms.ModelForm[Event]):
    class Meta:
        model = Event
        fields = ["title", "kind", "date", "location", "programme", "theme", "report", "confidentiality"]
        widgets = {"date": DATE, "report": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args: Any, cooperation_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["programme"].queryset = Programme.objects.filter(cooperation_id=cooperation_id)
        fields["theme"].queryset = Theme.objects.filter(
            programme__cooperation_id=cooperation_id
        ).select_related("programme")


class VideoLinkForm(forms.ModelForm[VideoLink]):
    url = forms.URLField(label=_("Address"), max_length=500, assume_scheme="https")

    class Meta:
        model = VideoLink
        fields = ["title", "url"]
