"""The information memo after a board meeting, and the OParl contract of council steps."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db.models import F
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from naober.councils.memo import memo_draft, memo_send, memo_update
from naober.councils.models import CouncilAddress, MemoDelivery
from naober.councils.oparl import public_council_step, public_council_steps
from naober.councils.services import member_withdraw, outcome_record
from naober.meetings.models import Meeting
from naober.meetings.services.agenda import agenda_item_add
from naober.meetings.services.convene import meeting_convene
from naober.meetings.services.decisions import decision_record
from naober.meetings.services.meeting import meeting_plan
from tests.councils.factories import budget_round, public_dossier, region
from tests.factories import verified_login

pytestmark = pytest.mark.django_db


def held_meeting(world) -> Meeting:
    start = timezone.now() + datetime.timedelta(days=2)
    meeting = meeting_plan(body=world.board, start=start, end=start + datetime.timedelta(hours=2))
    public = agenda_item_add(meeting=meeting, title="Woondeal", kind="decision", expected_version=None)
    secret = agenda_item_add(
        meeting=meeting,
        title="Grond qxvertitel",
        kind="decision",
        confidentiality="confidential",
        expected_version=None,
    )
    meeting.refresh_from_db()
    meeting_convene(meeting=meeting, expected_version=meeting.version, by=None)
    Meeting.objects.filter(pk=meeting.pk).update(
        start=F("start") - datetime.timedelta(days=5), end=F("end") - datetime.timedelta(days=5)
    )
    for item, text in ((public, "Vastgesteld qxpubbesluit"), (secret, "Besluit qxverbesluit")):
        item.refresh_from_db()
        decision_record(item=item, outcome="adopted", text=text, expected_version=None)
    meeting.refresh_from_db()
    return meeting


def test_memo_is_drafted_from_public_decisions_edited_sent_and_archived(
    mailoutbox, django_capture_on_commit_callbacks
) -> None:
    world = region()
    for municipality in world.members[:3]:
        CouncilAddress.objects.create(
            municipality=municipality, council_email=f"raad@{municipality.slug}.example.org"
        )
    meeting = held_meeting(world)
    memo = memo_draft(meeting=meeting, by=world.editor)
    assert "qxpubbesluit" in memo.text
    assert "qxverbesluit" not in memo.text and "qxvertitel" not in memo.text
    memo = memo_update(memo=memo, subject=memo.subject, text=memo.text + "\nAanvulling.", by=world.editor)
    with django_capture_on_commit_callbacks(execute=True):
        skipped = memo_send(memo=memo, by=world.editor)
    assert skipped == ["Berkelland"]
    assert sorted(message.to[0] for message in mailoutbox) == [
        "raad@aalten.example.org",
        "raad@doetinchem.example.org",
        "raad@winterswijk.example.org",
    ]
    assert MemoDelivery.objects.filter(memo=memo).count() == 3
    assert all("Aanvulling." in delivery.text for delivery in MemoDelivery.objects.all())
    with pytest.raises(ValidationError, match="sent already"):
        memo_send(memo=memo, by=world.editor)
    clerk = Client()
    clerk.force_login(world.clerks["aalten"])
    page = clerk.get(reverse("councils:clerk", args=["aalten"])).content.decode()
    assert memo.subject in page and "Aanvulling." in page


def test_memo_page(mailoutbox) -> None:
    world = region()
    CouncilAddress.objects.create(municipality=world.members[0], council_email="raad@doetinchem.example.org")
    meeting = held_meeting(world)
    client = verified_login(Client(), world.editor)
    url = reverse("councils:memo", args=[world.cooperation.slug, meeting.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"action": "draft"})
    page = client.get(url).content.decode()
    assert "qxpubbesluit" in page
    response = client.post(
        url, {"action": "send", "subject": "Informatie", "text": "Tekst voor de raden"}, follow=True
    )
    assert "sent to the member councils" in response.content.decode()
    assert MemoDelivery.objects.get().address == "raad@doetinchem.example.org"


def test_memo_needs_a_held_meeting() -> None:
    world = region()
    start = timezone.now() + datetime.timedelta(days=2)
    meeting = meeting_plan(body=world.board, start=start, end=start + datetime.timedelta(hours=1))
    with pytest.raises(ValidationError, match="held"):
        memo_draft(meeting=meeting, by=None)


def test_oparl_council_steps_of_a_public_dossier() -> None:
    world = region()
    dossier = public_dossier(world)
    opened = budget_round(world, dossier)
    first, second = list(opened.members.order_by("pk")[:2])
    outcome_record(member=first, outcome="remarks", decided_on=timezone.localdate(), by=None)
    member_withdraw(member=second, by=None)
    steps = public_council_steps([dossier.pk, 999])
    assert list(steps) == [dossier.pk]
    assert [step.pk for step in steps[dossier.pk]] == sorted(
        member.pk for member in opened.members.exclude(pk=second.pk)
    )
    step = public_council_step(first.pk)
    assert step is not None
    assert (step.addressee, step.authoritative, step.outcome, step.decided_on) == (
        "council",
        False,
        "agrees with remarks",
        timezone.localdate(),
    )
    assert step.role.startswith("Opinion on the draft budget")
    assert public_council_step(second.pk).deleted is True
    with_deleted = public_council_steps([dossier.pk], include_deleted=True)[dossier.pk]
    assert [s.deleted for s in with_deleted if s.pk == second.pk] == [True]


def test_oparl_hides_confidential_dossiers() -> None:
    world = region()
    dossier = public_dossier(world, confidentiality="confidential")
    opened = budget_round(world, dossier)
    assert public_council_steps([dossier.pk]) == {}
    assert public_council_step(opened.members.first().pk) is None


def test_oparl_answers_a_withdrawn_council_step_as_deleted(client) -> None:
    from naober.oparl import ids

    world = region()
    opened = budget_round(world, public_dossier(world))
    member = opened.members.order_by("pk").first()
    member_withdraw(member=member, by=None)
    response = client.get(ids.council_consultation(member.pk))
    assert response.status_code == 200
    body = response.json()
    assert body["deleted"] is True and body["id"] == ids.council_consultation(member.pk)
    assert "organization" not in body  # a deleted object keeps only id, type, created and modified
