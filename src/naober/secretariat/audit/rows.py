"""Audit entries as the pages and exports show them: secret ones without object name and changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from naober.access.viewer import Viewer
from naober.core.audit_display import ChangeRow, changed_field_names, describe_changes, references
from naober.core.models import AuditEntry
from naober.core.selectors import object_type_label
from naober.secretariat.audit.secrecy import hidden_entries

HIDDEN = _("Secret — details hidden")


@dataclass(frozen=True)
class EntryRow:
    entry: AuditEntry
    hidden: bool
    type_label: str
    fields: list[str] = field(default_factory=list)
    changes: list[ChangeRow] = field(default_factory=list)

    @property
    def object_text(self) -> str:
        return str(HIDDEN) if self.hidden else self.entry.object_repr


def entry_rows(
    *, viewer: Viewer, entries: Sequence[AuditEntry], time_zone: str, detailed: bool = False
) -> list[EntryRow]:
    """Rows for `entries`: changed field names for the overview, or (`detailed`) every change readably."""
    hidden = hidden_entries(viewer=viewer, entries=entries)
    shown = [entry for entry in entries if entry.pk not in hidden]
    labels = references(shown) if detailed else {}
    type_labels: dict[str, str] = {}
    rows = []
    for entry in entries:
        if entry.object_type not in type_labels:
            type_labels[entry.object_type] = object_type_label(entry.object_type)
        secret = entry.pk in hidden
        rows.append(
            EntryRow(
                entry=entry,
                hidden=secret,
                type_label=type_labels[entry.object_type],
                fields=[] if secret else changed_field_names(entry),
                changes=[]
                if secret or not detailed
                else describe_changes(entry, labels=labels, time_zone=time_zone),
            )
        )
    return rows
