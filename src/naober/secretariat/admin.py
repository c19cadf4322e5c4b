"""The audit trail in the Django admin obeys the same secrecy as the secretariat's pages.

`core.admin` registers a read-only `AuditEntryAdmin`; core knows nothing of secret items, so the trail's
admin is re-registered here, where the secrecy rule lives (secretariat/audit/secrecy.py): entries about secret
objects show no object name and no changes to anyone outside the secrecy's recipients — platform
administrators included. Object names are not searchable: a search must not tell that a secret name matched.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from naober.access.viewer import viewer_from_request
from naober.core.admin import AuditEntryAdmin
from naober.core.models import AuditEntry
from naober.secretariat.audit.rows import HIDDEN
from naober.secretariat.audit.secrecy import hidden_entries

_HIDDEN_ATTRIBUTE = "_naober_hidden"


class SecretAwareAuditEntryAdmin(AuditEntryAdmin):
    list_display = ("at", "actor_name", "channel", "action", "object_type", "object_shown")
    search_fields = ("actor_name", "object_type", "object_id")

    @admin.display(description=AuditEntry._meta.get_field("object_repr").verbose_name)
    def object_shown(self, entry: AuditEntry) -> str:
        return str(HIDDEN) if getattr(entry, _HIDDEN_ATTRIBUTE, True) else entry.object_repr

    def get_changelist_instance(self, request: HttpRequest) -> Any:
        changelist = super().get_changelist_instance(request)
        entries = list(changelist.result_list)
        hidden = hidden_entries(viewer=viewer_from_request(request), entries=entries)
        for entry in entries:
            setattr(entry, _HIDDEN_ATTRIBUTE, entry.pk in hidden)
        changelist.result_list = entries
        return changelist

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = list(super().get_fields(request, obj))
        if obj is not None and hidden_entries(viewer=viewer_from_request(request), entries=[obj]):
            fields = [name for name in fields if name not in ("object_repr", "changes")]
        return fields


if admin.site.is_registered(AuditEntry):
    admin.site.unregister(AuditEntry)
admin.site.register(AuditEntry, SecretAwareAuditEntryAdmin)
