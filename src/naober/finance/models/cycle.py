"""The legal budget cycle of a Wgr body: its configurable rules and the milestones generated from them."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.core.models import TimestampedModel
from naober.registry.models import Cooperation


def _month() -> list[MinValueValidator | MaxValueValidator]:
    return [MinValueValidator(1), MaxValueValidator(12)]


def _day() -> list[MinValueValidator | MaxValueValidator]:
    return [MinValueValidator(1), MaxValueValidator(31)]


class CycleRules(TimestampedModel):
    """The rules of shared/domain/rules.md §2 for one cooperation; defaults are the law's and the common
    practice's, each adjustable (the kaders date is uncertain ⚠️, the annual accounts date likely 🟡)."""

    cooperation = models.OneToOneField(
        Cooperation,
        verbose_name=_("cooperation"),
        on_delete=models.CASCADE,
        related_name="budget_cycle_rules",
    )
    kaders_month = models.PositiveSmallIntegerField(
        _("kaders to the councils: month"), default=4, validators=_month()
    )
    kaders_day = models.PositiveSmallIntegerField(
        _("kaders to the councils: day"), default=30, validators=_day()
    )
    board_month = models.PositiveSmallIntegerField(
        _("board adopts the budget: month"),
        default=7,
        validators=_month(),
        help_text=_("Used when a budget has no board date of its own."),
    )
    board_day = models.PositiveSmallIntegerField(
        _("board adopts the budget: day"), default=1, validators=_day()
    )
    send_weeks_before_board = models.PositiveSmallIntegerField(
        _("draft to the councils, weeks before the board"), default=12, validators=[MaxValueValidator(52)]
    )
    opinion_weeks = models.PositiveSmallIntegerField(
        _("weeks for the councils' opinion"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
    )
    province_weeks_after_adoption = models.PositiveSmallIntegerField(
        _("to the province, weeks after adoption"), default=2, validators=[MaxValueValidator(52)]
    )
    province_month = models.PositiveSmallIntegerField(
        _("to the province at the latest: month"), default=9, validators=_month()
    )
    province_day = models.PositiveSmallIntegerField(
        _("to the province at the latest: day"), default=15, validators=_day()
    )
    accounts_month = models.PositiveSmallIntegerField(
        _("annual accounts to the province: month"), default=7, validators=_month()
    )
    accounts_day = models.PositiveSmallIntegerField(
        _("annual accounts to the province: day"), default=15, validators=_day()
    )

    class Meta:
        verbose_name = _("budget cycle rules")
        verbose_name_plural = _("budget cycle rules")

    def __str__(self) -> str:
        return str(_("Budget cycle rules of %(name)s") % {"name": self.cooperation})


class MilestoneKind(models.TextChoices):
    KADERS = "kaders", _("Kaders and preliminary annual accounts to the councils")
    DRAFT_SENT = "draft-sent", _("Draft budget to the councils")
    OPINIONS_DUE = "opinions-due", _("Councils' opinions due")
    ADOPTION = "adoption", _("Board adopts the budget")
    PROVINCE = "province", _("Adopted budget to the province")
    ACCOUNTS = "accounts", _("Annual accounts to the province")


class Milestone(TimestampedModel):
    """A date in the cycle of the budget for `budget_year` (most fall in the year before)."""

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE, related_name="budget_milestones"
    )
    budget_year = models.PositiveSmallIntegerField(_("budget year"))
    kind = models.CharField(_("kind"), max_length=20, choices=MilestoneKind.choices)
    due_on = models.DateField(_("date"))
    recess_overlap_days = models.PositiveSmallIntegerField(
        _("days in the summer recess"),
        default=0,
        help_text=_("For the opinion period: how many of its days fall in a member council's summer recess."),
    )
    after_deadline = models.BooleanField(
        _("after the legal deadline"),
        default=False,
        help_text=_("For sending to the province: the board adopts the budget after the latest legal date."),
    )

    class Meta:
        verbose_name = _("budget milestone")
        verbose_name_plural = _("budget milestones")
        ordering = ["cooperation", "budget_year", "due_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["cooperation", "budget_year", "kind"], name="milestone_unique_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.budget_year}: {self.due_on}"
