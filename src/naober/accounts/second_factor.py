"""Two-factor sign-in: who needs it, enrolment of an authenticator app (TOTP), recovery codes, verification.

A user's second factor is one confirmed django-otp TOTPDevice plus one StaticDevice holding the single-use
recovery codes. A session counts as verified once `session_verify` has stored the device that accepted a code
(django-otp's OTPMiddleware then answers `request.user.is_verified()`).

Recovery codes are ten digits, shown as 12345-67890: a six-digit entry is an app code, a ten-digit one a
recovery code, so one numeric field takes both.
"""

from __future__ import annotations

import base64
import secrets
from typing import Any

import django_otp
import segno
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import HttpRequest
from django.utils.html import escape
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from naober.accounts.models import CooperationRole, User
from naober.core.models import AuditEntry, Channel
from naober.core.services import audit_record

RECOVERY_CODE_COUNT = 10
RECOVERY_CODE_DIGITS = 10
TOTP_DIGITS = 6
APP_DEVICE_NAME = "authenticator app"
RECOVERY_DEVICE_NAME = "recovery codes"
# Roles whose holders run a cooperation's meeting cycle or manage it: they see secret items.
ROLES_REQUIRING_SECOND_FACTOR = (CooperationRole.Role.EDITOR, CooperationRole.Role.ADMINISTRATOR)

AnyUser = AbstractBaseUser | AnonymousUser


def second_factor_required(*, user: AnyUser) -> bool:
    """Platform administrators, staff (the Django admin) and secretariat editors and administrators of any
    cooperation must sign in with a second factor."""
    if not user.is_authenticated:
        return False
    if getattr(user, "is_superuser", False) or getattr(user, "is_staff", False):
        return True
    return CooperationRole.objects.filter(user_id=user.pk, role__in=ROLES_REQUIRING_SECOND_FACTOR).exists()


def second_factor_enrolled(*, user: AnyUser) -> bool:
    return user.is_authenticated and TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).exists()


def recovery_codes_left(*, user: AnyUser) -> int:
    return StaticToken.objects.filter(device__user_id=user.pk, device__confirmed=True).count()


def normalized_code(code: str) -> str:
    """Digits only: people type spaces and dashes (123 456, 12345-67890)."""
    return "".join(character for character in code if character.isdigit())


def recovery_code_display(code: str) -> str:
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


def totp_device_pending(*, user: User) -> TOTPDevice:
    """The unconfirmed device being enrolled: the same secret until it is confirmed, so a reload of the page
    does not invalidate what the app has scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def totp_secret(device: TOTPDevice) -> str:
    """The key as base32, the form authenticator apps accept for manual entry."""
    return base64.b32encode(device.bin_key).decode("ascii")


def totp_secret_grouped(device: TOTPDevice) -> str:
    secret = totp_secret(device)
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def totp_qr_svg(device: TOTPDevice, *, label: str) -> str:
    """The otpauth:// URI as a QR code in inline SVG (presentation attributes only: the CSP allows it)."""
    code = segno.make(device.config_url, error="m")
    svg = code.svg_inline(scale=1, border=4, omitsize=True, dark="#000", light="#fff")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)


def _user_audit(*, user: User, by: User | None, change: str, channel: str) -> None:
    audit_record(
        instance=user,
        action=AuditEntry.Action.UPDATE,
        by=by,
        channel=channel,
        changes={"two_factor": change},
    )


def _recovery_codes_replace(*, user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [
        "".join(secrets.choice("0123456789") for _ in range(RECOVERY_CODE_DIGITS))
        for _ in range(RECOVERY_CODE_COUNT)
    ]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return [recovery_code_display(code) for code in codes]


def totp_enrol_confirm(*, user: User, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the pending device with a code from the app; returns the new recovery codes (shown once), or
    None when the code is wrong."""
    if device.user_id != user.pk or device.confirmed:
        return None
    token = normalized_code(code)
    if len(token) != TOTP_DIGITS:
        return None
    with transaction.atomic():
        if not device.verify_token(token):
            return None
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _recovery_codes_replace(user=user)
        _user_audit(user=user, by=user, change="enrolled", channel=Channel.WEB)
    return codes


def recovery_codes_regenerate(*, user: User) -> list[str]:
    """New recovery codes; the old ones stop working."""
    with transaction.atomic():
        codes = _recovery_codes_replace(user=user)
        _user_audit(user=user, by=user, change="recovery codes renewed", channel=Channel.WEB)
    return codes


def second_factor_check(*, user: User, code: str) -> Device | None:
    """The confirmed device that accepts `code` (a recovery code is used up), or None."""
    token = normalized_code(code)
    model: type[Device]
    if len(token) == TOTP_DIGITS:
        model = TOTPDevice
    elif len(token) == RECOVERY_CODE_DIGITS:
        model = StaticDevice
    else:
        return None
    for device in model.objects.filter(user=user, confirmed=True):
        verified: Device | None = django_otp.verify_token(user, device.persistent_id, token)
        if verified is not None:
            return verified
    return None


def second_factor_remove(*, user: User, by: User | None, channel: str = Channel.WEB) -> None:
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        _user_audit(user=user, by=by, change="removed", channel=channel)


def session_verify(request: HttpRequest, device: Device) -> None:
    """Mark the session as two-factor verified, under a new session key (a key seen before verification
    must not become a verified one)."""
    django_otp.login(request, device)
    request.session.cycle_key()


def device_kind(device: Any) -> str:
    return "recovery" if isinstance(device, StaticDevice) else "app"
