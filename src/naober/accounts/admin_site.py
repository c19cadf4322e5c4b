"""The Django admin (`/beheer/`) as a site for two-factor verified staff only.

Staff always need a second factor (accounts/second_factor.py), and SecondFactorMiddleware already keeps an
unverified session on the enrolment or verification page; the site checks it once more, so that the admin
stays closed even if the middleware were left out of MIDDLEWARE. Its own login page hands over to ours, the
only place where passwords, codes and throttling are handled.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse


class VerifiedAdminSite(admin.AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        verified = getattr(request.user, "is_verified", None)
        return super().has_permission(request) and callable(verified) and bool(verified())

    def login(self, request: HttpRequest, extra_context: dict[str, object] | None = None) -> HttpResponse:
        if request.user.is_authenticated:
            # Signed in, yet not allowed here: our login page would send them straight back (a loop).
            raise PermissionDenied
        target = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        return HttpResponseRedirect(f"{reverse('login')}?{urlencode({'next': target})}")
