"""Secret items in the secretariat: editors who are no recipient see a numbered placeholder, nothing more."""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from naober.access.models import LegalGround
from naober.access.secrecy import secrecy_impose
from naober.core.models import Confidentiality
from naober.meetings.models import AgendaItem, DecisionOutcome, Meeting, MeetingStatus
from naober.meetings.services.agenda import agenda_item_forward
from naober.meetings.services.decisions import action_create, decision_record
from naober.meetings.services.meeting import meeting_day_get_or_create
from tests.access.conftest import World, client_for, document, item, meeting, set_status
from tests.meetings.conftest import plan

pytestmark = pytest.mark.django_db

MARKER = "Grondaankoop Vathorst-Noord"
MARKS = (MARKER, "Beschrijving-XQ7", "Bijlage-XQ7", "Besluittekst-XQ7", "Actie-XQ7")
PLACEHOLDER = "Geheim agendapunt"


@dataclass
class Secret:
    meeting: Meeting
    item: AgendaItem


def _secret_item(world: World, on: Meeting, *, decided: bool = False) -> AgendaItem:
    secret = item(on, MARKER)
    AgendaItem.objects.filter(pk=secret.pk).update(description="Beschrijving-XQ7")
    document("Bijlage-XQ7", on_item=secret)
    if decided:
        decision_record(
            item=secret, outcome=DecisionOutcome.ADOPTED, text="Besluittekst-XQ7", expected_version=None
        )
    action_create(body=on.body, description="Actie-XQ7", owner=world.member_person, origin=secret)
    secrecy_impose(
        item=secret, imposed_by=world.chain.bo, legal_ground=LegalGround.ECONOMIC_INTERESTS, by=world.admin
    )
    secret.refresh_from_db()
    return secret


@pytest.fixture
def secret(world: World) -> Secret:
    on = meeting(world.chain, MeetingStatus.PLANNED)
    item(on, "Regionale woondeal")
    return Secret(on, _secret_item(world, on))


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _workspace(on: Meeting) -> str:
    return reverse("secretariat:meeting", args=[on.cooperation.slug, on.pk])


def _absent(html: str) -> None:
    for mark in MARKS:
        assert mark not in html, mark


def test_the_workspace_shows_a_non_recipient_a_placeholder(world: World, secret: Secret) -> None:
    html = _page(client_for(world.editor), _workspace(secret.meeting))
    _absent(html)
    assert PLACEHOLDER in html and "Regionale woondeal" in html
    assert f'id="item-{secret.item.pk}"' in html and secret.item.number in html
    recipient = _page(client_for(world.admin), _workspace(secret.meeting))
    assert MARKER in recipient and "Bijlage-XQ7" in recipient and "Actie-XQ7" in recipient
    assert PLACEHOLDER not in recipient


def test_the_platform_administrator_is_no_recipient_either(world: World, secret: Secret) -> None:
    _absent(_page(client_for(world.platform_admin), _workspace(secret.meeting)))


def test_a_non_recipient_cannot_reach_the_item_by_its_address(world: World, secret: Secret) -> None:
    client = client_for(world.editor)
    args = [secret.meeting.cooperation.slug, secret.meeting.pk, secret.item.pk]
    edit = client.post(
        reverse("secretariat:item-edit", args=args),
        {"title": "Overschreven", "kind": "decision", "version": secret.meeting.version + 10},
    )
    assert edit.status_code == 404
    assert client.get(reverse("secretariat:item-secrecy", args=args)).status_code == 404
    assert client.post(reverse("secretariat:item-secrecy-lift", args=args)).status_code == 404
    secret.item.refresh_from_db()
    assert secret.item.title == MARKER
    assert client_for(world.admin).get(reverse("secretariat:item-secrecy", args=args)).status_code == 200


def test_the_combined_agenda_of_a_meeting_day(world: World, secret: Secret) -> None:
    day = meeting_day_get_or_create(
        cooperation_id=world.chain.cooperation.pk, date=secret.meeting.start.date(), name="Regiomiddag"
    )
    Meeting.objects.filter(pk=secret.meeting.pk).update(meeting_day=day)
    url = reverse("secretariat:meeting-day", args=[world.chain.cooperation.slug, day.pk])
    html = _page(client_for(world.editor), url)
    _absent(html)
    assert PLACEHOLDER in html
    assert MARKER in _page(client_for(world.admin), url)


def test_the_decision_list_and_its_pdf(world: World) -> None:
    on = plan(world.chain.bo, timezone.localdate() - datetime.timedelta(days=3))
    _secret_item(world, on, decided=True)
    set_status(on, MeetingStatus.HELD)
    url = reverse("secretariat:decision-list", args=[on.cooperation.slug, on.pk])
    html = _page(client_for(world.editor), url)
    _absent(html)
    assert PLACEHOLDER in html
    pdf = client_for(world.editor).get(url + "?format=pdf").content
    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    _absent(text)
    assert PLACEHOLDER in text
    recipient = _page(client_for(world.admin), url)
    assert MARKER in recipient and "Besluittekst-XQ7" in recipient and "Actie-XQ7" in recipient


def test_dossiers_of_a_secret_item(world: World, secret: Secret) -> None:
    plan(world.chain.board, timezone.localdate() + datetime.timedelta(days=60))
    forwarded = agenda_item_forward(item=secret.item, to_body=world.chain.board, by=world.admin)
    dossier = forwarded.dossier
    assert dossier is not None
    meetings = reverse("secretariat:meetings", args=[world.chain.cooperation.slug])
    listing = _page(client_for(world.editor), meetings)
    _absent(listing)
    assert dossier.reference in listing and "geheim dossier" in listing
    page = reverse("secretariat:dossier", args=[world.chain.cooperation.slug, dossier.pk])
    assert client_for(world.editor).get(page).status_code == 404
    assert MARKER in _page(client_for(world.admin), page)
    # The next meeting shows the forwarded item as a placeholder as well.
    _absent(_page(client_for(world.editor), _workspace(forwarded.meeting)))


def test_the_change_log_does_not_name_a_secret_item(world: World, secret: Secret) -> None:
    Meeting.objects.filter(pk=secret.meeting.pk).update(status=MeetingStatus.CONVENED)
    html = _page(client_for(world.editor), _workspace(secret.meeting))
    _absent(html)
    assert "Geheimhouding opgelegd op agendapunt" in html


def test_an_editor_makes_an_item_secret_through_the_form(world: World) -> None:
    on = meeting(world.chain, MeetingStatus.PLANNED)
    target = item(on, MARKER, Confidentiality.CONFIDENTIAL)
    url = reverse("secretariat:item-secrecy", args=[on.cooperation.slug, on.pk, target.pk])
    form = _page(client_for(world.editor), url)
    assert "lid" in form and "redacteur" in form  # recipient candidates: roles and members
    response = client_for(world.editor).post(
        url,
        {
            "imposed_by": world.chain.bo.pk,
            "legal_ground": LegalGround.PRIVACY,
            "recipients": [world.member.pk],
        },
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.confidentiality == Confidentiality.SECRET
    assert set(target.secrecy.recipients.all()) == {world.member, world.editor}
    _absent(_page(client_for(world.admin), _workspace(on)))
    assert MARKER in _page(client_for(world.editor), _workspace(on))
    lift = reverse("secretariat:item-secrecy-lift", args=[on.cooperation.slug, on.pk, target.pk])
    client_for(world.editor).post(lift, {"lifted_by": world.chain.bo.pk})
    target.refresh_from_db()
    assert target.confidentiality == Confidentiality.CONFIDENTIAL
    assert MARKER in _page(client_for(world.admin), _workspace(on))
