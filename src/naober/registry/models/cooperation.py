from __future__ import annotations

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.core.models import Country, TimestampedModel
from naober.registry.theme import validate_logo, validate_theme_colour


class LegalForm(models.TextChoices):
    """Legal forms of cooperation (shared/domain/rules.md §1)."""

    WGR_PUBLIC_BODY = "wgr-openbaar-lichaam", _("Wgr public body (openbaar lichaam)")
    WGR_JOINT_ORGAN = "wgr-gemeenschappelijk-orgaan", _("Wgr joint organ (gemeenschappelijk orgaan)")
    WGR_OPERATIONS = (
        "wgr-bedrijfsvoeringsorganisatie",
        _("Wgr operations organisation (bedrijfsvoeringsorganisatie)"),
    )
    WGR_CENTRAL_MUNICIPALITY = "wgr-centrumgemeente", _("Wgr central municipality (centrumgemeente)")
    WGR_PLAIN = "wgr-regeling-zonder-meer", _("Wgr plain arrangement (regeling zonder meer)")
    NETWORK = "netwerk-convenant", _("Network on a covenant (not Wgr)")
    BE_INTERLOCAL = "be-interlokale-vereniging", _("Interlocal association (interlokale vereniging)")
    BE_PROJECT = "be-projectvereniging", _("Project association (projectvereniging)")
    BE_SERVICE = "be-dienstverlenende-vereniging", _("Service association (dienstverlenende vereniging)")
    BE_MANDATED = "be-opdrachthoudende-vereniging", _("Mandated association (opdrachthoudende vereniging)")
    BE_REFERENCE_REGION = "be-referentieregio", _("Flemish reference region (referentieregio)")


def cooperation_logo_upload_to(instance: Cooperation, filename: str) -> str:
    return f"cooperations/{instance.slug}/{filename}"


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})


# Top-level paths of the site; a cooperation's pages live at /<slug>/, so its slug may not be one of them.
RESERVED_SLUGS = frozenset(
    {
        "aanmelden",
        "account",
        "afmelden",
        "api",
        "beheer",
        "documenten",
        "financien",
        "gemeenten",
        "i18n",
        "media",
        "oparl",
        "secretariaat",
        "static",
        "wachtwoord-vergeten",
        "zoeken",
    }
)


def validate_cooperation_slug(value: str) -> None:
    if value.lower() in RESERVED_SLUGS:
        raise ValidationError(
            _("%(value)s is a reserved address on this site; choose another short name."),
            params={"value": value},
        )


class Cooperation(TimestampedModel):
    """A regional cooperation (samenwerkingsverband): a region, a Wgr body, a Flemish association."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, validators=[validate_cooperation_slug])
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    legal_form = models.CharField(_("legal form"), max_length=40, choices=LegalForm.choices)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    statute_reference = models.CharField(
        _("statute reference"),
        max_length=300,
        blank=True,
        help_text=_("The regulation or covenant, e.g. a CVDR number."),
    )
    mission = models.TextField(_("mission"), blank=True)
    vision = models.TextField(_("vision"), blank=True)
    strategic_goals = models.JSONField(
        _("strategic goals"), default=list, blank=True, help_text=_("A list of goals, in order.")
    )
    website = models.URLField(_("website"), blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=50, default="Europe/Amsterdam", validators=[validate_time_zone]
    )
    # Theming on the portal (portal/views/theme.py): white text must stay readable on both colours.
    logo = models.FileField(
        _("logo"),
        upload_to=cooperation_logo_upload_to,
        max_length=200,
        blank=True,
        validators=[validate_logo],
        help_text=_("A PNG or SVG file of at most 256 kB, shown in the header of the cooperation's pages."),
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        blank=True,
        validators=[validate_theme_colour],
        help_text=_("Hexadecimal, e.g. #1d4f91; white text on it needs a contrast of at least 4.5:1."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        blank=True,
        validators=[validate_theme_colour],
        help_text=_("Hexadecimal, e.g. #8a3b00; white text on it needs a contrast of at least 4.5:1."),
    )

    class Meta:
        verbose_name = _("cooperation")
        verbose_name_plural = _("cooperations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        goals = self.strategic_goals
        if not isinstance(goals, list) or not all(isinstance(goal, str) and goal.strip() for goal in goals):
            raise ValidationError(
                {"strategic_goals": _("Strategic goals must be a list of non-empty texts.")}
            )

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def has_theme(self) -> bool:
        return bool(self.primary_colour or self.accent_colour)

    @property
    def theme_version(self) -> str:
        """Changes whenever the cooperation does: the cache key of its stylesheet and logo."""
        return f"{int(self.modified.timestamp())}" if self.modified else "0"


class Topic(TimestampedModel):
    """A subject the cooperation works on (wonen, verkeer en vervoer, …); themes are the strategic ones."""

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE, related_name="topics"
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    is_theme = models.BooleanField(_("strategic theme"), default=False)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["cooperation", "name"]
        constraints = [
            models.UniqueConstraint(fields=["cooperation", "slug"], name="topic_slug_unique_per_cooperation"),
        ]

    def __str__(self) -> str:
        return self.name
