"""The configurable data of council involvement in the admin: deadline rules, decision rules, council
addresses. Rounds and outcomes are run from the secretariat and clerk pages (their services check more)."""

from __future__ import annotations

from django.contrib import admin

from naober.core.admin import ServiceAdmin
from naober.councils.models import CouncilAddress, DeadlineRule, DecisionRule


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(ServiceAdmin):
    list_display = ("cooperation", "kind", "weeks", "remind_days_before")
    list_filter = ("cooperation", "kind")


@admin.register(DecisionRule)
class DecisionRuleAdmin(ServiceAdmin):
    list_display = ("body", "category", "kind", "fraction", "strictly_more", "population_fraction")
    list_filter = ("kind", "category", "body__cooperation")
    list_select_related = ("body", "body__cooperation")


@admin.register(CouncilAddress)
class CouncilAddressAdmin(ServiceAdmin):
    list_display = ("municipality", "council_email", "college_email")
    search_fields = ("municipality__name", "council_email")
    list_select_related = ("municipality",)
