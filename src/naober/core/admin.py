"""Admin wiring shared by the domain apps: every admin save and delete goes through the service layer."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from naober.core.models import AuditEntry, Channel
from naober.core.services import audit_record, object_delete, object_save


class ServiceAdmin(admin.ModelAdmin[Any]):
    """Routes admin writes through `object_save`/`object_delete`, so they are validated and audited."""

    def save_model(self, request: HttpRequest, obj: Model, form: ModelForm[Any], change: bool) -> None:
        object_save(instance=obj, by=request.user, channel=Channel.ADMIN)

    def save_related(self, request: HttpRequest, form: ModelForm[Any], formsets: Any, change: bool) -> None:
        instance = form.instance
        names = [field.name for field in instance._meta.many_to_many]
        before = {name: sorted(getattr(instance, name).values_list("pk", flat=True)) for name in names}
        super().save_related(request, form, formsets, change)
        after = {name: sorted(getattr(instance, name).values_list("pk", flat=True)) for name in names}
        changes = {name: [before[name], after[name]] for name in names if before[name] != after[name]}
        if changes:
            audit_record(
                instance=instance,
                action=AuditEntry.Action.UPDATE,
                by=request.user,
                channel=Channel.ADMIN,
                changes=changes,
            )

    def save_formset(self, request: HttpRequest, form: ModelForm[Any], formset: Any, change: bool) -> None:
        """Inline rows (a body's memberships, a cooperation's topics) take the same audited path."""
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            object_delete(instance=obj, by=request.user, channel=Channel.ADMIN)
        for obj in instances:
            object_save(instance=obj, by=request.user, channel=Channel.ADMIN)
        formset.save_m2m()

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        object_delete(instance=obj, by=request.user, channel=Channel.ADMIN)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for obj in queryset:
            object_delete(instance=obj, by=request.user, channel=Channel.ADMIN)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin[AuditEntry]):
    list_display = ("at", "actor_name", "channel", "action", "object_type", "object_repr")
    list_filter = ("channel", "action", "object_type")
    search_fields = ("object_repr", "actor_name", "object_id")
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
