from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.core.models import TimestampedModel


class Person(TimestampedModel):
    """Someone who sits in a body: an administrator, a civil servant, a partner's representative."""

    given_name = models.CharField(_("given name"), max_length=100)
    family_name_prefix = models.CharField(
        _("prefix"), max_length=20, blank=True, help_text=_("Tussenvoegsel, e.g. 'van der'.")
    )
    family_name = models.CharField(_("family name"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    function = models.CharField(
        _("function"),
        max_length=200,
        blank=True,
        help_text=_("e.g. mayor of Soest, alderman for housing, strategic adviser."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering = ["family_name", "given_name"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name_prefix, self.family_name) if part)

    @property
    def sort_name(self) -> str:
        prefix = f" {self.family_name_prefix}" if self.family_name_prefix else ""
        return f"{self.family_name}, {self.given_name}{prefix}"
