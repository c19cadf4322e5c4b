"""Imposing, lifting and carrying secrecy: the services and their audit trail."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from naober.access.models import LegalGround, Secrecy
from naober.access.rules import agenda_item_visible, dossier_visible
from naober.access.secrecy import secrecy_impose, secrecy_lift
from naober.access.viewer import viewer_for
from naober.core.models import AuditEntry, Channel, Confidentiality
from naober.meetings.models import AgendaItem, MeetingChange
from naober.meetings.services.agenda import agenda_item_forward
from tests.access.conftest import World, item, meeting
from tests.meetings.conftest import plan

pytestmark = pytest.mark.django_db
TITLE = "Onderhandelingsruimte Hoogland"


def test_imposing_makes_the_item_secret_for_its_recipients_and_whoever_imposed_it(world: World) -> None:
    target = item(meeting(world.chain), TITLE)
    secrecy = secrecy_impose(
        item=target,
        imposed_by=world.chain.bo,
        legal_ground=LegalGround.COMPETITION_SENSITIVE,
        recipients=[world.member],
        lift_on=timezone.localdate() + datetime.timedelta(days=365),
        by=world.editor,
    )
    target.refresh_from_db()
    assert target.confidentiality == Confidentiality.SECRET
    assert set(secrecy.recipients.all()) == {world.member, world.editor}
    assert secrecy.imposed_on == timezone.localdate()
    entries = AuditEntry.objects.filter(object_type="access.secrecy", object_id=str(secrecy.pk))
    assert entries.get().channel == Channel.SECRETARIAT and entries.get().actor == world.editor
    assert TITLE not in entries.get().object_repr
    assert AuditEntry.objects.filter(
        object_type="meetings.agendaitem", object_id=str(target.pk), changes__has_key="confidentiality"
    ).exists()
    change = MeetingChange.objects.filter(meeting=target.meeting).latest("version")
    assert TITLE not in change.summary and target.number in change.summary


def test_lifting_makes_it_confidential_and_is_audited_once(world: World) -> None:
    target = item(meeting(world.chain), TITLE)
    secrecy = secrecy_impose(
        item=target, imposed_by=world.chain.bo, legal_ground=LegalGround.PRIVACY, by=world.editor
    )
    secrecy_lift(secrecy=secrecy, lifted_by=world.chain.board, by=world.editor)
    secrecy.refresh_from_db()
    target.refresh_from_db()
    assert secrecy.lifted_at is not None and secrecy.lifted_by == world.chain.board
    assert target.confidentiality == Confidentiality.CONFIDENTIAL
    assert AuditEntry.objects.filter(object_type="access.secrecy", changes__has_key="lifted_at").exists()
    with pytest.raises(ValidationError, match="al opgeheven"):
        secrecy_lift(secrecy=secrecy, by=world.editor)


def test_imposing_again_after_lifting_renews_the_one_secrecy(world: World) -> None:
    target = item(meeting(world.chain), TITLE)
    first = secrecy_impose(item=target, imposed_by=world.chain.bo, legal_ground=LegalGround.PRIVACY, by=None)
    secrecy_lift(secrecy=first, by=None)
    again = secrecy_impose(
        item=target,
        imposed_by=world.chain.bo,
        legal_ground=LegalGround.PRIVACY,
        recipients=[world.guest],
        by=None,
    )
    assert again.pk == first.pk and again.lifted_at is None
    assert agenda_item_visible(viewer_for(world.guest), target)


def test_a_ground_of_its_own_needs_a_description_and_the_body_its_cooperation(world: World) -> None:
    target = item(meeting(world.chain), TITLE)
    with pytest.raises(ValidationError) as error:
        secrecy_impose(item=target, imposed_by=world.chain.bo, legal_ground=LegalGround.OTHER, by=None)
    assert "ground_text" in error.value.message_dict
    from tests.factories import BodyFactory

    with pytest.raises(ValidationError) as error:
        secrecy_impose(item=target, imposed_by=BodyFactory(), legal_ground=LegalGround.PRIVACY, by=None)
    assert "imposed_by" in error.value.message_dict
    assert not Secrecy.objects.exists()


def test_the_database_wants_exactly_one_object(world: World) -> None:
    target = item(meeting(world.chain), TITLE)
    with pytest.raises(IntegrityError), transaction.atomic():
        Secrecy.objects.create(
            imposed_by=world.chain.bo, legal_ground=LegalGround.PRIVACY, imposed_on=timezone.localdate()
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Secrecy.objects.create(
            agenda_item=target,
            dossier_id=None,
            document=None,
            imposed_by=world.chain.bo,
            legal_ground=LegalGround.PRIVACY,
            imposed_on=timezone.localdate(),
            lift_on=timezone.localdate(),
        )


def test_forwarding_a_secret_item_carries_its_secrecy(world: World) -> None:
    source_meeting = meeting(world.chain)
    plan(world.chain.board, timezone.localdate() + datetime.timedelta(days=60))
    source = item(source_meeting, TITLE)
    secrecy_impose(
        item=source,
        imposed_by=world.chain.bo,
        legal_ground=LegalGround.ECONOMIC_INTERESTS,
        recipients=[world.member],
        by=world.editor,
    )
    forwarded = agenda_item_forward(item=source, to_body=world.chain.board, by=world.editor)
    assert forwarded.confidentiality == Confidentiality.SECRET
    assert set(forwarded.secrecy.recipients.all()) == {world.member, world.editor}
    assert forwarded.dossier is not None
    assert set(forwarded.dossier.secrecy.recipients.all()) == {world.member, world.editor}
    assert not agenda_item_visible(viewer_for(world.admin), forwarded)
    assert not dossier_visible(viewer_for(world.admin), forwarded.dossier)
    assert AgendaItem.objects.filter(title=TITLE).count() == 2
