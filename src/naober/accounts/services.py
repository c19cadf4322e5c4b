from __future__ import annotations

from django.db import transaction

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
