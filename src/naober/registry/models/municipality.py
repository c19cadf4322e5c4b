from __future__ import annotations

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from naober.core.models import Country, TimestampedModel


class HolidayRegion(models.TextChoices):
    """School-holiday regions: the OCW regions in the Netherlands, one calendar for Flanders."""

    NL_NORTH = "nl-noord", _("Netherlands North")
    NL_MIDDLE = "nl-midden", _("Netherlands Middle")
    NL_SOUTH = "nl-zuid", _("Netherlands South")
    BE_FLANDERS = "be-vl", _("Flanders")


class Municipality(TimestampedModel):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    code = models.CharField(
        _("official code"),
        max_length=6,
        unique=True,
        help_text=_("CBS code (GMnnnn) in the Netherlands, NIS code (5 digits) in Belgium."),
        validators=[
            RegexValidator(r"^(GM\d{4}|\d{5})$", _("Use a CBS code (GM0307) or a NIS code (41002)."))
        ],
    )
    province = models.CharField(_("province"), max_length=100)
    holiday_region = models.CharField(
        _("school-holiday region"), max_length=10, choices=HolidayRegion.choices
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(country="NL") & Q(code__regex=r"^GM[0-9]{4}$"))
                | (Q(country="BE") & Q(code__regex=r"^[0-9]{5}$")),
                name="municipality_code_matches_country",
                violation_error_message=_(
                    "The official code does not match the country (GMnnnn for NL, five digits for BE)."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class PopulationFigure(TimestampedModel):
    """A population count on a reference date, with its source; history is kept."""

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="population_figures",
    )
    reference_date = models.DateField(_("reference date"))
    count = models.PositiveIntegerField(_("inhabitants"), validators=[MinValueValidator(1)])
    source = models.CharField(_("source"), max_length=200)
    approximate = models.BooleanField(
        _("approximate"), default=False, help_text=_("A rounded figure, not an official count.")
    )

    class Meta:
        verbose_name = _("population figure")
        verbose_name_plural = _("population figures")
        ordering = ["municipality", "-reference_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "reference_date"], name="one_population_figure_per_date"
            ),
            models.CheckConstraint(condition=Q(count__gt=0), name="population_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.municipality}: {self.count} ({self.reference_date})"
