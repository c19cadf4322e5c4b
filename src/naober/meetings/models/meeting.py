from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from naober.core.models import TimestampedModel
from naober.governance.models import Body
from naober.registry.models import Cooperation


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    CONVENED = "convened", _("convened")
    HELD = "held", _("held")
    CANCELLED = "cancelled", _("cancelled")


class MeetingDay(TimestampedModel):
    """Several meetings on one day with one combined agenda, e.g. Regio Amersfoort's monthly Regiomiddag."""

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE, related_name="meeting_days"
    )
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=200)
    location = models.CharField(_("location"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("meeting day")
        verbose_name_plural = _("meeting days")
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["cooperation", "date", "name"], name="meeting_day_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.date:%d-%m-%Y}"


class Meeting(TimestampedModel):
    """A meeting of a body, or of several bodies at once (a combined BO)."""

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE, related_name="meetings"
    )
    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings")
    joint_bodies = models.ManyToManyField(
        Body, verbose_name=_("meeting jointly with"), blank=True, related_name="joint_meetings"
    )
    meeting_day = models.ForeignKey(
        MeetingDay,
        verbose_name=_("meeting day"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"))
    location = models.CharField(_("location"), max_length=300, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    is_public = models.BooleanField(_("public meeting"), default=False)
    documents_deadline = models.DateTimeField(_("documents deadline"), null=True, blank=True)
    convened_at = models.DateTimeField(_("convened at"), null=True, blank=True)
    convened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("convened by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cancelled_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    minutes_approved_in = models.ForeignKey(
        "self",
        verbose_name=_("minutes approved in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="approved_minutes_of",
    )
    decision_list_published_at = models.DateTimeField(_("decision list published at"), null=True, blank=True)
    # Optimistic concurrency: every change to the meeting or its agenda raises it; an edit based on an older
    # version is refused with the other person's change.
    version = models.PositiveIntegerField(_("version"), default=1)
    # iCalendar SEQUENCE: raised on every change a calendar client must notice.
    sequence = models.PositiveIntegerField(_("sequence"), default=0)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")),
                name="meeting_end_after_start",
                violation_error_message=_("A meeting ends after it starts."),
            ),
        ]
        indexes = [models.Index(fields=["cooperation", "start"]), models.Index(fields=["body", "start"])]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return self.title or str(self.body)

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED


class MeetingChange(models.Model):
    """What changed in a meeting or its agenda, per version: shown on a conflict, sent in update e-mails."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="changes"
    )
    version = models.PositiveIntegerField(_("version"))
    at = models.DateTimeField(_("at"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.CharField(_("change"), max_length=500)
    after_convening = models.BooleanField(_("after convening"), default=False)
    notified_at = models.DateTimeField(_("participants notified at"), null=True, blank=True)

    class Meta:
        verbose_name = _("meeting change")
        verbose_name_plural = _("meeting changes")
        ordering = ["meeting", "version"]
        constraints = [models.UniqueConstraint(fields=["meeting", "version"], name="meeting_change_version")]

    def __str__(self) -> str:
        return self.summary
