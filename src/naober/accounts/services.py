from __future__ import annotations

import base64
import secrets

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from naober.accounts.models import User
from naober.core.models import AuditEntry, Channel
from naober.core.services import audit_record


def user_create_platform_admin(
    *, username: str, email: str, password: str, channel: str = Channel.CLI
) -> tuple[User, bool]:
    """Create or reset a platform administrator (superuser), audited without the password."""
    with transaction.atomic():
        user, created = User.objects.get_or_create(username=username, defaults={"email": email})
        if email:
            user.email = email
        user.is_staff = True
        user.is_superuser = True
        user.is_active = True
        user.set_password(password)
        user.save()
        audit_record(
            instance=user,
            action=AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
            by=None,
            channel=channel,
            changes={"is_superuser": [None, True], "password": "set"},
        )
    return user, created


# The published second factor of demo installations (never production): any authenticator app accepts it.
DEMO_TOTP_SECRET = "NAOBERDEMOTWOFACTORSECRETFORDEMO"  # noqa: S105 - documented in README, demo only


def user_ensure_demo_second_factor(*, user: User) -> tuple[str, str]:
    """Give the demo account its published TOTP secret and one fresh recovery code; returns both.

    The recovery code is replaced on every run, so the one printed last always works. Refused in production.
    """
    if settings.NAOBER_ENV == "production":
        raise ImproperlyConfigured("The demo second factor is never set up in production.")
    key = base64.b32decode(DEMO_TOTP_SECRET).hex()
    with transaction.atomic():
        if not TOTPDevice.objects.filter(user=user, key=key, confirmed=True).exists():
            TOTPDevice.objects.filter(user=user).delete()
            TOTPDevice.objects.create(user=user, name="demo authenticator app", key=key, confirmed=True)
            audit_record(
                instance=user,
                action=AuditEntry.Action.UPDATE,
                by=None,
                channel=Channel.IMPORT,
                changes={"two_factor": "demo secret"},
            )
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name="demo recovery code", confirmed=True)
        code = "".join(secrets.choice("0123456789") for _ in range(10))
        StaticToken.objects.create(device=device, token=code)
    return DEMO_TOTP_SECRET, f"{code[:5]}-{code[5:]}"
