"""The account page: who am I, my roles, my second factor, my password; and the password reset by e-mail."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.contrib.auth.views import PasswordChangeView, PasswordResetConfirmView, PasswordResetView
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from naober.accounts import second_factor as factor
from naober.accounts.forms import (
    AccountPasswordChangeForm,
    AccountSetPasswordForm,
    CodeForm,
    QueuedPasswordResetForm,
)
from naober.accounts.models import CooperationRole, SignInFailure, User
from naober.accounts.throttle import client_address, sign_in_failure_record, sign_in_unlock
from naober.accounts.views.sign_in import locked_response


def _user(request: HttpRequest) -> User:
    if not isinstance(request.user, User):  # login_required stands before every view here
        raise PermissionDenied
    return request.user


def _page(request: HttpRequest, remove_form: CodeForm | None = None) -> HttpResponse:
    user = _user(request)
    roles = (
        CooperationRole.objects.filter(user=user)
        .select_related("cooperation")
        .order_by("cooperation__name", "role")
    )
    context = {
        "account": user,
        "roles": roles,
        "enrolled": factor.second_factor_enrolled(user=user),
        "required": factor.second_factor_required(user=user),
        "codes_left": factor.recovery_codes_left(user=user),
        "remove_form": remove_form or CodeForm(),
    }
    return render(request, "accounts/account.html", context)


@never_cache
@login_required
@require_safe
def account(request: HttpRequest) -> HttpResponse:
    return _page(request)


@never_cache
@login_required
@require_POST
def recovery_codes_renew(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not factor.second_factor_enrolled(user=user):
        return HttpResponseRedirect(reverse("account"))
    codes = factor.recovery_codes_regenerate(user=user)
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": reverse("account")})


@never_cache
@login_required
@require_POST
def second_factor_remove(request: HttpRequest) -> HttpResponse:
    """Switch two-factor sign-in off: only with a current code, and never for a user who must have it."""
    user = _user(request)
    if not factor.second_factor_enrolled(user=user):
        return HttpResponseRedirect(reverse("account"))
    if factor.second_factor_required(user=user):
        messages.error(
            request, _("Two-factor sign-in is required for your roles; it cannot be switched off.")
        )
        return HttpResponseRedirect(reverse("account"))
    form = CodeForm(request.POST)
    if form.is_valid():
        if factor.second_factor_check(user=user, code=form.cleaned_data["code"]) is not None:
            factor.second_factor_remove(user=user, by=user)
            messages.success(request, _("Two-factor sign-in is switched off."))
            return HttpResponseRedirect(reverse("account"))
        until = sign_in_failure_record(
            username=user.get_username(),
            address=client_address(request),
            stage=SignInFailure.Stage.SECOND_FACTOR,
        )
        if until is not None:
            logout(request)
            return locked_response(request, until)
        form.add_error("code", _("This code is not valid."))
    return _page(request, remove_form=form)


class AccountPasswordChangeView(PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = AccountPasswordChangeForm
    success_url = reverse_lazy("account")

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)  # keeps this session signed in, ends the others
        messages.success(self.request, _("Your password has been changed."))
        return response


class QueuedPasswordResetView(PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    form_class = QueuedPasswordResetForm
    success_url = reverse_lazy("password_reset_done")


class UnlockingPasswordResetConfirmView(PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = AccountSetPasswordForm
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form: SetPasswordForm[User]) -> HttpResponse:
        response = super().form_valid(form)
        sign_in_unlock(username=form.user.get_username())
        return response
