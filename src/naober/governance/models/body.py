from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from naober.core.models import TimestampedModel
from naober.registry.models import Cooperation, Municipality, Topic


class BodyKind(models.TextChoices):
    GENERAL_BOARD = "general-board", _("general board")
    DAILY_BOARD = "daily-board", _("daily board")
    GOVERNING_MEETING = "governing-meeting", _("administrative meeting")
    MAYORS_MEETING = "mayors-meeting", _("mayors' meeting")
    TRIPLE_HELIX_BOARD = "triple-helix-board", _("triple-helix board")
    COUNCIL_ASSEMBLY = "council-assembly", _("assembly of councillors")
    COUNCIL_COMMITTEE = "council-committee", _("council committee")
    SECRETARIES_GROUP = "secretaries-group", _("secretaries' group")
    DIRECTORS_MEETING = "directors-meeting", _("directors' meeting")
    PORTFOLIO_MEETING = "portfolio-meeting", _("portfolio holders' meeting (BO)")
    CIVIL_SERVANTS_MEETING = "civil-servants-meeting", _("civil servants' meeting (AO)")
    STEERING_GROUP = "steering-group", _("steering group")
    THEME_TABLE = "theme-table", _("theme table")
    BUREAU = "bureau", _("bureau")
    OTHER = "other", _("other")


# Where a kind stands in the org chart: boards first, supporting staff last.
KIND_TIER = {
    BodyKind.COUNCIL_ASSEMBLY: 0,
    BodyKind.GENERAL_BOARD: 1,
    BodyKind.GOVERNING_MEETING: 1,
    BodyKind.MAYORS_MEETING: 1,
    BodyKind.TRIPLE_HELIX_BOARD: 1,
    BodyKind.DAILY_BOARD: 2,
    BodyKind.COUNCIL_COMMITTEE: 2,
    BodyKind.PORTFOLIO_MEETING: 3,
    BodyKind.THEME_TABLE: 3,
    BodyKind.STEERING_GROUP: 4,
    BodyKind.SECRETARIES_GROUP: 4,
    BodyKind.DIRECTORS_MEETING: 4,
    BodyKind.CIVIL_SERVANTS_MEETING: 5,
    BodyKind.OTHER: 6,
    BodyKind.BUREAU: 7,
}


class ExOfficioFunction(models.TextChoices):
    MAYOR = "mayor", _("mayor")
    ALDERMAN = "alderman", _("alderman")
    MUNICIPAL_SECRETARY = "municipal-secretary", _("municipal secretary")


class Body(TimestampedModel):
    """A body of the cooperation: a board, a BO, an AO, a theme table, the bureau."""

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE, related_name="bodies"
    )
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=100)
    kind = models.CharField(_("kind"), max_length=30, choices=BodyKind.choices)
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bodies",
    )
    prepares = models.ForeignKey(
        "self",
        verbose_name=_("prepares"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="prepared_by",
        help_text=_("The body whose meetings this body prepares (AO → BO, ARG → BORA)."),
    )
    description = models.TextField(_("description"), blank=True)
    meetings_per_year_min = models.PositiveSmallIntegerField(
        _("meetings per year (minimum)"), null=True, blank=True
    )
    meetings_per_year_max = models.PositiveSmallIntegerField(
        _("meetings per year (maximum)"), null=True, blank=True
    )
    public_by_default = models.BooleanField(_("meets in public by default"), default=False)
    documents_lead_days = models.PositiveSmallIntegerField(
        _("documents deadline (days before the meeting)"),
        default=10,
        help_text=_("Meeting documents must be in this many days before the meeting."),
    )
    chair_rule = models.CharField(
        _("chair rule"), max_length=300, blank=True, help_text=_("Who chairs, in words.")
    )
    chair_ex_officio_municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("chair ex officio: municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    chair_ex_officio_function = models.CharField(
        _("chair ex officio: function"), max_length=30, blank=True, choices=ExOfficioFunction.choices
    )
    established_on = models.DateField(_("established on"), null=True, blank=True)
    dissolved_on = models.DateField(_("dissolved on"), null=True, blank=True)

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["cooperation", "name"]
        constraints = [
            models.UniqueConstraint(fields=["cooperation", "slug"], name="body_slug_unique_per_cooperation"),
            models.CheckConstraint(
                condition=Q(meetings_per_year_min__isnull=True)
                | Q(meetings_per_year_max__isnull=True)
                | Q(meetings_per_year_max__gte=F("meetings_per_year_min")),
                name="body_meetings_per_year_range",
                violation_error_message=_("The maximum number of meetings per year is below the minimum."),
            ),
            models.CheckConstraint(
                condition=Q(dissolved_on__isnull=True)
                | Q(established_on__isnull=True)
                | Q(dissolved_on__gt=F("established_on")),
                name="body_dissolved_after_established",
                violation_error_message=_("A body is dissolved after it was established."),
            ),
            models.CheckConstraint(
                condition=(Q(chair_ex_officio_municipality__isnull=True) & Q(chair_ex_officio_function=""))
                | (Q(chair_ex_officio_municipality__isnull=False) & ~Q(chair_ex_officio_function="")),
                name="body_ex_officio_chair_complete",
                violation_error_message=_("An ex officio chair needs both a municipality and a function."),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if (
            self.short_name
            and self.topic_id
            and self.kind in (BodyKind.PORTFOLIO_MEETING, BodyKind.CIVIL_SERVANTS_MEETING)
        ):
            return f"{self.short_name} {self.topic.name}" if self.topic else self.short_name
        return self.name

    @property
    def tier(self) -> int:
        return KIND_TIER.get(BodyKind(self.kind), 6)

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.prepares_id is not None:
            prepared = self.prepares
            if prepared is not None and prepared.cooperation_id != self.cooperation_id:
                errors["prepares"] = _("A body can only prepare a body of the same cooperation.")
            seen = {self.pk}
            while prepared is not None and "prepares" not in errors:
                if prepared.pk in seen:
                    errors["prepares"] = _("This would make the preparation chain circular.")
                seen.add(prepared.pk)
                prepared = prepared.prepares
        if (
            self.topic_id is not None
            and self.topic is not None
            and self.topic.cooperation_id != self.cooperation_id
        ):
            errors["topic"] = _("The topic belongs to another cooperation.")
        if errors:
            raise ValidationError(errors)
