from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from naober.accounts.models import CooperationRole, User
from naober.core.admin import ServiceAdmin


@admin.register(User)
class AuditedUserAdmin(ServiceAdmin, UserAdmin[User]):
    """Changes to accounts (staff and superuser flags, activation, groups, passwords) leave an audit entry;
    password hashes are redacted in the trail."""


@admin.register(CooperationRole)
class CooperationRoleAdmin(ServiceAdmin):
    """Role grants and withdrawals through the admin are validated and audited like every other change."""

    list_display = ("user", "cooperation", "role", "granted_at")
    list_filter = ("cooperation", "role")
    search_fields = ("user__username", "user__email", "cooperation__name")
    list_select_related = ("user", "cooperation")
    autocomplete_fields = ("user",)
