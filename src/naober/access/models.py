"""Roles outside the secretariat (council clerks) and formal secrecy (geheimhouding, rules.md §5)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from naober.core.models import TimestampedModel


class MunicipalityRole(models.Model):
    """A user's role for one municipality, e.g. the council clerk (griffier) who handles consultations."""

    class Role(models.TextChoices):
        CLERK = "clerk", _("council clerk")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="municipality_roles",
    )
    municipality = models.ForeignKey(
        "registry.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="user_roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.CLERK)
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("municipality role")
        verbose_name_plural = _("municipality roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "municipality", "role"], name="municipality_role_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} ({self.municipality})"


class LegalGround(models.TextChoices):
    """Grounds for secrecy: the interests of Woo art. 5.1 (1) and (2) that Gemeentewet art. 25/86 and Wgr
    art. 23 refer to. A modest selection of the ones regional cooperations use, plus 'other' with a text."""

    CONFIDENTIAL_COMPANY_DATA = (
        "5.1.1.c",
        _("Woo art. 5.1(1)(c): company and manufacturing data given in confidence"),
    )
    SPECIAL_PERSONAL_DATA = "5.1.1.d", _("Woo art. 5.1(1)(d): special categories of personal data")
    ECONOMIC_INTERESTS = "5.1.2.b", _("Woo art. 5.1(2)(b): economic or financial interests of the government")
    PRIVACY = "5.1.2.e", _("Woo art. 5.1(2)(e): respect for personal privacy")
    COMPETITION_SENSITIVE = "5.1.2.f", _("Woo art. 5.1(2)(f): competition-sensitive company data")
    PROPER_FUNCTIONING = "5.1.2.i", _("Woo art. 5.1(2)(i): proper functioning of the state or public bodies")
    OTHER = "other", _("other ground (describe it)")


class SecrecyQuerySet(models.QuerySet["Secrecy"]):
    def active(self, *, on: datetime.date) -> SecrecyQuerySet:
        return self.filter(Q(lifted_at__isnull=True) & (Q(lift_on__isnull=True) | Q(lift_on__gt=on)))


class Secrecy(TimestampedModel):
    """Formal secrecy on one agenda item, document or dossier: only the named recipients may see it.

    Imposed by a body on a legal ground, from a date; lifted by a body or on a date. Once lifted, the object
    counts as confidential. Editors and platform administrators are not recipients by right.
    """

    agenda_item = models.OneToOneField(
        "meetings.AgendaItem",
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="secrecy",
    )
    document = models.OneToOneField(
        "meetings.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="secrecy",
    )
    dossier = models.OneToOneField(
        "meetings.Dossier",
        verbose_name=_("dossier"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="secrecy",
    )
    imposed_by = models.ForeignKey(
        "governance.Body", verbose_name=_("imposed by"), on_delete=models.PROTECT, related_name="+"
    )
    legal_ground = models.CharField(_("legal ground"), max_length=20, choices=LegalGround.choices)
    ground_text = models.CharField(_("ground (explanation)"), max_length=300, blank=True)
    imposed_on = models.DateField(_("imposed on"))
    lift_on = models.DateField(_("lifted on (date)"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        "governance.Body",
        verbose_name=_("lifted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    recipients = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("recipients"), blank=True, related_name="secrecies"
    )

    objects = SecrecyQuerySet.as_manager()

    class Meta:
        verbose_name = _("secrecy")
        verbose_name_plural = _("secrecies")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(agenda_item__isnull=False, document__isnull=True, dossier__isnull=True)
                    | Q(agenda_item__isnull=True, document__isnull=False, dossier__isnull=True)
                    | Q(agenda_item__isnull=True, document__isnull=True, dossier__isnull=False)
                ),
                name="secrecy_on_exactly_one",
                violation_error_message=_("Secrecy covers exactly one agenda item, document or dossier."),
            ),
            models.CheckConstraint(
                condition=Q(lift_on__isnull=True) | Q(lift_on__gt=F("imposed_on")),
                name="secrecy_lift_after_imposed",
                violation_error_message=_("Secrecy is lifted after it is imposed."),
            ),
        ]

    def __str__(self) -> str:
        # Never the title of what it covers: audit entries and logs name it by this.
        if self.agenda_item_id:
            return f"secrecy #{self.pk} (agenda item {self.agenda_item_id})"
        if self.document_id:
            return f"secrecy #{self.pk} (document {self.document_id})"
        return f"secrecy #{self.pk} (dossier {self.dossier_id})"

    def is_active(self, *, on: datetime.date) -> bool:
        return self.lifted_at is None and (self.lift_on is None or self.lift_on > on)

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.legal_ground == LegalGround.OTHER and not self.ground_text.strip():
            errors["ground_text"] = _("Describe the ground for secrecy.")
        if self.lift_on is not None and self.imposed_on is not None and self.lift_on <= self.imposed_on:
            errors["lift_on"] = _("Secrecy is lifted after it is imposed.")
        targets = [self.agenda_item_id, self.document_id, self.dossier_id]
        if sum(target is not None for target in targets) != 1:
            raise ValidationError(_("Secrecy covers exactly one agenda item, document or dossier."))
        if self.imposed_by_id is not None and self.imposed_by.cooperation_id != self._cooperation_id():
            errors["imposed_by"] = _("Choose a body of the same cooperation.")
        if (
            self.lifted_by_id is not None
            and self.lifted_by is not None
            and self.lifted_by.cooperation_id != self._cooperation_id()
        ):
            errors["lifted_by"] = _("Choose a body of the same cooperation.")
        if errors:
            raise ValidationError(errors)

    def _cooperation_id(self) -> int | None:
        if self.agenda_item_id is not None and self.agenda_item is not None:
            return self.agenda_item.meeting.cooperation_id
        if self.document_id is not None and self.document is not None:
            return self.document.cooperation_id
        if self.dossier_id is not None and self.dossier is not None:
            return self.dossier.cooperation_id
        return None
