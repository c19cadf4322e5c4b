from __future__ import annotations

from django.contrib import admin

from naober.core.admin import ServiceAdmin
from naober.registry.models import (
    Cooperation,
    Municipality,
    Organisation,
    Participation,
    PopulationFigure,
    Topic,
)


class PopulationFigureInline(admin.TabularInline[PopulationFigure, Municipality]):
    model = PopulationFigure
    extra = 0


class TopicInline(admin.TabularInline[Topic, Cooperation]):
    model = Topic
    extra = 0
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Municipality)
class MunicipalityAdmin(ServiceAdmin):
    list_display = ("name", "code", "country", "province", "holiday_region")
    list_filter = ("country", "province", "holiday_region")
    search_fields = ("name", "code")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [PopulationFigureInline]


@admin.register(Organisation)
class OrganisationAdmin(ServiceAdmin):
    list_display = ("name", "short_name", "kind", "country")
    list_filter = ("kind", "country")
    search_fields = ("name", "short_name")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Cooperation)
class CooperationAdmin(ServiceAdmin):
    list_display = ("name", "short_name", "country", "legal_form", "founded_on")
    list_filter = ("country", "legal_form")
    search_fields = ("name", "short_name")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [TopicInline]


@admin.register(Participation)
class ParticipationAdmin(ServiceAdmin):
    list_display = ("participant", "cooperation", "role", "scope", "joined_on", "left_on")
    list_filter = ("cooperation", "role", "scope")
    search_fields = ("municipality__name", "organisation__name", "cooperation__name")
    autocomplete_fields = ("municipality", "organisation")
    filter_horizontal = ("topics",)
    list_select_related = ("municipality", "organisation", "cooperation")


@admin.register(Topic)
class TopicAdmin(ServiceAdmin):
    list_display = ("name", "cooperation", "is_theme")
    list_filter = ("cooperation", "is_theme")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
