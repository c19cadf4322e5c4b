"""Imposing and lifting secrecy (geheimhouding) on an agenda item, document or dossier; audited.

The object's `confidentiality` follows: `secret` while imposed, `confidential` once lifted. Who imposes it
becomes a recipient, so the secret never disappears from under the hands of the person handling it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.access.models import Secrecy
from naober.core.models import Channel, Confidentiality
from naober.core.services import Actor, object_save, user_or_none
from naober.governance.models import Body
from naober.meetings.models import AgendaItem, Document, Dossier

Target = AgendaItem | Document | Dossier


def _target_field(target: Target) -> str:
    if isinstance(target, AgendaItem):
        return "agenda_item"
    if isinstance(target, Document):
        return "document"
    return "dossier"


def _only_target(item: AgendaItem | None, document: Document | None, dossier: Dossier | None) -> Target:
    targets: list[Target] = [target for target in (item, document, dossier) if target is not None]
    if len(targets) != 1:
        raise ValueError("Pass exactly one of item, document or dossier.")
    return targets[0]


def _set_level(*, target: Target, level: str, summary: str, by: Actor, channel: str) -> None:
    if target.confidentiality == level:
        return
    target.confidentiality = level
    if isinstance(target, AgendaItem):
        from naober.meetings.services.concurrency import meeting_claim_version

        # The change is announced by number only: its title must not reach those who lose sight of it.
        meeting_claim_version(meeting=target.meeting, expected_version=None, by=by, summary=summary)
    object_save(instance=target, by=by, channel=channel)


def secrecy_of(target: Target) -> Secrecy | None:
    return Secrecy.objects.filter(**{_target_field(target): target}).first()


def secrecy_impose(
    *,
    item: AgendaItem | None = None,
    document: Document | None = None,
    dossier: Dossier | None = None,
    imposed_by: Body,
    legal_ground: str,
    ground_text: str = "",
    recipients: Iterable[object] = (),
    lift_on: datetime.date | None = None,
    imposed_on: datetime.date | None = None,
    by: Actor,
    channel: str = Channel.SECRETARIAT,
) -> Secrecy:
    """Make one object secret for `recipients` (and whoever imposes it); imposing again updates it."""
    target = _only_target(item, document, dossier)
    actor = user_or_none(by)
    people = {getattr(person, "pk", person) for person in recipients}
    if actor is not None:
        people.add(actor.pk)
    with transaction.atomic():
        secrecy = secrecy_of(target) or Secrecy(**{_target_field(target): target})
        secrecy.imposed_by = imposed_by
        secrecy.legal_ground = legal_ground
        secrecy.ground_text = ground_text.strip()
        secrecy.imposed_on = imposed_on or timezone.localdate()
        secrecy.lift_on = lift_on
        secrecy.lifted_by = None
        secrecy.lifted_at = None
        object_save(instance=secrecy, by=by, channel=channel, many_to_many={"recipients": sorted(people)})
        number = getattr(target, "number", "")
        _set_level(
            target=target,
            level=Confidentiality.SECRET,
            summary=_("Secrecy imposed on item %(number)s") % {"number": number},
            by=by,
            channel=channel,
        )
    return secrecy


def secrecy_lift(
    *,
    secrecy: Secrecy,
    lifted_by: Body | None = None,
    by: Actor,
    channel: str = Channel.SECRETARIAT,
) -> Secrecy:
    """Lift the secrecy now; the object becomes confidential (make it public afterwards if it may be)."""
    if not secrecy.is_active(on=timezone.localdate()):
        raise ValidationError(_("This secrecy has already been lifted."))
    target: Target = secrecy.agenda_item or secrecy.document or secrecy.dossier  # type: ignore[assignment]
    with transaction.atomic():
        secrecy.lifted_at = timezone.now()
        secrecy.lifted_by = lifted_by
        object_save(instance=secrecy, by=by, channel=channel)
        _set_level(
            target=target,
            level=Confidentiality.CONFIDENTIAL,
            summary=_("Secrecy lifted on item %(number)s") % {"number": getattr(target, "number", "")},
            by=by,
            channel=channel,
        )
    return secrecy


def carried_level(item: AgendaItem) -> str:
    """The level an item passes on when forwarded: a lifted secrecy carries on as confidential."""
    if item.confidentiality != Confidentiality.SECRET:
        return item.confidentiality
    secrecy = secrecy_of(item)
    if secrecy is not None and not secrecy.is_active(on=timezone.localdate()):
        return Confidentiality.CONFIDENTIAL
    return Confidentiality.SECRET


def secrecy_copy(
    *,
    source: AgendaItem,
    item: AgendaItem | None = None,
    dossier: Dossier | None = None,
    by: Actor,
    channel: str = Channel.SECRETARIAT,
) -> Secrecy | None:
    """Carry the active secrecy of `source` over to the item or dossier made from it (forwarding)."""
    secrecy = secrecy_of(source)
    if secrecy is None or not secrecy.is_active(on=timezone.localdate()):
        return None
    return secrecy_impose(
        item=item,
        dossier=dossier,
        imposed_by=secrecy.imposed_by,
        legal_ground=secrecy.legal_ground,
        ground_text=secrecy.ground_text,
        recipients=list(secrecy.recipients.values_list("pk", flat=True)),
        lift_on=secrecy.lift_on,
        imposed_on=secrecy.imposed_on,
        by=by,
        channel=channel,
    )
