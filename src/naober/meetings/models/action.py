from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from naober.core.models import TimestampedModel
from naober.governance.models import Body, Person
from naober.meetings.models.agenda_item import AgendaItem
from naober.registry.models import Municipality, Organisation


class ActionKind(models.TextChoices):
    ACTION = "action", _("action")
    COMMITMENT = "commitment", _("commitment")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "done", _("done")
    CANCELLED = "cancelled", _("cancelled")


class Action(TimestampedModel):
    """An action point or commitment of a body, owned by a person or a member; open ones carry over."""

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(_("kind"), max_length=12, choices=ActionKind.choices, default=ActionKind.ACTION)
    description = models.TextField(_("description"))
    owner_person = models.ForeignKey(
        Person,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    owner_municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("owner (municipality)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    owner_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("owner (organisation)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    due_date = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    origin = models.ForeignKey(
        AgendaItem,
        verbose_name=_("origin"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["due_date", "id"]
        indexes = [models.Index(fields=["body", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="done", completed_on__isnull=False) | ~Q(status="done"),
                name="action_done_has_date",
                violation_error_message=_("A completed action needs its completion date."),
            ),
        ]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def owner(self) -> Person | Municipality | Organisation | None:
        return self.owner_person or self.owner_municipality or self.owner_organisation
