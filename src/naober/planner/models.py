"""The planner's editable data: planning rules per body and per preparation link, meeting-day patterns,
school holidays per region, council meeting evenings, extra closed days, and plan proposals."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from naober.core.models import TimestampedModel
from naober.governance.models import Body
from naober.planner.model.problem import WEEKDAYS, Slot
from naober.registry.models import Cooperation, HolidayRegion, Municipality


def validate_weekdays(value: str) -> None:
    parts = [part.strip() for part in value.split(",") if part.strip()]
    if not parts or any(part not in WEEKDAYS for part in parts):
        raise ValidationError(_("Give weekdays as mon,tue,wed,thu,fri,sat,sun separated by commas."))


def validate_slots(value: str) -> None:
    for part in value.split(","):
        if not part.strip():
            continue
        try:
            slot = Slot.parse(part.strip())
        except ValueError:
            slot = None
        if slot is None or slot.end <= slot.start:
            raise ValidationError(_("Give time slots as 13:30-15:00, separated by commas."))


def parse_weekdays(value: str) -> tuple[int, ...]:
    return tuple(WEEKDAYS.index(part.strip()) for part in value.split(",") if part.strip())


def parse_slots(value: str) -> tuple[Slot, ...]:
    return tuple(Slot.parse(part.strip()) for part in value.split(",") if part.strip())


class MeetingDayPattern(TimestampedModel):
    """A day on which several bodies meet in sub-slots, e.g. the monthly Regiomiddag."""

    cooperation = models.ForeignKey(
        Cooperation,
        verbose_name=_("cooperation"),
        on_delete=models.CASCADE,
        related_name="meeting_day_patterns",
    )
    name = models.CharField(_("name"), max_length=100)
    weekdays = models.CharField(_("weekdays"), max_length=40, default="thu", validators=[validate_weekdays])
    slots = models.CharField(
        _("sub-slots"),
        max_length=300,
        validators=[validate_slots],
        help_text=_("e.g. 13:30-14:20,14:30-15:20"),
    )
    per_month = models.PositiveSmallIntegerField(_("days per month"), default=1)
    location = models.CharField(_("location"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("meeting-day pattern")
        verbose_name_plural = _("meeting-day patterns")
        ordering = ["cooperation", "name"]
        constraints = [
            models.UniqueConstraint(fields=["cooperation", "name"], name="planner_meeting_day_unique")
        ]

    def __str__(self) -> str:
        return self.name


class PlanningRule(TimestampedModel):
    """How often and when a body meets; bodies without a rule are not planned."""

    body = models.OneToOneField(
        Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="planning_rule"
    )
    meetings_min = models.PositiveSmallIntegerField(_("meetings per year (minimum)"), default=4)
    meetings_max = models.PositiveSmallIntegerField(_("meetings per year (maximum)"), default=4)
    weekdays = models.CharField(
        _("weekdays"), max_length=40, default="mon,tue,wed,thu,fri", validators=[validate_weekdays]
    )
    slots = models.CharField(
        _("time slots"),
        max_length=300,
        blank=True,
        validators=[validate_slots],
        help_text=_("e.g. 19:30-21:30,15:00-17:00; empty on a meeting day: its sub-slots."),
    )
    meeting_day = models.ForeignKey(
        MeetingDayPattern,
        verbose_name=_("meeting day"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rules",
    )
    preferred_weekday = models.CharField(_("preferred weekday"), max_length=3, blank=True)
    min_gap_days = models.PositiveSmallIntegerField(_("at least this many days between meetings"), default=14)
    location = models.CharField(_("location"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("planning rule")
        verbose_name_plural = _("planning rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(meetings_max__gte=F("meetings_min")),
                name="planner_rule_meetings_range",
                violation_error_message=_("The maximum number of meetings per year is below the minimum."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.body)

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.preferred_weekday and self.preferred_weekday not in WEEKDAYS:
            errors["preferred_weekday"] = _("Give a weekday as mon, tue, wed, thu or fri.")
        if not self.slots and self.meeting_day_id is None:
            errors["slots"] = _("Give time slots, or a meeting day whose sub-slots the body uses.")
        pattern = self.meeting_day if self.meeting_day_id else None
        if pattern is not None and self.body_id and pattern.cooperation_id != self.body.cooperation_id:
            errors["meeting_day"] = _("The meeting day belongs to another cooperation.")
        if errors:
            raise ValidationError(errors)


class PreparationRule(TimestampedModel):
    """How many days before the prepared body's meeting the preparing body meets (default 14–28)."""

    body = models.OneToOneField(
        Body, verbose_name=_("preparing body"), on_delete=models.CASCADE, related_name="preparation_rule"
    )
    min_days = models.PositiveSmallIntegerField(_("at least (days before)"), default=14)
    max_days = models.PositiveSmallIntegerField(_("at most (days before)"), default=28)

    class Meta:
        verbose_name = _("preparation rule")
        verbose_name_plural = _("preparation rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_days__gte=F("min_days")),
                name="planner_preparation_range",
                violation_error_message=_("The maximum number of days is below the minimum."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.body}: {self.min_days}–{self.max_days}"


class Certainty(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    ADVICE = "advice", _("advice (may differ per school)")
    INDICATIVE = "indicative", _("indicative, to be verified")


class SchoolHoliday(TimestampedModel):
    """A school holiday of a school-holiday region, with its source; a secretariat may correct it."""

    region = models.CharField(_("school-holiday region"), max_length=10, choices=HolidayRegion.choices)
    name = models.CharField(_("name"), max_length=100)
    first_day = models.DateField(_("first day"))
    last_day = models.DateField(_("last day"))
    source = models.CharField(_("source"), max_length=300)
    certainty = models.CharField(_("certainty"), max_length=12, choices=Certainty.choices)

    class Meta:
        verbose_name = _("school holiday")
        verbose_name_plural = _("school holidays")
        ordering = ["region", "first_day"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name", "first_day"], name="planner_school_holiday_unique"
            ),
            models.CheckConstraint(
                condition=Q(last_day__gte=F("first_day")),
                name="planner_school_holiday_order",
                violation_error_message=_("A holiday ends on or after its first day."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.first_day:%Y}"


class CouncilEvening(TimestampedModel):
    """An evening the council of a municipality meets: its aldermen and mayor are busy."""

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="council_evenings",
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    title = models.CharField(_("title"), max_length=300, blank=True)
    uid = models.CharField(_("calendar UID"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("council meeting evening")
        verbose_name_plural = _("council meeting evenings")
        ordering = ["municipality", "start"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "start"], name="planner_council_evening_unique"),
            models.CheckConstraint(
                condition=Q(end__gt=F("start")),
                name="planner_council_evening_order",
                violation_error_message=_("A council meeting ends after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.start:%Y-%m-%d}"


class ClosedDays(TimestampedModel):
    """Days a cooperation does not meet besides holidays: the council summer recess, a congress."""

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE, related_name="closed_days"
    )
    first_day = models.DateField(_("first day"))
    last_day = models.DateField(_("last day"))
    reason = models.CharField(_("reason"), max_length=200)

    class Meta:
        verbose_name = _("closed days")
        verbose_name_plural = _("closed days")
        ordering = ["cooperation", "first_day"]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_day__gte=F("first_day")),
                name="planner_closed_days_order",
                violation_error_message=_("The last day is before the first day."),
            ),
        ]

    def __str__(self) -> str:
        return self.reason


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    ACCEPTED = "accepted", _("accepted")
    SUPERSEDED = "superseded", _("superseded")


class PlanProposal(TimestampedModel):
    """A planned year: the problem it solved, the plan, its check report; accepted, it made the meetings."""

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE, related_name="plan_proposals"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=12, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED
    )
    problem = models.JSONField(_("problem"))
    plan = models.JSONField(_("plan"))
    report = models.JSONField(_("report"), default=dict)
    pins = models.JSONField(_("pinned meetings"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    meeting_ids = models.JSONField(_("meetings made"), default=list, blank=True)

    class Meta:
        verbose_name = _("plan proposal")
        verbose_name_plural = _("plan proposals")
        ordering = ["cooperation", "-year", "-created"]
        indexes = [models.Index(fields=["cooperation", "year", "status"])]

    def __str__(self) -> str:
        return f"{self.cooperation} {self.year} ({self.get_status_display()})"
