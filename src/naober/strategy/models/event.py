"""Theme-table meetings and regional days (the Achterhoekdag) with their reports, documents and videos."""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from naober.core.models import Confidentiality, TimestampedModel
from naober.registry.models import Cooperation
from naober.strategy.models.programme import OPENNESS, Programme, Theme
from naober.strategy.models.project import Project


class EventKind(models.TextChoices):
    THEME_TABLE = "theme-table", _("theme table meeting")
    REGIONAL_DAY = "regional-day", _("regional day")
    OTHER = "other", _("other event")


class Event(TimestampedModel):
    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE, related_name="strategy_events"
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    kind = models.CharField(_("kind"), max_length=14, choices=EventKind.choices, default=EventKind.OTHER)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    report = models.TextField(_("report"), blank=True)
    confidentiality = models.CharField(
        _("confidentiality"), max_length=12, choices=OPENNESS, default=Confidentiality.PUBLIC
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["cooperation", "-date", "title"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if (
            self.programme is not None
            and self.cooperation_id
            and self.programme.cooperation_id != self.cooperation_id
        ):
            raise ValidationError({"programme": _("The programme belongs to another cooperation.")})
        if self.theme is not None and self.programme_id and self.theme.programme_id != self.programme_id:
            raise ValidationError({"theme": _("The theme belongs to another programme.")})


class VideoLink(TimestampedModel):
    """A recording of an event (e.g. the video report of a theme table on the Achterhoekdag)."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="videos")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=500)

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")
        ordering = ["event", "id"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.url and not self.url.lower().startswith("https://"):
            raise ValidationError({"url": _("Use a secure (https://) address.")})


def attachment_upload_to(instance: Attachment, filename: str) -> str:
    return f"strategie/{instance.sha256[:2]}/{instance.sha256}.{instance.filename.rsplit('.', 1)[-1].lower()}"


class Attachment(TimestampedModel):
    """A document of a project or an event; visible to whoever may see what it is attached to."""

    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    title = models.CharField(_("title"), max_length=300)
    filename = models.CharField(_("file name"), max_length=200)
    mime_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    file = models.FileField(_("file"), upload_to=attachment_upload_to, max_length=200)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["-created", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(project__isnull=False) & Q(event__isnull=True))
                | (Q(project__isnull=True) & Q(event__isnull=False)),
                name="strategy_attachment_one_owner",
                violation_error_message=_("An attachment belongs to exactly one project or event."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def extension(self) -> str:
        return self.filename.rsplit(".", 1)[-1].upper() if "." in self.filename else ""


def content_sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
