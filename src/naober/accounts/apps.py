from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default = True  # the app's own configuration; VerifiedAdminConfig below is named in INSTALLED_APPS
    name = "naober.accounts"
    verbose_name = _("Accounts")


class VerifiedAdminConfig(admin_apps.AdminConfig):
    """Django's admin with `admin.site` replaced by a site that only opens to two-factor verified staff."""

    default = False
    default_site = "naober.accounts.admin_site.VerifiedAdminSite"
