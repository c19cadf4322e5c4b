from django.contrib import admin

from naober.access.models import MunicipalityRole
from naober.core.admin import ServiceAdmin

# Secrecy is deliberately not in the admin: platform administrators are no recipients by right.


@admin.register(MunicipalityRole)
class MunicipalityRoleAdmin(ServiceAdmin):
    list_display = ("user", "municipality", "role", "granted_at")
    list_filter = ("role",)
    search_fields = ("user__username", "user__email", "municipality__name")
    list_select_related = ("user", "municipality")
    autocomplete_fields = ("user",)
