"""Signing in: the password step (throttled), the second step (a code), and enrolment of a second factor."""

from __future__ import annotations

import datetime
import math
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from naober.accounts import second_factor as factor
from naober.accounts.forms import CodeForm
from naober.accounts.models import SignInFailure, User
from naober.accounts.throttle import (
    client_address,
    sign_in_failure_record,
    sign_in_locked_until,
    sign_in_succeeded,
)


def safe_next(request: HttpRequest, default: str | None = None) -> str:
    """The `next` target if it stays on this site, else the default (the secretariat)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default or resolve_url(settings.LOGIN_REDIRECT_URL)


def with_next(name: str, target: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': target})}"


def locked_response(request: HttpRequest, until: datetime.datetime) -> HttpResponse:
    """The same answer for every locked user name or address, existing or not (HTTP 429)."""
    minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
    response = render(request, "accounts/locked.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response


class SignInView(LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True
    form_class = AuthenticationForm

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        until = sign_in_locked_until(
            username=request.POST.get("username", ""), address=client_address(request)
        )
        if until is not None:
            return locked_response(request, until)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        username = str(form.data.get("username", ""))
        if username.strip():
            until = sign_in_failure_record(
                username=username, address=client_address(self.request), stage=SignInFailure.Stage.PASSWORD
            )
            if until is not None:
                return locked_response(self.request, until)
        return super().form_invalid(form)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        user = form.get_user()
        response = super().form_valid(form)  # signs in (a new session key) and redirects
        if factor.second_factor_enrolled(user=user):
            return HttpResponseRedirect(with_next("otp-verify", response["Location"]))
        sign_in_succeeded(username=user.get_username())
        if factor.second_factor_required(user=user):
            return HttpResponseRedirect(with_next("otp-enrol", response["Location"]))
        return response


def _signed_in_user(request: HttpRequest) -> User | None:
    user = request.user
    return user if isinstance(user, User) and user.is_authenticated else None


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """The second step: a code from the app, or a recovery code."""
    user = _signed_in_user(request)
    if user is None:
        return HttpResponseRedirect(with_next("login", safe_next(request)))
    if request.user.is_verified() or not factor.second_factor_enrolled(user=user):  # type: ignore[union-attr]
        return HttpResponseRedirect(safe_next(request))
    address = client_address(request)
    until = sign_in_locked_until(username=user.get_username(), address=address)
    if until is not None:
        logout(request)
        return locked_response(request, until)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = factor.second_factor_check(user=user, code=form.cleaned_data["code"])
        if device is not None:
            factor.session_verify(request, device)
            sign_in_succeeded(username=user.get_username())
            if factor.device_kind(device) == "recovery":
                left = factor.recovery_codes_left(user=user)
                messages.warning(
                    request,
                    ngettext(
                        "You used a recovery code; %(count)d is left. Make new ones on your account page.",
                        "You used a recovery code; %(count)d are left. Make new ones on your account page.",
                        left,
                    )
                    % {"count": left},
                )
            return HttpResponseRedirect(safe_next(request))
        until = sign_in_failure_record(
            username=user.get_username(), address=address, stage=SignInFailure.Stage.SECOND_FACTOR
        )
        if until is not None:
            logout(request)
            return locked_response(request, until)
        form.add_error(
            "code", _("This code is not valid. Check the time on your phone, or use a recovery code.")
        )
    return render(request, "accounts/verify.html", {"form": form, "next": safe_next(request)})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def enrol(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: QR code and secret, confirmed by a first code; then the recovery codes."""
    user = _signed_in_user(request)
    if user is None:
        return HttpResponseRedirect(with_next("login", reverse("otp-enrol")))
    if factor.second_factor_enrolled(user=user):
        if request.user.is_verified():  # type: ignore[union-attr]
            return HttpResponseRedirect(reverse("account"))
        return HttpResponseRedirect(with_next("otp-verify", safe_next(request)))
    device = factor.totp_device_pending(user=user)
    form = CodeForm(request.POST or None, recovery=False)
    if request.method == "POST" and form.is_valid():
        codes = factor.totp_enrol_confirm(user=user, device=device, code=form.cleaned_data["code"])
        if codes is not None:
            device.refresh_from_db()
            factor.session_verify(request, device)
            sign_in_succeeded(username=user.get_username())
            context = {"codes": codes, "next": safe_next(request, reverse("account")), "enrolled": True}
            return render(request, "accounts/recovery_codes.html", context)
        form.add_error(
            "code", _("This code is not valid. Check the time on your phone and try the next code.")
        )
    context = {
        "form": form,
        "qr_svg": factor.totp_qr_svg(device, label=_("QR code for your authenticator app")),
        "secret": factor.totp_secret_grouped(device),
        "required": factor.second_factor_required(user=user),
        "next": safe_next(request, reverse("account")),
    }
    return render(request, "accounts/enrol.html", context)
