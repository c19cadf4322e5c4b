"""A cooperation's strategic agenda: the programme over a period, its themes and its goals."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from naober.core.models import Confidentiality, TimestampedModel
from naober.registry.models import Cooperation, Topic

# Programmes are public or confidential (to the cooperation's editors); a secret needs a Secrecy record,
# which strategic agendas do not have.
OPENNESS = [(Confidentiality.PUBLIC.value, Confidentiality.PUBLIC.label)] + [
    (Confidentiality.CONFIDENTIAL.value, Confidentiality.CONFIDENTIAL.label)
]
# Path segments under /<cooperation>/strategische-agenda/ that are not programmes.
RESERVED_PROGRAMME_SLUGS = frozenset({"evenementen", "bijlagen"})


def validate_programme_slug(value: str) -> None:
    if value.lower() in RESERVED_PROGRAMME_SLUGS:
        raise ValidationError(
            _("%(value)s is a reserved address; choose another short name."), params={"value": value}
        )


class Programme(TimestampedModel):
    """A strategic agenda over a period, e.g. Strategische agenda 2024–2027 or the Agenda voor Twente."""

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE, related_name="programmes"
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=80, validators=[validate_programme_slug])
    summary = models.TextField(_("summary"), blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    confidentiality = models.CharField(
        _("confidentiality"), max_length=12, choices=OPENNESS, default=Confidentiality.PUBLIC
    )

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["cooperation", "-start_date", "title"]
        constraints = [
            models.UniqueConstraint(fields=["cooperation", "slug"], name="strategy_programme_slug_unique"),
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="strategy_programme_period_ordered",
                violation_error_message=_("The end date of a programme must not lie before its start date."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.confidentiality == Confidentiality.PUBLIC


class Theme(TimestampedModel):
    """A theme of a programme (wonen, bereikbaarheid, Smart Werken, …), optionally one of the cooperation's
    topics so that its bodies and dossiers can be found."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="themes"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["programme", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="strategy_theme_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if (
            self.topic is not None
            and self.programme_id
            and self.topic.cooperation_id != self.programme.cooperation_id
        ):
            raise ValidationError({"topic": _("The topic belongs to another cooperation.")})


class Goal(TimestampedModel):
    """A strategic goal (doelstelling) of a programme, numbered; optionally under a theme."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="goals"
    )
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), null=True, blank=True, on_delete=models.SET_NULL, related_name="goals"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["programme", "number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="strategy_goal_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def clean(self) -> None:
        if self.theme is not None and self.programme_id and self.theme.programme_id != self.programme_id:
            raise ValidationError({"theme": _("The theme belongs to another programme.")})
