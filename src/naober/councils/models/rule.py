"""Decision rules as data (rules.md §3): how the outcomes of the members combine, per body and category."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.core.models import TimestampedModel


class RuleKind(models.TextChoices):
    UNANIMITY = "unanimity", _("unanimity: every member agrees")
    MAJORITY = "majority", _("majority of members (one member one vote)")
    WEIGHTED_TABLE = "weighted_table", _("weighted votes by a fixed table")
    WEIGHTED_POPULATION = "weighted_population", _("weighted votes by population")
    TWENTE = "twente", _("one member one vote; financial decisions weighted by population")
    CONSENSUS_IDENTICAL = "consensus_identical", _("consensus and identical decisions in every member")
    OPT_IN = "opt_in", _("opt-in: only participating members decide")


class DecisionCategory(models.TextChoices):
    GENERAL = "general", _("general")
    FINANCIAL = "financial", _("financial consequences")
    REGULATION = "regulation", _("the regulation itself")


class DecisionRule(TimestampedModel):
    """How a body's decisions of one category combine the members' outcomes.

    `fraction` is the share of votes (members, or weights) in favour that is needed; `strictly_more` makes
    it "more than" (a simple majority is more than 1/2, a two-thirds majority at least 2/3).
    `population_fraction` adds a second condition on the population of the members in favour. `weights` is
    the fixed table (municipality slug → votes); population weights use the figures on `reference_date`
    (else the sending date).
    """

    body = models.ForeignKey(
        "governance.Body", verbose_name=_("body"), on_delete=models.CASCADE, related_name="decision_rules"
    )
    category = models.CharField(
        _("decision category"),
        max_length=12,
        choices=DecisionCategory.choices,
        default=DecisionCategory.GENERAL,
    )
    kind = models.CharField(_("rule"), max_length=24, choices=RuleKind.choices)
    fraction = models.DecimalField(
        _("share of votes needed"),
        max_digits=5,
        decimal_places=4,
        default=Decimal("0.5"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
    )
    strictly_more = models.BooleanField(_("more than the share (not: at least)"), default=True)
    population_fraction = models.DecimalField(
        _("share of the population needed"),
        max_digits=5,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
    )
    weights = models.JSONField(_("vote table"), default=dict, blank=True)
    reference_date = models.DateField(_("population reference date"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("decision rule")
        verbose_name_plural = _("decision rules")
        ordering = ["body", "category"]
        constraints = [
            models.UniqueConstraint(fields=["body", "category"], name="decision_rule_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.body}: {self.get_category_display()} — {self.get_kind_display()}"

    @property
    def cooperation_id(self) -> int | None:
        return self.body.cooperation_id if self.body_id else None

    def clean(self) -> None:
        if self.kind == RuleKind.WEIGHTED_TABLE:
            if not isinstance(self.weights, dict) or not self.weights:
                raise ValidationError({"weights": _("A fixed vote table needs the votes of every member.")})
            for slug, votes in self.weights.items():
                if (
                    not isinstance(slug, str)
                    or not isinstance(votes, int)
                    or isinstance(votes, bool)
                    or votes < 0
                ):
                    raise ValidationError(
                        {"weights": _("Each member's votes must be a whole number of zero or more.")}
                    )
