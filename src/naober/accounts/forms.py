from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from naober.accounts.models import User
from naober.accounts.second_factor import RECOVERY_CODE_DIGITS, TOTP_DIGITS, normalized_code


class DescribedErrorsMixin:
    """Links each field's error message to its input (aria-describedby), beside Django's own link to the
    help text, so screen readers read the error when the field gets focus."""

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        form: Any = self
        for name in form.errors:
            if name not in form.fields:
                continue
            bound = form[name]
            ids = [f"{bound.auto_id}_helptext"] if form.fields[name].help_text else []
            form.fields[name].widget.attrs["aria-describedby"] = " ".join([*ids, f"{bound.auto_id}-error"])


class CodeForm(DescribedErrorsMixin, forms.Form):
    """A six-digit code from the authenticator app or, where allowed, a ten-digit recovery code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "off",
                "spellcheck": "false",
                "size": 14,
            }
        ),
    )

    def __init__(self, *args: Any, recovery: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.recovery = recovery
        self.fields["code"].help_text = (
            _("The 6-digit code your authenticator app shows now, or one of your 10-digit recovery codes.")
            if recovery
            else _("The 6-digit code your authenticator app shows now.")
        )

    def clean_code(self) -> str:
        code = normalized_code(self.cleaned_data["code"])
        lengths = (TOTP_DIGITS, RECOVERY_CODE_DIGITS) if self.recovery else (TOTP_DIGITS,)
        if len(code) not in lengths:
            if self.recovery:
                raise forms.ValidationError(
                    _("Enter the 6-digit code from your app, or a 10-digit recovery code.")
                )
            raise forms.ValidationError(_("Enter the 6-digit code from your app."))
        return code


class AccountPasswordChangeForm(DescribedErrorsMixin, PasswordChangeForm):
    pass


if TYPE_CHECKING:
    _SetPasswordForm = SetPasswordForm[User]
else:  # not subscriptable at run time
    _SetPasswordForm = SetPasswordForm


class AccountSetPasswordForm(DescribedErrorsMixin, _SetPasswordForm):
    pass


class QueuedPasswordResetForm(DescribedErrorsMixin, PasswordResetForm):
    """Queues the mail as background work: the answer takes as long for an unknown address as for a known
    one, so its timing does not tell which addresses have an account."""

    def save(self, *args: Any, **kwargs: Any) -> None:
        from naober.accounts.tasks import password_reset_mail_send

        for user in self.get_users(self.cleaned_data["email"]):
            password_reset_mail_send.enqueue(user_id=user.pk)
