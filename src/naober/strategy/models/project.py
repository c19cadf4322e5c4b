"""Projects and lobby dossiers of a programme, with their funding and milestones."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from naober.core.models import Confidentiality, TimestampedModel
from naober.governance.models import Body, Person
from naober.meetings.models import AgendaItem, Dossier
from naober.registry.models import Municipality, Organisation
from naober.strategy.models.programme import OPENNESS, Goal, Programme


class ProjectKind(models.TextChoices):
    PROJECT = "project", _("project")
    LOBBY = "lobby", _("lobby dossier")


class ProjectStatus(models.TextChoices):
    IDEA = "idea", _("idea")
    PREPARING = "preparing", _("in preparation")
    RUNNING = "running", _("running")
    FINISHED = "finished", _("finished")
    STOPPED = "stopped", _("stopped")


class Project(TimestampedModel):
    """A project (or, as `kind` lobby, a public-affairs dossier) that serves one or more goals.

    The decisions that carry it are reached through `dossiers` (their route's agenda items) and `decisions`
    (agenda items linked directly, e.g. a decision without a dossier)."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="projects"
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=ProjectKind.choices, default=ProjectKind.PROJECT
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("short name"), max_length=80)
    summary = models.TextField(_("summary"), blank=True)
    goals = models.ManyToManyField(Goal, verbose_name=_("goals"), blank=True, related_name="projects")
    status = models.CharField(
        _("status"), max_length=10, choices=ProjectStatus.choices, default=ProjectStatus.IDEA
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    confidentiality = models.CharField(
        _("confidentiality"), max_length=12, choices=OPENNESS, default=Confidentiality.PUBLIC
    )
    lead_body = models.ForeignKey(
        Body, verbose_name=_("lead body"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_member = models.ForeignKey(
        Municipality,
        verbose_name=_("lead member"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    lead_person = models.ForeignKey(
        Person,
        verbose_name=_("project lead"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    participants = models.ManyToManyField(
        Municipality, verbose_name=_("participating members"), blank=True, related_name="+"
    )
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("partner organisations"), blank=True, related_name="+"
    )
    budget = models.DecimalField(_("budget (€)"), max_digits=14, decimal_places=2, null=True, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    # Public affairs (kind lobby): the region's position, whom it addresses, what it does, what it achieved.
    position = models.TextField(_("position"), blank=True)
    lobby_targets = models.TextField(
        _("targets"), blank=True, help_text=_("Ministries, province, EU institutions — one per line.")
    )
    lobby_actions = models.TextField(_("actions"), blank=True)
    lobby_results = models.TextField(_("results"), blank=True)
    dossiers = models.ManyToManyField(Dossier, verbose_name=_("dossiers"), blank=True, related_name="+")
    decisions = models.ManyToManyField(AgendaItem, verbose_name=_("decisions"), blank=True, related_name="+")

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["programme", "title"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "slug"], name="strategy_project_slug_unique"),
            models.CheckConstraint(
                condition=Q(progress__lte=100),
                name="strategy_project_progress_percent",
                violation_error_message=_("Progress is a percentage from 0 to 100."),
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="strategy_project_period_ordered",
                violation_error_message=_("The end date of a project must not lie before its start date."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        programme = self.programme if self.programme_id else None
        if programme is not None:
            if self.lead_body is not None and self.lead_body.cooperation_id != programme.cooperation_id:
                errors["lead_body"] = _("The lead body belongs to another cooperation.")
            if self.lead_member_id and not is_member(
                municipality_id=self.lead_member_id, programme=programme
            ):
                errors["lead_member"] = _(
                    "%(name)s is not a member of %(cooperation)s during the programme period."
                ) % {"name": self.lead_member, "cooperation": programme.cooperation}
            for name in ("start_date", "end_date"):
                day = getattr(self, name)
                if day is not None and not programme.start_date <= day <= programme.end_date:
                    errors[name] = _("The date lies outside the programme period (%(start)s – %(end)s).") % {
                        "start": programme.start_date,
                        "end": programme.end_date,
                    }
        if errors:
            raise ValidationError(errors)


def is_member(*, municipality_id: int, programme: Programme) -> bool:
    """Does the municipality take part as a member in the programme's cooperation during its period?"""
    from naober.registry.models import Participation

    return (
        Participation.objects.filter(
            cooperation_id=programme.cooperation_id,
            municipality_id=municipality_id,
            role=Participation.Role.MEMBER,
            joined_on__lte=programme.end_date,
        )
        .filter(Q(left_on__isnull=True) | Q(left_on__gt=programme.start_date))
        .exists()
    )


class FundingSource(models.TextChoices):
    MEMBERS = "members", _("member contributions")
    PROVINCE = "province", _("province")
    REGIO_DEAL = "regio-deal", _("Regio Deal")
    EU = "eu", _("EU programme (e.g. Interreg)")
    OTHER = "other", _("other")


class FundingLine(TimestampedModel):
    """How much of a project's budget comes from one source."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="funding_lines"
    )
    source = models.CharField(_("source"), max_length=12, choices=FundingSource.choices)
    description = models.CharField(_("description"), max_length=200, blank=True)
    amount = models.DecimalField(
        _("amount (€)"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )

    class Meta:
        verbose_name = _("funding line")
        verbose_name_plural = _("funding")
        ordering = ["project", "source", "id"]

    def __str__(self) -> str:
        return f"{self.get_source_display()}: {self.amount}"


class Milestone(TimestampedModel):
    """A dated step of a project; `reached_on` once it is done."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("title"), max_length=200)
    due_on = models.DateField(_("planned date"))
    reached_on = models.DateField(_("reached on"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["project", "due_on", "id"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if not self.project_id or self.due_on is None:
            return
        programme = self.project.programme
        day = self.due_on
        if not programme.start_date <= day <= programme.end_date:
            raise ValidationError(
                {
                    "due_on": _(
                        "The milestone date %(date)s lies outside the programme period (%(start)s – %(end)s)."
                    )
                    % {"date": day, "start": programme.start_date, "end": programme.end_date}
                }
            )
