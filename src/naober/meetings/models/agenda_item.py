from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.core.models import Confidentiality, TimestampedModel
from naober.governance.models import Person
from naober.meetings.models.dossier import Dossier
from naober.meetings.models.meeting import Meeting


class AgendaItemKind(models.TextChoices):
    OPENING = "opening", _("opening")
    MINUTES = "minutes", _("minutes of the previous meeting")
    ACTIONS = "actions", _("action list")
    DECISION = "decision", _("for decision")
    DISCUSSION = "discussion", _("for discussion")
    INFORMATION = "information", _("for information")
    ANY_OTHER_BUSINESS = "aob", _("any other business")
    CLOSING = "closing", _("closing")


class DecisionOutcome(models.TextChoices):
    ADOPTED = "adopted", _("adopted")
    ADOPTED_AS_AMENDED = "amended", _("adopted as amended")
    REJECTED = "rejected", _("rejected")
    POSTPONED = "postponed", _("postponed")
    WITHDRAWN = "withdrawn", _("withdrawn")
    NOTED = "noted", _("noted")


class AgendaItem(TimestampedModel):
    """An item on a meeting's agenda, and after the meeting its decision and minutes."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    position = models.PositiveIntegerField(_("position"))
    number = models.CharField(_("number"), max_length=10, blank=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(
        _("kind"), max_length=12, choices=AgendaItemKind.choices, default=AgendaItemKind.DISCUSSION
    )
    confidentiality = models.CharField(
        _("confidentiality"), max_length=12, choices=Confidentiality.choices, default=Confidentiality.PUBLIC
    )
    embargo_until = models.DateTimeField(
        _("embargo until"),
        null=True,
        blank=True,
        help_text=_("Not public before this moment, even once the meeting is convened."),
    )
    rapporteur = models.ForeignKey(
        Person,
        verbose_name=_("rapporteur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dossier = models.ForeignKey(
        Dossier,
        verbose_name=_("dossier"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )
    forwarded_from = models.ForeignKey(
        "self",
        verbose_name=_("forwarded from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forwarded_to",
    )
    outcome = models.CharField(_("decision"), max_length=10, choices=DecisionOutcome.choices, blank=True)
    decision_text = models.TextField(_("decision text"), blank=True)
    votes_for = models.PositiveSmallIntegerField(_("votes for"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("votes against"), null=True, blank=True)
    votes_abstained = models.PositiveSmallIntegerField(_("abstentions"), null=True, blank=True)
    minutes = models.TextField(_("minutes"), blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="agenda_item_position_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()

    @property
    def has_decision(self) -> bool:
        return bool(self.outcome)

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        errors: dict[str, object] = {}
        if self.parent_id is not None and self.parent is not None:
            if self.parent.meeting_id != self.meeting_id:
                errors["parent"] = _("A sub-item belongs to the same meeting as its item.")
            elif self.parent.parent_id is not None:
                errors["parent"] = _("Sub-items cannot have sub-items of their own.")
        votes = (self.votes_for, self.votes_against, self.votes_abstained)
        if any(vote is not None for vote in votes) and not self.outcome:
            errors["outcome"] = _("Votes can only be recorded with a decision.")
        dossier = self.dossier if self.dossier_id else None
        if (
            dossier is not None
            and self.meeting_id is not None
            and dossier.cooperation_id != self.meeting.cooperation_id
        ):
            errors["dossier"] = _("The dossier belongs to another cooperation.")
        if errors:
            raise ValidationError(errors)
