from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from naober.core.models import TimestampedModel
from naober.governance.models.body import Body
from naober.governance.models.person import Person
from naober.registry.models import Municipality, Organisation, Topic


class MembershipRole(models.TextChoices):
    CHAIR = "chair", _("chair")
    VICE_CHAIR = "vice-chair", _("vice-chair")
    SECRETARY = "secretary", _("secretary")
    MEMBER = "member", _("member")
    ADVISER = "adviser", _("adviser")
    GUEST = "guest", _("guest")
    SUBSTITUTE = "substitute", _("substitute")


ROLE_ORDER = {role: index for index, role in enumerate(MembershipRole.values)}


class Membership(TimestampedModel):
    """A person in a body, in a role, on behalf of a municipality or organisation, over a period."""

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="memberships"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    on_behalf_of_municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("on behalf of municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    on_behalf_of_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("on behalf of organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    portfolio = models.ForeignKey(
        Topic,
        verbose_name=_("portfolio"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
    )
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), null=True, blank=True)
    voting_right = models.BooleanField(_("voting right"), default=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["body", "start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gt=F("start_date")),
                name="membership_end_after_start",
                violation_error_message=_("A membership ends after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(on_behalf_of_municipality__isnull=True)
                | Q(on_behalf_of_organisation__isnull=True),
                name="membership_on_behalf_of_one",
                violation_error_message=_("A member acts on behalf of one municipality or one organisation."),
            ),
            models.UniqueConstraint(
                fields=["body"],
                condition=Q(role="chair", end_date__isnull=True),
                name="one_open_chair_per_body",
                violation_error_message=_("This body already has a chair."),
            ),
        ]
        indexes = [models.Index(fields=["body", "role", "start_date"])]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()} {self.body}"

    @property
    def on_behalf_of(self) -> Municipality | Organisation | None:
        return self.on_behalf_of_municipality or self.on_behalf_of_organisation

    def is_current(self, on: datetime.date) -> bool:
        return self.start_date <= on and (self.end_date is None or self.end_date > on)

    def clean(self) -> None:
        errors: dict[str, object] = {}
        portfolio = self.portfolio if self.portfolio_id else None
        if self.body_id and portfolio is not None and portfolio.cooperation_id != self.body.cooperation_id:
            errors["portfolio"] = _("The portfolio belongs to another cooperation.")
        if self.role == MembershipRole.CHAIR and self.body_id and self.start_date:
            chairs = Membership.objects.filter(body_id=self.body_id, role=MembershipRole.CHAIR).exclude(
                pk=self.pk
            )
            chairs = chairs.filter(Q(end_date__isnull=True) | Q(end_date__gt=self.start_date))
            if self.end_date is not None:
                chairs = chairs.filter(start_date__lt=self.end_date)
            if chairs.exists():
                errors["role"] = _("This body already has a chair in this period.")
        if errors:
            raise ValidationError(errors)
