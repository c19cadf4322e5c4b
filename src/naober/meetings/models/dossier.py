from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.core.models import Confidentiality, TimestampedModel
from naober.governance.models import Body
from naober.registry.models import Cooperation, Topic


class DossierStatus(models.TextChoices):
    IN_PREPARATION = "preparation", _("in preparation")
    IN_PROGRESS = "progress", _("in progress")
    DECIDED = "decided", _("decided")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Dossier(TimestampedModel):
    """A proposal that travels: prepared in an AO, advised in a BO, decided by the board."""

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE, related_name="dossiers"
    )
    reference = models.CharField(_("reference"), max_length=40)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dossiers",
    )
    confidentiality = models.CharField(
        _("confidentiality"), max_length=12, choices=Confidentiality.choices, default=Confidentiality.PUBLIC
    )
    status = models.CharField(
        _("status"), max_length=12, choices=DossierStatus.choices, default=DossierStatus.IN_PREPARATION
    )

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(fields=["cooperation", "reference"], name="dossier_reference_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"


class ConsultationRole(models.TextChoices):
    PREPARE = "prepare", _("prepare")
    ADVISE = "advise", _("advise")
    DECIDE = "decide", _("decide")
    INFORM = "inform", _("inform")


class Consultation(TimestampedModel):
    """One step of a dossier's route: a body treats it in a role, in a (planned) meeting, with an outcome."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="consultations"
    )
    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="consultations"
    )
    role = models.CharField(_("role"), max_length=10, choices=ConsultationRole.choices)
    position = models.PositiveSmallIntegerField(_("step"))
    agenda_item = models.OneToOneField(
        "meetings.AgendaItem",
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation",
    )

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["dossier", "position"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "position"], name="consultation_step_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.dossier.reference} → {self.body} ({self.get_role_display()})"

    @property
    def authoritative(self) -> bool:
        return self.role == ConsultationRole.DECIDE
