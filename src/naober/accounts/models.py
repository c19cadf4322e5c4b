from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
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


class SignInFailure(models.Model):
    """One failed sign-in step, counted towards a lock-out (accounts/throttle.py) and removed after a day.

    `username` is what was typed (lower-cased), whether or not such an account exists: lock-outs must behave
    the same for unknown names, or they would tell which names exist.
    """

    class Stage(models.TextChoices):
        PASSWORD = "password", _("password")
        SECOND_FACTOR = "second_factor", _("two-factor code")

    username = models.CharField(_("user name"), max_length=150)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    stage = models.CharField(_("step"), max_length=20, choices=Stage.choices)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("failed sign-in")
        verbose_name_plural = _("failed sign-ins")
        indexes = [
            models.Index(fields=["username", "at"], name="signin_failure_user_at_idx"),
            models.Index(fields=["ip_address", "at"], name="signin_failure_ip_at_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.username} {self.ip_address or '-'} {self.stage} {self.at:%Y-%m-%d %H:%M:%S}"


class SignInLockout(models.Model):
    """A user name or client address that may not sign in until `until`."""

    class Scope(models.TextChoices):
        USERNAME = "username", _("user name")
        ADDRESS = "address", _("address")

    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    key = models.CharField(_("user name or address"), max_length=150)
    failures = models.PositiveIntegerField(_("failures"))
    started = models.DateTimeField(_("started"), default=timezone.now)
    until = models.DateTimeField(_("until"))

    class Meta:
        verbose_name = _("sign-in lock-out")
        verbose_name_plural = _("sign-in lock-outs")
        indexes = [models.Index(fields=["scope", "key", "until"], name="signin_lockout_key_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(until__gt=models.F("started")), name="signin_lockout_order"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_scope_display()} {self.key} ({self.started:%Y-%m-%d %H:%M} – {self.until:%H:%M})"
