from __future__ import annotations

from django.contrib import admin

from naober.core.admin import ServiceAdmin
from naober.governance.models import Body, Membership, Person


class MembershipInline(admin.TabularInline[Membership, Body]):
    model = Membership
    extra = 0
    autocomplete_fields = ("person", "on_behalf_of_municipality", "on_behalf_of_organisation")


@admin.register(Body)
class BodyAdmin(ServiceAdmin):
    list_display = ("name", "short_name", "cooperation", "kind", "topic", "prepares")
    list_filter = ("cooperation", "kind")
    search_fields = ("name", "short_name")
    prepopulated_fields = {"slug": ("name",)}
    list_select_related = ("cooperation", "topic", "prepares", "prepares__topic")
    inlines = [MembershipInline]


@admin.register(Person)
class PersonAdmin(ServiceAdmin):
    list_display = ("sort_name", "function", "email")
    search_fields = ("given_name", "family_name", "email")


@admin.register(Membership)
class MembershipAdmin(ServiceAdmin):
    list_display = ("person", "body", "role", "on_behalf_of", "start_date", "end_date")
    list_filter = ("body__cooperation", "role")
    search_fields = ("person__family_name", "body__name")
    autocomplete_fields = ("person", "body", "on_behalf_of_municipality", "on_behalf_of_organisation")
    list_select_related = (
        "person",
        "body",
        "body__topic",
        "on_behalf_of_municipality",
        "on_behalf_of_organisation",
    )
