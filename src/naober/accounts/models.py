from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in. Kept as our own model from the start so that roles and 2FA can grow on it."""

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class CooperationRole(models.Model):
    """A user's role in one cooperation. A user can hold several roles in several cooperations."""

    class Role(models.TextChoices):
        EDITOR = "editor", _("secretariat editor")
        ADMINISTRATOR = "administrator", _("cooperation administrator")

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="cooperation_roles"
    )
    cooperation = models.ForeignKey(
        "registry.Cooperation",
        verbose_name=_("cooperation"),
        on_delete=models.CASCADE,
        related_name="user_roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("cooperation role")
        verbose_name_plural = _("cooperation roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "cooperation", "role"], name="cooperation_role_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} ({self.cooperation})"
