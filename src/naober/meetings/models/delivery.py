from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.core.models import TimestampedModel
from naober.governance.models import Person
from naober.meetings.models.meeting import Meeting


class DeliveryKind(models.TextChoices):
    INVITATION = "invitation", _("invitation")
    UPDATE = "update", _("update")
    CANCELLATION = "cancellation", _("cancellation")


class DeliveryStatus(models.TextChoices):
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")


class Delivery(TimestampedModel):
    """One e-mail about a meeting to one person: the secretariat sees who got which version, what failed."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="deliveries"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    email = models.EmailField(_("e-mail"))
    kind = models.CharField(_("kind"), max_length=12, choices=DeliveryKind.choices)
    status = models.CharField(_("status"), max_length=6, choices=DeliveryStatus.choices)
    sent_at = models.DateTimeField(_("sent at"))
    error = models.TextField(_("error"), blank=True)
    meeting_version = models.PositiveIntegerField(_("meeting version"))

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["meeting", "-sent_at", "id"]
        indexes = [models.Index(fields=["meeting", "kind", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.email}: {self.get_status_display()}"
