"""The filters of the audit trail (a GET form: the filtered list is a link one can share and export)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.core.models import AuditEntry, Channel
from naober.core.selectors import AuditFilter

EVERYTHING = [("", _("all"))]


class AuditFilterForm(forms.Form):
    object_type = forms.ChoiceField(label=_("Kind of object"), required=False)
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=EVERYTHING + list(AuditEntry.Action.choices)
    )
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=EVERYTHING + list(Channel.choices)
    )
    actor = forms.TypedChoiceField(label=_("User"), required=False, coerce=int, empty_value=None)
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(
        label=_("Up to and including"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    q = forms.CharField(label=_("Object contains"), required=False, max_length=100)

    def __init__(
        self,
        data: Any,
        *,
        object_types: list[tuple[str, str]],
        actors: list[tuple[int, str]],
    ) -> None:
        super().__init__(data)
        self.fields["object_type"].choices = EVERYTHING + object_types  # type: ignore[attr-defined]
        self.fields["actor"].choices = EVERYTHING + actors  # type: ignore[attr-defined]

    def criteria(self) -> AuditFilter:
        """The valid filters; an invalid one (a hand-made URL) filters nothing and shows its error."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        until = data.get("until")
        since = data.get("since")
        if since and until and until < since:
            since, until = until, since
        return AuditFilter(
            object_type=data.get("object_type") or "",
            action=data.get("action") or "",
            channel=data.get("channel") or "",
            actor_id=data.get("actor"),
            since=since,
            until=until,
            text=(data.get("q") or "").strip(),
        )
