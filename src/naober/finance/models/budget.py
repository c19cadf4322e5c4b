"""A cooperation's budget per year, in versions (the budget and its budget changes), with lines and keys."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from naober.core.models import TimestampedModel
from naober.finance.allocation import KeyKind
from naober.registry.models import Cooperation, Municipality, Topic


class BudgetStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SENT = "sent", _("sent to the councils for their opinion")
    ADOPTED = "adopted", _("adopted")
    AMENDED = "amended", _("adopted, since amended")


# Public documents: a draft once sent to the councils, an adopted budget (Woo: public when sent).
PUBLIC_STATUSES = (BudgetStatus.SENT, BudgetStatus.ADOPTED, BudgetStatus.AMENDED)


class Budget(TimestampedModel):
    """One version of a cooperation's budget for a year: version 1 is the budget itself, later versions are
    budget changes (begrotingswijzigingen), each with its own procedure and the full set of lines."""

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE, related_name="budgets"
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1, validators=[MinValueValidator(1)])
    title = models.CharField(_("title"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=BudgetStatus.choices, default=BudgetStatus.DRAFT
    )
    population_reference_date = models.DateField(
        _("population reference date"),
        null=True,
        blank=True,
        help_text=_("The population figures on this date count; empty: 1 January of the year before."),
    )
    board_treats_on = models.DateField(_("board treats it on"), null=True, blank=True)
    sent_on = models.DateField(_("sent to the councils on"), null=True, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    dossier = models.ForeignKey(
        "meetings.Dossier",
        verbose_name=_("dossier"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="budgets",
    )
    note = models.TextField(_("explanation"), blank=True)

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        ordering = ["cooperation", "-year", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["cooperation", "year", "version"], name="budget_version_unique"),
            models.CheckConstraint(condition=Q(version__gte=1), name="budget_version_positive"),
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        if self.version == 1:
            return str(_("Budget %(year)s") % {"year": self.year})
        return str(_("Budget %(year)s, change %(number)s") % {"year": self.year, "number": self.version - 1})

    @property
    def reference_date(self) -> datetime.date:
        return self.population_reference_date or datetime.date(self.year - 1, 1, 1)

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @property
    def is_editable(self) -> bool:
        return self.status == BudgetStatus.DRAFT


class LineKind(models.TextChoices):
    PROGRAMME = "programme", _("programme")
    THEME = "theme", _("theme")
    PROJECT = "project", _("project")


class BudgetLine(TimestampedModel):
    """A programme, theme or project of a budget with its amount (for a per-inhabitant key: computed)."""

    budget = models.ForeignKey(
        Budget, verbose_name=_("budget"), on_delete=models.CASCADE, related_name="lines"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    kind = models.CharField(_("kind"), max_length=10, choices=LineKind.choices, default=LineKind.PROGRAMME)
    name = models.CharField(_("name"), max_length=200)
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("In euros; left empty for an amount per inhabitant."),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["budget", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="budget_line_amount_not_negative",
                violation_error_message=_("The amount may not be negative."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def cooperation_id(self) -> int:
        """For scoping audit entries (core.services.audit_cooperation_id)."""
        return self.budget.cooperation_id

    def clean(self) -> None:
        topic = self.topic if self.topic_id is not None else None
        if (
            topic is not None
            and self.budget_id is not None
            and topic.cooperation_id != self.budget.cooperation_id
        ):
            raise ValidationError({"topic": _("Choose a topic of this cooperation.")})


class CostKey(TimestampedModel):
    """How one line is shared among the members (shared/domain/rules.md §4)."""

    class Kind(models.TextChoices):
        PER_INHABITANT = KeyKind.PER_INHABITANT.value, _("amount per inhabitant")
        EQUAL_AND_POPULATION = (
            KeyKind.EQUAL_AND_POPULATION.value,
            _("part in equal shares, rest by population"),
        )
        PERCENTAGES = KeyKind.PERCENTAGES.value, _("fixed percentage table")
        PARTICIPANTS = KeyKind.PARTICIPANTS.value, _("only the participants (opt-in)")
        SERVICE_FEE = KeyKind.SERVICE_FEE.value, _("service fee to a host municipality")

    line = models.OneToOneField(
        BudgetLine, verbose_name=_("budget line"), on_delete=models.CASCADE, related_name="cost_key"
    )
    kind = models.CharField(
        _("cost key"), max_length=24, choices=Kind.choices, default=Kind.EQUAL_AND_POPULATION
    )
    per_inhabitant = models.DecimalField(
        _("amount per inhabitant"),
        max_digits=10,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    equal_fraction = models.DecimalField(
        _("part in equal shares"),
        max_digits=5,
        decimal_places=4,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(1))],
        help_text=_("0.5: half in equal shares, half by population; 0: all by population."),
    )
    host = models.ForeignKey(
        Municipality,
        verbose_name=_("host municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("cost key")
        verbose_name_plural = _("cost keys")
        constraints = [
            models.CheckConstraint(
                condition=Q(equal_fraction__gte=0) & Q(equal_fraction__lte=1), name="cost_key_fraction_range"
            ),
            models.CheckConstraint(
                condition=Q(per_inhabitant__isnull=True) | Q(per_inhabitant__gte=0),
                name="cost_key_rate_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.line}: {self.get_kind_display()}"

    @property
    def cooperation_id(self) -> int:
        return self.line.cooperation_id


class CostKeyShare(TimestampedModel):
    """A row of a percentage table, or (without percentage) a participant of an opt-in line."""

    cost_key = models.ForeignKey(
        CostKey, verbose_name=_("cost key"), on_delete=models.CASCADE, related_name="shares"
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="+"
    )
    percentage = models.DecimalField(
        _("percentage"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )

    class Meta:
        verbose_name = _("cost key share")
        verbose_name_plural = _("cost key shares")
        ordering = ["cost_key", "municipality__code"]
        constraints = [
            models.UniqueConstraint(fields=["cost_key", "municipality"], name="cost_key_share_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.municipality}: {self.percentage}"

    @property
    def cooperation_id(self) -> int:
        return self.cost_key.cooperation_id
