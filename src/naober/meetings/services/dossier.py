from __future__ import annotations

import re

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from naober.core.models import Channel, Confidentiality
from naober.core.services import Actor, object_save
from naober.governance.models import Body
from naober.meetings.models import AgendaItem, Consultation, Dossier
from naober.registry.models import Cooperation, Topic

GENERIC_WORDS = {"regio", "region", "samen", "samenwerking", "gemeenten", "de", "het", "van"}


def dossier_prefix(cooperation: Cooperation) -> str:
    """Three letters that tell cooperations apart: Regio Amersfoort → AME, Regio Achterhoek → ACH."""
    words = [word for word in re.split(r"[\s-]+", cooperation.short_name or cooperation.name) if word]
    distinctive = [word for word in words if word.lower() not in GENERIC_WORDS] or words
    name = re.sub(r"^Samen(?=[A-Z])", "", distinctive[0]) if distinctive else ""
    return re.sub(r"[^A-Za-z]", "", name)[:3].upper() or "DOS"


def dossier_next_reference(*, cooperation: Cooperation, year: int) -> str:
    prefix = dossier_prefix(cooperation)
    stem = f"{prefix}-{year}-"
    existing = Dossier.objects.filter(cooperation=cooperation, reference__startswith=stem).values_list(
        "reference", flat=True
    )
    numbers = [
        int(reference.rsplit("-", 1)[1]) for reference in existing if reference.rsplit("-", 1)[1].isdigit()
    ]
    return f"{stem}{max(numbers, default=0) + 1:03d}"


def dossier_create(
    *,
    cooperation: Cooperation,
    title: str,
    summary: str = "",
    topic: Topic | None = None,
    confidentiality: str = Confidentiality.PUBLIC,
    reference: str = "",
    by: Actor = None,
    channel: str = Channel.SECRETARIAT,
) -> Dossier:
    with transaction.atomic():
        dossier = Dossier(
            cooperation=cooperation,
            title=title,
            summary=summary,
            topic=topic,
            confidentiality=confidentiality,
            reference=reference
            or dossier_next_reference(cooperation=cooperation, year=timezone.localdate().year),
        )
        return object_save(instance=dossier, by=by, channel=channel)


def consultation_step_for(
    *,
    dossier: Dossier,
    body: Body,
    role: str,
    agenda_item: AgendaItem | None = None,
    by: Actor = None,
    channel: str = Channel.SECRETARIAT,
) -> Consultation:
    """The dossier's step in `body`: the open one without an agenda item if planned, else a new last step."""
    with transaction.atomic():
        step = (
            Consultation.objects.filter(dossier=dossier, body=body, agenda_item__isnull=True)
            .order_by("position")
            .first()
        )
        if step is None:
            last = Consultation.objects.filter(dossier=dossier).aggregate(last=Max("position"))["last"] or 0
            step = Consultation(dossier=dossier, body=body, position=last + 1)
        step.role = role
        step.agenda_item = agenda_item
        return object_save(instance=step, by=by, channel=channel)


def dossier_plan_route(
    *, dossier: Dossier, steps: list[tuple[Body, str]], by: Actor = None, channel: str = Channel.SECRETARIAT
) -> list[Consultation]:
    """Plan the route ahead (AO prepares, BO advises, board decides) before any meeting is chosen."""
    return [
        consultation_step_for(dossier=dossier, body=body, role=role, by=by, channel=channel)
        for body, role in steps
    ]
