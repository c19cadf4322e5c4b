"""Input shapes for secrecy and roles in the secretariat UI."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from naober.access.models import LegalGround, MunicipalityRole
from naober.access.selectors import linkable_persons, participant_municipalities, recipient_candidates
from naober.accounts.models import CooperationRole, User
from naober.governance.models import Body, Person
from naober.registry.models import Cooperation, Municipality

ROLE_CHOICES = [*CooperationRole.Role.choices, *MunicipalityRole.Role.choices]


def _bodies(cooperation: Cooperation) -> Any:
    return Body.objects.filter(cooperation=cooperation).select_related("topic").order_by("name")


class SecrecyForm(forms.Form):
    imposed_by = forms.ModelChoiceField(label=_("Imposed by"), queryset=Body.objects.none())
    legal_ground = forms.ChoiceField(label=_("Legal ground"), choices=LegalGround.choices)
    ground_text = forms.CharField(label=_("Explanation of the ground"), max_length=300, required=False)
    recipients = forms.ModelMultipleChoiceField(
        label=_("Recipients"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only they will see it; you are added yourself."),
    )
    lift_on = forms.DateField(
        label=_("Lifted on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, cooperation: Cooperation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[Any]", self.fields["imposed_by"]).queryset = _bodies(cooperation)
        cast(
            "forms.ModelMultipleChoiceField[Any]", self.fields["recipients"]
        ).queryset = recipient_candidates(cooperation=cooperation)
        self.fields["recipients"].label_from_instance = _user_label  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("legal_ground") == LegalGround.OTHER and not (data.get("ground_text") or "").strip():
            raise ValidationError({"ground_text": _("Describe the ground for secrecy.")})
        return data


def _user_label(user: Any) -> str:
    person = getattr(user, "person", None)
    return f"{person.name} ({user.get_username()})" if person is not None else str(user.get_username())


class LiftForm(forms.Form):
    lifted_by = forms.ModelChoiceField(label=_("Lifted by"), queryset=Body.objects.none(), required=False)

    def __init__(self, *args: Any, cooperation: Cooperation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[Any]", self.fields["lifted_by"]).queryset = _bodies(cooperation)


class GrantForm(forms.Form):
    identifier = forms.CharField(
        label=_("User name or e-mail address"),
        max_length=254,
        help_text=_("An unknown e-mail address gets a new account and an invitation to choose a password."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=ROLE_CHOICES)
    municipality = forms.ModelChoiceField(
        label=_("Municipality (for a council clerk)"), queryset=Municipality.objects.none(), required=False
    )

    def __init__(self, *args: Any, cooperation: Cooperation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(
            "forms.ModelChoiceField[Any]", self.fields["municipality"]
        ).queryset = participant_municipalities(cooperation=cooperation)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("role") == MunicipalityRole.Role.CLERK and not data.get("municipality"):
            raise ValidationError({"municipality": _("Choose the municipality of the council clerk.")})
        return data


class LinkForm(forms.Form):
    identifier = forms.CharField(label=_("User name or e-mail address"), max_length=254)
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.none())

    def __init__(self, *args: Any, cooperation: Cooperation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[Any]", self.fields["person"]).queryset = linkable_persons(
            cooperation=cooperation
        )
