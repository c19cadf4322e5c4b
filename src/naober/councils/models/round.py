"""Consultation rounds: one regional proposal sent to the councils (or colleges) of the members.

A `ConsultationRound` belongs to a dossier; each member municipality gets a `RoundMember` with its own
deadline, planned council date, status and outcome. A second outcome is only ever a correction with a
reason (`OutcomeCorrection` keeps the previous one). The regional answer to the opinions is the
`RegionalResponse` (reactienota) with an answer per member.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from naober.core.models import TimestampedModel


class RoundKind(models.TextChoices):
    BUDGET = "budget", _("opinion on the draft budget")
    BUDGET_CHANGE = "budget_change", _("opinion on a budget change")
    REGULATION = "regulation", _("opinion on a draft regulation")
    IDENTICAL = "identical", _("identical decision in every member")
    CONSENT = "consent", _("consent")
    INFORMATION = "information", _("information only")


# rules.md §2: budget and budget change 12 weeks, draft regulation 8 weeks (✅). The others are not set by
# law (🟡): defaults a cooperation overrides with a `DeadlineRule`.
DEFAULT_DEADLINE_WEEKS: dict[str, int] = {
    RoundKind.BUDGET: 12,
    RoundKind.BUDGET_CHANGE: 12,
    RoundKind.REGULATION: 8,
    RoundKind.IDENTICAL: 12,
    RoundKind.CONSENT: 8,
    RoundKind.INFORMATION: 6,
}
DEFAULT_REMIND_DAYS_BEFORE = 14

# Kinds in which each member's own decision decides (not an opinion to the regional body).
AUTHORITATIVE_KINDS = frozenset({RoundKind.IDENTICAL, RoundKind.CONSENT})


class Addressee(models.TextChoices):
    COUNCIL = "council", _("council")
    COLLEGE = "college", _("college")


class RoundStatus(models.TextChoices):
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")
    WITHDRAWN = "withdrawn", _("withdrawn")


class MemberStatus(models.TextChoices):
    SENT = "sent", _("sent")
    ON_AGENDA = "agenda", _("on the council agenda")
    DECIDED = "decided", _("decided")
    OVERDUE = "overdue", _("overdue")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Outcome(models.TextChoices):
    AGREES = "agrees", _("agrees")
    AGREES_WITH_REMARKS = "remarks", _("agrees with remarks")
    DISAGREES = "disagrees", _("disagrees")
    AMENDS = "amends", _("amends")
    DECLINES = "declines", _("declines to give an opinion")
    NO_RESPONSE = "none", _("no response")


class DeadlineRule(TimestampedModel):
    """How long the councils get for a kind of round, and when clerks are reminded; per cooperation.

    Without a rule the defaults of rules.md §2 apply (`DEFAULT_DEADLINE_WEEKS`)."""

    cooperation = models.ForeignKey(
        "registry.Cooperation",
        verbose_name=_("cooperation"),
        on_delete=models.CASCADE,
        related_name="deadline_rules",
    )
    kind = models.CharField(_("kind of round"), max_length=20, choices=RoundKind.choices)
    weeks = models.PositiveSmallIntegerField(_("weeks for the councils"))
    remind_days_before = models.PositiveSmallIntegerField(
        _("remind clerks this many days before the deadline"), default=DEFAULT_REMIND_DAYS_BEFORE
    )

    class Meta:
        verbose_name = _("deadline rule")
        verbose_name_plural = _("deadline rules")
        ordering = ["cooperation", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["cooperation", "kind"], name="deadline_rule_unique"),
            models.CheckConstraint(condition=Q(weeks__gt=0), name="deadline_rule_weeks_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.cooperation}: {self.get_kind_display()} ({self.weeks})"


class ConsultationRound(TimestampedModel):
    """A proposal sent to the members' councils or colleges for an opinion, a decision or information."""

    cooperation = models.ForeignKey(
        "registry.Cooperation",
        verbose_name=_("cooperation"),
        on_delete=models.CASCADE,
        related_name="consultation_rounds",
    )
    dossier = models.ForeignKey(
        "meetings.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="consultation_rounds",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=RoundKind.choices)
    addressee = models.CharField(
        _("addressed to"), max_length=10, choices=Addressee.choices, default=Addressee.COUNCIL
    )
    body = models.ForeignKey(
        "governance.Body",
        verbose_name=_("regional body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_rounds",
        help_text=_("The body whose decision rule combines the outcomes."),
    )
    financial = models.BooleanField(
        _("financial consequences"),
        default=False,
        help_text=_("Decisions with financial consequences may follow another decision rule."),
    )
    sent_on = models.DateField(_("sent on"))
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=10, choices=RoundStatus.choices, default=RoundStatus.OPEN
    )
    regional_text = models.TextField(
        _("regional decision text"),
        blank=True,
        help_text=_("For identical decisions: the text every member is asked to adopt."),
    )
    regional_document = models.FileField(
        _("regional document"), upload_to="councils/rounds/", blank=True, max_length=255
    )
    note = models.TextField(_("note to the councils"), blank=True)

    class Meta:
        verbose_name = _("consultation round")
        verbose_name_plural = _("consultation rounds")
        ordering = ["-sent_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gt=F("sent_on")),
                name="round_deadline_after_sending",
                violation_error_message=_("The deadline must lie after the sending date."),
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"], name="round_status_deadline")]

    def __str__(self) -> str:
        return f"{self.dossier.reference}: {self.get_kind_display()}"

    @property
    def authoritative(self) -> bool:
        return self.kind in AUTHORITATIVE_KINDS

    def clean(self) -> None:
        if self.sent_on and self.deadline and self.deadline <= self.sent_on:
            raise ValidationError({"deadline": _("The deadline must lie after the sending date.")})


class RoundMember(TimestampedModel):
    """One member's council (or college) in a round: its deadline, plans, status and outcome."""

    round = models.ForeignKey(
        ConsultationRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="members"
    )
    municipality = models.ForeignKey(
        "registry.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="round_memberships",
    )
    sent_on = models.DateField(_("sent on"))
    deadline = models.DateField(_("deadline"))
    planned_council_date = models.DateField(_("planned council date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MemberStatus.choices, default=MemberStatus.SENT
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    opinion_text = models.TextField(_("text of the opinion or decision"), blank=True)
    opinion_document = models.FileField(
        _("council decision"), upload_to="councils/opinions/", blank=True, max_length=255
    )
    opinion_document_type = models.CharField(_("file type"), max_length=100, blank=True)
    identical_text = models.BooleanField(_("identical to the regional text"), null=True, blank=True)
    response_answer = models.TextField(_("regional answer"), blank=True)
    response_sent_at = models.DateTimeField(_("answer sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("round member")
        verbose_name_plural = _("round members")
        ordering = ["round", "municipality__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "municipality"], name="round_member_unique"),
            models.CheckConstraint(
                condition=Q(deadline__gt=F("sent_on")),
                name="round_member_deadline_after_sending",
                violation_error_message=_("The deadline must lie after the sending date."),
            ),
        ]
        indexes = [models.Index(fields=["municipality", "status"], name="round_member_municipality")]

    def __str__(self) -> str:
        return f"{self.round} — {self.municipality}"

    @property
    def cooperation_id(self) -> int | None:
        """For the audit trail: a member record belongs to its round's cooperation."""
        return self.round.cooperation_id if self.round_id else None

    @property
    def decided(self) -> bool:
        return bool(self.outcome)

    def status_on(self, day: datetime.date) -> str:
        """The status as shown: a member without outcome past its deadline is overdue."""
        if self.status in (MemberStatus.SENT, MemberStatus.ON_AGENDA) and day > self.deadline:
            return str(MemberStatus.OVERDUE)
        return self.status

    def clean(self) -> None:
        if self.sent_on and self.deadline and self.deadline <= self.sent_on:
            raise ValidationError({"deadline": _("The deadline must lie after the sending date.")})
        if self.planned_council_date and self.sent_on and self.planned_council_date < self.sent_on:
            raise ValidationError(
                {"planned_council_date": _("The council cannot decide before the proposal was sent.")}
            )


class OutcomeCorrection(TimestampedModel):
    """A recorded outcome that was replaced, with the reason: the history of a member's outcome."""

    member = models.ForeignKey(
        RoundMember, verbose_name=_("round member"), on_delete=models.CASCADE, related_name="corrections"
    )
    previous_outcome = models.CharField(_("previous outcome"), max_length=10, choices=Outcome.choices)
    previous_decided_on = models.DateField(_("previously decided on"), null=True, blank=True)
    previous_text = models.TextField(_("previous text"), blank=True)
    reason = models.CharField(_("reason for the correction"), max_length=500)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("corrected by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("outcome correction")
        verbose_name_plural = _("outcome corrections")
        ordering = ["member", "created"]

    def __str__(self) -> str:
        return f"{self.member}: {self.previous_outcome}"

    @property
    def cooperation_id(self) -> int | None:
        return self.member.cooperation_id


class RegionalResponse(TimestampedModel):
    """The reactienota: the regional body's answer to the opinions, sent to every council."""

    round = models.OneToOneField(
        ConsultationRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="response"
    )
    introduction = models.TextField(_("introduction"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("regional response")
        verbose_name_plural = _("regional responses")

    def __str__(self) -> str:
        return str(self.round)

    @property
    def cooperation_id(self) -> int | None:
        return self.round.cooperation_id


class ReminderReason(models.TextChoices):
    BEFORE_DEADLINE = "before", _("deadline approaching")
    OVERDUE = "overdue", _("deadline passed")


class ReminderLog(models.Model):
    """A reminder sent to a member's clerks; the unique key makes sure no reason is reminded twice."""

    member = models.ForeignKey(
        RoundMember, verbose_name=_("round member"), on_delete=models.CASCADE, related_name="reminders"
    )
    reason = models.CharField(_("reason"), max_length=10, choices=ReminderReason.choices)
    deadline = models.DateField(_("deadline reminded of"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(fields=["member", "reason", "deadline"], name="reminder_once_per_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.reason}"
