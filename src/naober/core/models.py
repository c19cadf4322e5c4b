"""Shared building blocks: timestamps on every domain object and the append-only audit trail."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Country(models.TextChoices):
    NETHERLANDS = "NL", _("Netherlands")
    BELGIUM = "BE", _("Belgium")


class TimestampedModel(models.Model):
    """`created`/`modified` on every domain object: OParl needs them and so do incremental crawls."""

    created = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    modified = models.DateTimeField(_("modified"), auto_now=True, db_index=True)

    class Meta:
        abstract = True


class Channel(models.TextChoices):
    ADMIN = "admin", _("administration")
    SECRETARIAT = "secretariat", _("secretariat")
    CLI = "cli", _("command line")
    IMPORT = "import", _("import")
    API = "api", _("API")
    SYSTEM = "system", _("system")
    WEB = "web", _("website")


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("The audit trail is append-only.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("The audit trail is append-only.")


class AuditEntry(models.Model):
    """One change to a domain object: who, when, what (before/after), through which channel.

    Append-only: the model refuses updates and deletes; only `core.services.audit_record` writes it.
    """

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        DELETE = "delete", _("deleted")
        DOWNLOAD = "download", _("downloaded")

    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("by (name)"), max_length=200, blank=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=300)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    # The cooperation the object belongs to, so a cooperation's administrators see only their own trail.
    # No database constraint and no cascade: entries outlive what they describe, the cooperation included.
    cooperation = models.ForeignKey(
        "registry.Cooperation",
        verbose_name=_("cooperation"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,  # the (cooperation, at, id) index below serves lookups by cooperation too
        related_name="+",
    )

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["object_type", "object_id", "at"]),
            # The cooperation's trail, newest first, paged by (at, id).
            models.Index(fields=["cooperation", "-at", "-id"], name="core_audit_coop_at_idx"),
        ]

    def __str__(self) -> str:
        # Not the object's name: that may be secret, and an entry's string ends up in titles and logs.
        return (
            f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_type} #{self.object_id}"
        )

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("The audit trail is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("The audit trail is append-only.")


class Confidentiality(models.TextChoices):
    """Openness levels (shared/domain/rules.md §5): public; confidential to a body's members; secret."""

    PUBLIC = "public", _("public")
    CONFIDENTIAL = "confidential", _("confidential")
    SECRET = "secret", _("secret")
