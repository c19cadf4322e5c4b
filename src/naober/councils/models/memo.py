"""The information memo to the member councils after a board meeting (Wgr active information duty)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.core.models import TimestampedModel


class InformationMemo(TimestampedModel):
    meeting = models.OneToOneField(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="information_memo",
    )
    subject = models.CharField(_("subject"), max_length=300)
    text = models.TextField(_("text"))
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("information memo")
        verbose_name_plural = _("information memos")
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.subject

    @property
    def cooperation_id(self) -> int | None:
        return self.meeting.cooperation_id


class MemoDelivery(models.Model):
    """The memo as sent to one council: its archive copy."""

    memo = models.ForeignKey(
        InformationMemo, verbose_name=_("memo"), on_delete=models.CASCADE, related_name="deliveries"
    )
    municipality = models.ForeignKey(
        "registry.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="memo_deliveries",
    )
    address = models.EmailField(_("address"))
    subject = models.CharField(_("subject"), max_length=300)
    text = models.TextField(_("text"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("memo delivery")
        verbose_name_plural = _("memo deliveries")
        ordering = ["memo", "municipality__name"]
        constraints = [
            models.UniqueConstraint(fields=["memo", "municipality"], name="memo_delivery_once"),
        ]

    def __str__(self) -> str:
        return f"{self.memo} → {self.municipality}"
