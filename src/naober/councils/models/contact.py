"""Where a municipality's council and college receive regional mail (the registry keeps no addresses)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.core.models import TimestampedModel


class CouncilAddress(TimestampedModel):
    municipality = models.OneToOneField(
        "registry.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="council_address",
    )
    council_email = models.EmailField(_("council e-mail address (griffie)"))
    college_email = models.EmailField(_("college e-mail address"), blank=True)

    class Meta:
        verbose_name = _("council address")
        verbose_name_plural = _("council addresses")
        ordering = ["municipality__name"]

    def __str__(self) -> str:
        return f"{self.municipality}: {self.council_email}"
