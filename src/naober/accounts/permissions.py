"""Who may do what. Services and selectors call these; templates only mirror them.

Platform administrators (superusers) and a cooperation's secretariat editors and administrators may run its
meeting cycle. Who may *see* what — members, guests, clerks, secret recipients, embargoes — is decided in
`naober.access.rules` for a `naober.access.viewer.Viewer`.
"""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from naober.accounts.models import CooperationRole
from naober.registry.models import Cooperation

AnyUser = AbstractBaseUser | AnonymousUser | None

EDITING_ROLES = (CooperationRole.Role.EDITOR, CooperationRole.Role.ADMINISTRATOR)


def is_platform_admin(user: AnyUser) -> bool:
    return bool(
        user is not None and user.is_authenticated and getattr(user, "is_superuser", False) and user.is_active
    )


def cooperations_editable_by(*, user: AnyUser) -> QuerySet[Cooperation]:
    if user is None or not user.is_authenticated or not user.is_active:
        return Cooperation.objects.none()
    if is_platform_admin(user):
        return Cooperation.objects.all()
    return Cooperation.objects.filter(
        user_roles__user_id=user.pk, user_roles__role__in=EDITING_ROLES
    ).distinct()


def can_edit_cooperation(*, user: AnyUser, cooperation_id: int) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if is_platform_admin(user):
        return True
    return CooperationRole.objects.filter(
        user_id=user.pk, cooperation_id=cooperation_id, role__in=EDITING_ROLES
    ).exists()


def require_editor(*, user: AnyUser, cooperation_id: int) -> None:
    """Raise PermissionDenied unless `user` may run the secretariat work of the cooperation."""
    if not can_edit_cooperation(user=user, cooperation_id=cooperation_id):
        raise PermissionDenied
