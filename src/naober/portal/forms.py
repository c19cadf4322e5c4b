"""Filters of the portal's lists: GET forms with Dutch parameter names, so filtered pages have readable,
shareable addresses (`/regio-amersfoort/besluiten/?orgaan=bora&uitkomst=adopted`). A value that is not one of
the choices is reported on the form and ignored, never an error page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.governance.models import Body
from naober.meetings.models import DecisionOutcome, DocumentKind, DossierStatus
from naober.registry.models import Cooperation, Topic

LIST = "lijst"
CALENDAR = "kalender"


class BodyChoiceField(forms.ModelChoiceField[Any]):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name)


class _CooperationFilter(forms.Form):
    """Bodies and topics are those of the cooperation; choosing by slug keeps the address readable."""

    def __init__(self, data: Any, *, cooperation: Cooperation) -> None:
        super().__init__(data)
        if "orgaan" in self.fields:
            field = self.fields["orgaan"]
            assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - narrows the type
            field.queryset = (
                Body.objects.filter(cooperation=cooperation).select_related("topic").order_by("name")
            )
        if "onderwerp" in self.fields:
            field = self.fields["onderwerp"]
            assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - narrows the type
            field.queryset = Topic.objects.filter(cooperation=cooperation).order_by("name")

    def value(self, name: str) -> Any:
        """The cleaned value of a valid field, else None: one wrong filter does not drop the others."""
        if not self.is_bound or name in self.errors:
            return None
        return self.cleaned_data.get(name)


def _body_field() -> BodyChoiceField:
    return BodyChoiceField(
        queryset=Body.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Body"),
        empty_label=_("All bodies"),
    )


def _topic_field() -> forms.ModelChoiceField[Any]:
    return forms.ModelChoiceField(
        queryset=Topic.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Topic"),
        empty_label=_("All topics"),
    )


class MeetingFilterForm(_CooperationFilter):
    orgaan = _body_field()
    onderwerp = _topic_field()
    weergave = forms.ChoiceField(
        label=_("Show as"),
        choices=[(LIST, _("list")), (CALENDAR, _("calendar"))],
        required=False,
    )


class DecisionFilterForm(_CooperationFilter):
    orgaan = _body_field()
    onderwerp = _topic_field()
    van = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    tot = forms.DateField(
        label=_("Up to and including"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    uitkomst = forms.ChoiceField(
        label=_("Decision"), choices=[("", _("All decisions")), *DecisionOutcome.choices], required=False
    )


class DossierFilterForm(_CooperationFilter):
    onderwerp = _topic_field()
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All statuses")), *DossierStatus.choices], required=False
    )


class DocumentFilterForm(_CooperationFilter):
    soort = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *DocumentKind.choices], required=False
    )
    orgaan = _body_field()
    jaar = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)

    def __init__(self, data: Any, *, cooperation: Cooperation, years: list[int]) -> None:
        super().__init__(data, cooperation=cooperation)
        field = self.fields["jaar"]
        assert isinstance(field, forms.TypedChoiceField)  # noqa: S101 - narrows the type
        field.choices = [("", _("All years")), *((str(year), str(year)) for year in years)]
