from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from naober.core.models import AuditEntry
from naober.meetings.models import AgendaItem, AttendanceStatus, ConsultationRole, DecisionOutcome, Meeting
from naober.meetings.services.agenda import agenda_item_add, agenda_item_forward, agenda_item_remove
from naober.meetings.services.decisions import action_create, attendance_record, decision_record
from naober.meetings.services.documents import document_add, document_add_version
from tests.factories import MembershipFactory, PersonFactory
from tests.meetings.conftest import Chain, plan
from tests.samples import pdf_bytes

pytestmark = pytest.mark.django_db
PAST = timezone.localdate() - datetime.timedelta(days=60)


def travelled_dossier(chain: Chain, by) -> tuple[AgendaItem, AgendaItem, AgendaItem]:
    """A proposal prepared in the AO, advised on in the BO and decided by the board, with a document."""
    ao = plan(chain.ao, PAST, hour=10)
    bo = plan(chain.bo, PAST + datetime.timedelta(days=14))
    board = plan(chain.board, PAST + datetime.timedelta(days=35))
    item = agenda_item_add(meeting=ao, title="Regionale woondeal", expected_version=None, by=by)
    document = document_add(
        title="Voorstel woondeal", filename="voorstel.pdf", content=pdf_bytes(), agenda_item=item, by=by
    )
    document_add_version(document=document, filename="voorstel-v2.pdf", content=pdf_bytes("Versie 2"), by=by)
    in_bo = agenda_item_forward(
        item=item, to_body=chain.bo, role=ConsultationRole.ADVISE, to_meeting=bo, by=by
    )
    decision_record(
        item=in_bo, outcome=DecisionOutcome.ADOPTED, text="Positief advies.", expected_version=None
    )
    in_board = agenda_item_forward(
        item=in_bo, to_body=chain.board, role=ConsultationRole.DECIDE, to_meeting=board, by=by
    )
    decision_record(
        item=in_board,
        outcome=DecisionOutcome.ADOPTED,
        text="Vastgesteld door het bestuur.",
        expected_version=None,
    )
    item.refresh_from_db()
    return item, in_bo, in_board


def test_dossier_history_follows_the_route(administrator_client: Client, administrator, chain: Chain) -> None:
    item, in_bo, in_board = travelled_dossier(chain, administrator)
    dossier = item.dossier
    assert dossier is not None
    page = reverse("secretariat:dossier", args=[chain.cooperation.slug, dossier.pk])
    url = reverse("secretariat:audit-dossier", args=[chain.cooperation.slug, dossier.pk])
    assert url in administrator_client.get(page).content.decode()  # the "Geschiedenis" link
    response = administrator_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    kinds = {(row.entry.object_type, row.entry.object_id) for row in response.context["rows"]}
    assert ("meetings.dossier", str(dossier.pk)) in kinds
    for step in dossier.consultations.all():
        assert ("meetings.consultation", str(step.pk)) in kinds
    for treated in (item, in_bo, in_board):
        assert ("meetings.agendaitem", str(treated.pk)) in kinds
    document = item.documents.get()
    assert ("meetings.document", str(document.pk)) in kinds
    for version in document.versions.all():
        assert ("meetings.documentversion", str(version.pk)) in kinds
    # The decisions, readable: the field's name and the outcome's label, not the stored value.
    assert "Vastgesteld door het bestuur." in html and "Positief advies." in html
    assert "<ins>vastgesteld</ins>" in html  # DecisionOutcome.ADOPTED, in Dutch
    assert "AO Wonen" in html and "BO Wonen" in html and "BORA" in html  # named references to the bodies
    # Nothing of another dossier or meeting.
    other = agenda_item_add(meeting=item.meeting, title="Ander onderwerp", expected_version=None)
    assert str(other) not in administrator_client.get(url).content.decode()


def test_dossier_history_keeps_removed_items(administrator_client: Client, chain: Chain) -> None:
    bo = plan(chain.bo, timezone.localdate() + datetime.timedelta(days=10))
    board = plan(chain.board, timezone.localdate() + datetime.timedelta(days=30))
    item = agenda_item_add(meeting=bo, title="Woondeal", expected_version=None)
    in_board = agenda_item_forward(item=item, to_body=chain.board, to_meeting=board)
    dossier, removed = in_board.dossier, str(in_board.pk)
    agenda_item_remove(item=in_board, expected_version=None)
    response = administrator_client.get(
        reverse("secretariat:audit-dossier", args=[chain.cooperation.slug, dossier.pk])
    )
    deleted = [row for row in response.context["rows"] if row.entry.action == AuditEntry.Action.DELETE]
    assert [row.entry.object_id for row in deleted] == [removed]


def test_meeting_history(administrator_client: Client, administrator, chain: Chain) -> None:
    meeting: Meeting = plan(chain.bo, PAST)
    person = PersonFactory(given_name="Anna", family_name="Jansen")
    MembershipFactory(person=person, body=chain.bo, start_date=PAST - datetime.timedelta(days=300))
    item = agenda_item_add(meeting=meeting, title="Woondeal", expected_version=None, by=administrator)
    document_add(
        title="Bijlage", filename="bijlage.pdf", content=pdf_bytes(), meeting=meeting, by=administrator
    )
    attendance_record(meeting=meeting, person=person, status=AttendanceStatus.PRESENT, by=administrator)
    action_create(body=chain.bo, description="Notitie opstellen", owner=None, origin=item, by=administrator)
    workspace = reverse("secretariat:meeting", args=[chain.cooperation.slug, meeting.pk])
    url = reverse("secretariat:audit-meeting", args=[chain.cooperation.slug, meeting.pk])
    assert url in administrator_client.get(workspace).content.decode()
    response = administrator_client.get(url)
    assert response.status_code == 200
    types = {row.entry.object_type for row in response.context["rows"]}
    assert {
        "meetings.meeting",
        "meetings.agendaitem",
        "meetings.document",
        "meetings.documentversion",
        "meetings.attendance",
        "meetings.action",
    } <= types
    html = response.content.decode()
    assert "Notitie opstellen" in html and "Anna Jansen" in html and "beheerder" in html
    # Another meeting's entries stay out.
    other = plan(chain.ao, PAST)
    agenda_item_add(meeting=other, title="Elders besproken", expected_version=None)
    assert "Elders besproken" not in administrator_client.get(url).content.decode()


def test_editors_see_no_history_links(editor_client: Client, chain: Chain) -> None:
    meeting = plan(chain.bo, PAST)
    html = editor_client.get(
        reverse("secretariat:meeting", args=[chain.cooperation.slug, meeting.pk])
    ).content
    assert b"/audit/" not in html


def test_object_history_renders_changes_readably(administrator_client: Client, chain: Chain) -> None:
    meeting = plan(chain.bo, PAST)
    item = agenda_item_add(
        meeting=meeting, title="Woondeal", description="Lang verhaal. " * 40, expected_version=None
    )
    decision_record(item=item, outcome=DecisionOutcome.POSTPONED, expected_version=None)
    url = reverse("secretariat:audit-object", args=[chain.cooperation.slug, "meetings.agendaitem", item.pk])
    response = administrator_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Besluit" in html and "aangehouden" in html  # field verbose name, choice label
    assert "<del>" in html and "<ins>" in html
    assert "<details><summary>" in html  # the long description behind an expander
    missing = reverse(
        "secretariat:audit-object", args=[chain.cooperation.slug, "meetings.agendaitem", 999999]
    )
    assert administrator_client.get(missing).status_code == 404
