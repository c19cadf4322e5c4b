"""Keep a signed-in but not yet two-factor verified user on the second step until it is done.

After the password step a user with a second factor must enter a code (the verify page); a user who needs one
(accounts/second_factor.py) but has none must enrol first. Until then every other request is sent there,
the Django admin and file downloads included. Verified sessions and users without a second factor pass with
no extra query; anonymous visitors are left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from naober.accounts.second_factor import second_factor_enrolled, second_factor_required

# Pages an unverified user may still reach: the two steps themselves, signing out, the language switch.
OPEN_URL_NAMES = ("otp-verify", "otp-enrol", "logout", "set_language")


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._open_paths: frozenset[str] | None = None

    def open_paths(self) -> frozenset[str]:
        if self._open_paths is None:
            self._open_paths = frozenset(reverse(name) for name in OPEN_URL_NAMES)
        return self._open_paths

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()  # type: ignore[attr-defined]  # installed by django-otp's OTPMiddleware
            and request.path_info not in self.open_paths()
            and not request.path_info.startswith(settings.STATIC_URL)
        ):
            if second_factor_enrolled(user=user):
                return self._to("otp-verify", request)
            if second_factor_required(user=user):
                return self._to("otp-enrol", request)
        return self.get_response(request)

    @staticmethod
    def _to(name: str, request: HttpRequest) -> HttpResponse:
        query = urlencode({"next": request.get_full_path()}) if request.method in ("GET", "HEAD") else ""
        url = f"{reverse(name)}?{query}" if query else reverse(name)
        if request.headers.get("HX-Request") == "true":
            # A redirect would be followed inside the XMLHttpRequest and the page swapped into a fragment:
            # htmx loads the whole page instead when told so in a header.
            response = HttpResponse(status=200)
            response["HX-Redirect"] = url
            return response
        return HttpResponseRedirect(url)
