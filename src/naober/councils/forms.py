"""Input shapes of council involvement: parse and validate; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.councils.models import Addressee, Outcome, RoundKind
from naober.registry.models import Municipality

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RoundOpenForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of round"), choices=RoundKind.choices)
    addressee = forms.ChoiceField(
        label=_("Addressed to"), choices=Addressee.choices, initial=Addressee.COUNCIL
    )
    sent_on = forms.DateField(label=_("Sent on"), widget=DATE)
    deadline = forms.DateField(
        label=_("Deadline"),
        required=False,
        widget=DATE,
        help_text=_("Leave empty for the cooperation's rule for this kind of round."),
    )
    members = forms.ModelMultipleChoiceField(
        label=_("Members consulted"),
        queryset=Municipality.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The members taking part in the dossier's topic are proposed."),
    )
    regional_text = forms.CharField(
        label=_("Regional decision text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("For identical decisions: the text every member adopts."),
    )
    regional_document = forms.FileField(label=_("Proposal or regional decision (file)"), required=False)
    note = forms.CharField(
        label=_("Note to the councils"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, municipalities: list[Municipality], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members: Any = self.fields["members"]
        members.queryset = Municipality.objects.filter(pk__in=[m.pk for m in municipalities]).order_by("name")


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    decided_on = forms.DateField(label=_("Decided on"), widget=DATE)
    text = forms.CharField(
        label=_("Text of the opinion or decision"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    document = forms.FileField(label=_("Council decision (file)"), required=False)
    correction_reason = forms.CharField(
        label=_("Reason for the correction"),
        required=False,
        max_length=500,
        help_text=_("Only when an outcome was recorded already: why it is corrected."),
    )


class PlanForm(forms.Form):
    planned_council_date = forms.DateField(label=_("Planned council date"), required=False, widget=DATE)


class MemoForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=300)
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 16}))
