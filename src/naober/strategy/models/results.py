"""What a project achieves: indicators with a target and measured values over time, and progress reports."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from naober.core.models import TimestampedModel
from naober.governance.models import Person
from naober.meetings.models import AgendaItem
from naober.strategy.models.project import Project


class Indicator(TimestampedModel):
    """A measurable result of a project (a KPI): a target value to reach by a date."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, blank=True, help_text=_("e.g. homes, %, km, jobs"))
    target = models.DecimalField(_("target value"), max_digits=14, decimal_places=2)
    target_on = models.DateField(_("target date"), null=True, blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["project", "name"]
        constraints = [
            models.UniqueConstraint(fields=["project", "name"], name="strategy_indicator_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Measurement(TimestampedModel):
    """A measured value of an indicator on a date."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="measurements"
    )
    measured_on = models.DateField(_("measured on"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("measured value")
        verbose_name_plural = _("measured values")
        ordering = ["indicator", "measured_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on"],
                name="strategy_measurement_one_per_day",
                violation_error_message=_("This indicator already has a value for that date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.measured_on})"


class ProgressReport(TimestampedModel):
    """The project lead's report over a period: text and figures, optionally discussed as an agenda item."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="reports"
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    text = models.TextField(_("report"))
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    spent = models.DecimalField(
        _("spent to date (€)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    author = models.ForeignKey(
        Person, verbose_name=_("author"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("discussed as agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["project", "-period_end", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="strategy_report_period_ordered",
                violation_error_message=_("The end of the reporting period must not lie before its start."),
            ),
            models.CheckConstraint(
                condition=Q(progress__lte=100),
                name="strategy_report_progress_percent",
                violation_error_message=_("Progress is a percentage from 0 to 100."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.period_start}–{self.period_end}"

    def clean(self) -> None:
        if (
            self.agenda_item is not None
            and self.project_id
            and self.agenda_item.meeting.cooperation_id != self.project.programme.cooperation_id
        ):
            raise ValidationError({"agenda_item": _("The agenda item belongs to another cooperation.")})
