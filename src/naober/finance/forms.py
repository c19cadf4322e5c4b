"""Forms of the secretariat's finance pages; they parse input, the services validate and write."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naober.finance.contributions import MemberInfo
from naober.finance.models import Budget, CostKey, CycleRules, LineKind
from naober.finance.services import LineInput
from naober.registry.models import Cooperation, Municipality, Topic

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _choices(form: forms.Form, name: str) -> forms.ModelChoiceField[Any]:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - narrows the type
    return field


class BudgetCreateForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    population_reference_date = forms.DateField(
        label=_("Population reference date"),
        required=False,
        widget=DATE,
        help_text=_("Empty: 1 January of the year before."),
    )
    copy_from = forms.ModelChoiceField(
        label=_("Take over the lines of"), queryset=Budget.objects.none(), required=False
    )

    def __init__(self, *args: Any, cooperation: Cooperation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "copy_from").queryset = Budget.objects.filter(cooperation=cooperation).order_by(
            "-year", "-version"
        )
        self.fields["year"].initial = timezone.localdate().year + 1


class BudgetSettingsForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    population_reference_date = forms.DateField(
        label=_("Population reference date"), required=False, widget=DATE
    )
    board_treats_on = forms.DateField(label=_("Board treats it on"), required=False, widget=DATE)
    note = forms.CharField(label=_("Explanation"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class DateForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=DATE)


class LineForm(forms.Form):
    """A line with its key; the percentage table and the participants get a field per member."""

    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=LineKind.choices)
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.none(), required=False)
    amount = forms.DecimalField(
        label=_("Amount (€)"),
        max_digits=14,
        decimal_places=2,
        required=False,
        help_text=_("Not for a per-inhabitant key."),
    )
    key_kind = forms.ChoiceField(label=_("Cost key"), choices=CostKey.Kind.choices)
    per_inhabitant = forms.DecimalField(
        label=_("Amount per inhabitant (€)"), max_digits=10, decimal_places=4, required=False
    )
    equal_fraction = forms.DecimalField(
        label=_("Part in equal shares (0–1)"),
        max_digits=5,
        decimal_places=4,
        required=False,
        help_text=_("0.5: half in equal shares, half by population."),
    )
    host = forms.ModelChoiceField(
        label=_("Host municipality"), queryset=Municipality.objects.none(), required=False
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, budget: Budget, members: list[MemberInfo], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.members = members
        _choices(self, "topic").queryset = Topic.objects.filter(
            cooperation_id=budget.cooperation_id
        ).order_by("name")
        _choices(self, "host").queryset = Municipality.objects.filter(
            pk__in=[member.municipality.pk for member in members]
        ).order_by("name")
        for member in members:
            municipality = member.municipality
            self.fields[f"pct_{municipality.pk}"] = forms.DecimalField(
                label=_("%(name)s (%%)") % {"name": municipality.name},
                max_digits=7,
                decimal_places=4,
                required=False,
            )
            self.fields[f"part_{municipality.pk}"] = forms.BooleanField(
                label=_("%(name)s takes part") % {"name": municipality.name}, required=False
            )

    @property
    def main_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if not name.startswith(("pct_", "part_"))]

    @property
    def percentage_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith("pct_")]

    @property
    def participant_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith("part_")]

    def line_input(self) -> LineInput:
        data = self.cleaned_data
        percentages: dict[Municipality, Decimal] = {}
        participants = []
        for member in self.members:
            municipality = member.municipality
            value = data.get(f"pct_{municipality.pk}")
            if value is not None:
                percentages[municipality] = value
            if data.get(f"part_{municipality.pk}"):
                participants.append(municipality)
        return LineInput(
            name=data["name"],
            kind=data["kind"],
            topic=data["topic"],
            amount=data["amount"],
            key_kind=data["key_kind"],
            per_inhabitant=data["per_inhabitant"],
            equal_fraction=data["equal_fraction"] if data["equal_fraction"] is not None else Decimal(0),
            host=data["host"],
            description=data["description"],
            percentages=percentages,
            participants=participants,
        )


def line_initial(line: Any) -> dict[str, Any]:
    key = getattr(line, "cost_key", None)
    initial: dict[str, Any] = {
        "name": line.name,
        "kind": line.kind,
        "topic": line.topic_id,
        "amount": line.amount,
        "description": line.description,
    }
    if key is not None:
        initial.update(
            key_kind=key.kind,
            per_inhabitant=key.per_inhabitant,
            equal_fraction=key.equal_fraction,
            host=key.host_id,
        )
        for share in key.shares.all():
            if share.percentage is not None:
                initial[f"pct_{share.municipality_id}"] = share.percentage
            initial[f"part_{share.municipality_id}"] = True
    return initial


class CycleRulesForm(forms.ModelForm[CycleRules]):
    class Meta:
        model = CycleRules
        fields = (
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


class GenerateForm(forms.Form):
    budget_year = forms.IntegerField(label=_("Budget year"), min_value=2000, max_value=2100)
