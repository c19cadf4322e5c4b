from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from naober.core.models import TimestampedModel
from naober.registry.models.cooperation import Cooperation, Topic
from naober.registry.models.municipality import Municipality
from naober.registry.models.organisation import Organisation


class Participation(TimestampedModel):
    """A municipality or partner organisation in a cooperation over a period, fully or for chosen topics."""

    class Role(models.TextChoices):
        MEMBER = "member", _("member")
        PARTNER = "partner", _("partner")
        HOST = "host", _("host organisation")

    class Scope(models.TextChoices):
        FULL = "full", _("all topics")
        TOPICS = "topics", _("chosen topics only")

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE, related_name="participations"
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participations",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participations",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices, default=Scope.FULL)
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="participations"
    )
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["cooperation", "joined_on"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(municipality__isnull=False) & Q(organisation__isnull=True))
                | (Q(municipality__isnull=True) & Q(organisation__isnull=False)),
                name="participation_one_participant",
                violation_error_message=_(
                    "A participation is of exactly one municipality or one organisation."
                ),
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gt=F("joined_on")),
                name="participation_left_after_joined",
                violation_error_message=_("The date of leaving must lie after the date of joining."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} — {self.cooperation}"

    @property
    def participant(self) -> Municipality | Organisation | None:
        return self.municipality or self.organisation

    def clean(self) -> None:
        overlapping = Participation.objects.filter(
            cooperation_id=self.cooperation_id,
            municipality=self.municipality_id,
            organisation=self.organisation_id,
        ).exclude(pk=self.pk)
        if self.left_on is not None:
            overlapping = overlapping.filter(joined_on__lt=self.left_on)
        overlapping = overlapping.filter(Q(left_on__isnull=True) | Q(left_on__gt=self.joined_on))
        if self.cooperation_id and self.joined_on and overlapping.exists():
            raise ValidationError(
                _("This participant already takes part in this cooperation in an overlapping period.")
            )
