"""Write path for the registry: every change validated, atomic and audited."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from naober.core.models import Channel
from naober.core.services import Actor, object_save
from naober.registry.models import (
    Cooperation,
    Municipality,
    Organisation,
    Participation,
    PopulationFigure,
    Topic,
)


def population_figure_record(
    *,
    municipality: Municipality,
    reference_date: datetime.date,
    count: int,
    source: str,
    approximate: bool,
    by: Actor = None,
    channel: str = Channel.SYSTEM,
) -> PopulationFigure:
    """Record (or correct) the population on a reference date; earlier figures stay as history."""
    figure = PopulationFigure.objects.filter(municipality=municipality, reference_date=reference_date).first()
    if figure is None:
        figure = PopulationFigure(municipality=municipality, reference_date=reference_date)
    figure.count = count
    figure.source = source
    figure.approximate = approximate
    return object_save(instance=figure, by=by, channel=channel)


def participation_join(
    *,
    cooperation: Cooperation,
    participant: Municipality | Organisation,
    joined_on: datetime.date,
    role: str = Participation.Role.MEMBER,
    topics: Iterable[Topic] | None = None,
    left_on: datetime.date | None = None,
    note: str = "",
    by: Actor = None,
    channel: str = Channel.SYSTEM,
) -> Participation:
    """A municipality or organisation joins a cooperation: for everything, or (`topics`) for chosen topics."""
    chosen = list(topics or [])
    if any(topic.cooperation_id != cooperation.pk for topic in chosen):
        raise ValidationError({"topics": _("A participation can only name topics of its own cooperation.")})
    participation = Participation(
        cooperation=cooperation,
        municipality=participant if isinstance(participant, Municipality) else None,
        organisation=participant if isinstance(participant, Organisation) else None,
        role=role,
        scope=Participation.Scope.TOPICS if chosen else Participation.Scope.FULL,
        joined_on=joined_on,
        left_on=left_on,
        note=note,
    )
    with transaction.atomic():
        return object_save(instance=participation, by=by, channel=channel, many_to_many={"topics": chosen})


def participation_leave(
    *, participation: Participation, left_on: datetime.date, by: Actor = None, channel: str = Channel.SYSTEM
) -> Participation:
    if participation.left_on is not None:
        raise ValidationError(_("This participation has already ended."))
    participation.left_on = left_on
    return object_save(instance=participation, by=by, channel=channel)
