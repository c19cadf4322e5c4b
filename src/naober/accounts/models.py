from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in. Kept as our own model from the start so that roles and 2FA can grow on it."""

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
