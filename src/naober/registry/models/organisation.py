from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.core.models import Country, TimestampedModel


class Organisation(TimestampedModel):
    """A partner that is not a municipality: a province, a federation, a service association, a company."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("province")
        HOUSING_ASSOCIATIONS = "housing", _("housing associations")
        BUSINESS_FEDERATION = "business", _("business federation")
        SERVICE_ASSOCIATION = "service", _("service association")
        EDUCATION = "education", _("education")
        HEALTH = "health", _("health")
        GOVERNMENT = "government", _("government agency")
        COMPANY = "company", _("company")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
