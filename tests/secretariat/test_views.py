from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from naober.meetings.models import AgendaItem, Document, Meeting
from naober.meetings.services.agenda import agenda_item_add
from tests.factories import MembershipFactory, UserFactory
from tests.meetings.conftest import Chain, plan
from tests.samples import pdf_bytes

pytestmark = pytest.mark.django_db
DAY = timezone.localdate() + datetime.timedelta(days=21)


def meeting_url(meeting: Meeting, name: str = "meeting", **extra: object) -> str:
    return reverse(
        f"secretariat:{name}", kwargs={"cooperation": meeting.cooperation.slug, "pk": meeting.pk, **extra}
    )


def test_anonymous_visitors_are_sent_to_sign_in(client: Client, chain: Chain) -> None:
    response = client.get(reverse("secretariat:meetings", args=[chain.cooperation.slug]))
    assert response.status_code == 302
    assert response["Location"].startswith("/aanmelden/")


def test_users_without_a_role_see_nothing(client: Client, chain: Chain) -> None:
    meeting = plan(chain.bo, DAY)
    client.force_login(UserFactory(username="buitenstaander"))
    assert client.get(reverse("secretariat:meetings", args=[chain.cooperation.slug])).status_code == 404
    assert client.get(meeting_url(meeting)).status_code == 404
    response = client.post(
        meeting_url(meeting, "item-add"),
        {"title": "X", "kind": "decision", "confidentiality": "public", "version": 1},
    )
    assert response.status_code == 404
    assert not AgendaItem.objects.filter(title="X").exists()


def test_plan_a_meeting_through_the_form(editor_client: Client, chain: Chain) -> None:
    url = reverse("secretariat:meeting-new", args=[chain.cooperation.slug])
    response = editor_client.post(
        url,
        {
            "body": chain.ao.pk,
            "date": DAY.isoformat(),
            "start_time": "10:00",
            "end_time": "12:00",
            "location": "Stadhuis Amersfoort",
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == meeting_url(meeting)
    assert timezone.localtime(meeting.start).hour == 10
    page = editor_client.get(meeting_url(meeting)).content.decode()
    assert "Opening en vaststelling agenda" in page and "Stadhuis Amersfoort" in page


def test_end_before_start_is_refused_with_a_message(editor_client: Client, chain: Chain) -> None:
    url = reverse("secretariat:meeting-new", args=[chain.cooperation.slug])
    response = editor_client.post(
        url, {"body": chain.ao.pk, "date": DAY.isoformat(), "start_time": "12:00", "end_time": "10:00"}
    )
    assert response.status_code == 422
    assert "Het einde moet na het begin liggen." in response.content.decode()
    assert not Meeting.objects.exists()


def test_add_item_with_htmx_returns_the_new_agenda(editor_client: Client, chain: Chain) -> None:
    meeting = plan(chain.bo, DAY)
    response = editor_client.post(
        meeting_url(meeting, "item-add"),
        {
            "title": "Regionale woondeal",
            "kind": "decision",
            "confidentiality": "public",
            "version": meeting.version,
        },
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith('<div id="agenda"')
    assert re.search(
        r'agenda-item__number">4</span>\s*<span class="agenda-item__title">Regionale woondeal', html
    )


def test_second_editor_gets_409_with_the_other_change(editor_client: Client, chain: Chain, editor) -> None:
    meeting = plan(chain.bo, DAY)
    seen = meeting.version
    agenda_item_add(meeting=meeting, title="Woondeal", expected_version=seen, by=editor)
    response = editor_client.post(
        meeting_url(meeting, "item-add"),
        {"title": "Mobiliteit", "kind": "decision", "confidentiality": "public", "version": seen},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Iemand anders heeft deze vergadering gewijzigd" in html
    assert "secretaris: Punt toegevoegd: Woondeal" in html
    assert not AgendaItem.objects.filter(title="Mobiliteit").exists()


def test_reorder_with_keyboard_buttons(editor_client: Client, chain: Chain) -> None:
    meeting = plan(chain.bo, DAY)
    item = agenda_item_add(meeting=meeting, title="Woondeal", expected_version=None)
    meeting.refresh_from_db()
    response = editor_client.post(meeting_url(meeting, "item-up", item=item.pk), {"version": meeting.version})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.number == "3"


def test_upload_a_document_to_an_item(editor_client: Client, chain: Chain) -> None:
    meeting = plan(chain.bo, DAY)
    item = agenda_item_add(meeting=meeting, title="Woondeal", expected_version=None)
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("voorstel.pdf", pdf_bytes("Voorstel woondeal"), content_type="text/plain")
    response = editor_client.post(
        meeting_url(meeting, "document-upload"),
        {
            "file": upload,
            "title": "Voorstel",
            "kind": "proposal",
            "confidentiality": "public",
            "agenda_item": item.pk,
        },
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.agenda_item == item and document.versions.get().mime_type == "application/pdf"
    disguised = SimpleUploadedFile("voorstel.pdf", b"MZ\x90\x00", content_type="application/pdf")
    response = editor_client.post(
        meeting_url(meeting, "document-upload"),
        {"file": disguised, "kind": "annex", "confidentiality": "public"},
        follow=True,
    )
    assert "niet geaccepteerd" in response.content.decode()
    assert Document.objects.count() == 1


def test_workspace_query_count_does_not_grow_with_the_agenda(editor_client: Client, chain: Chain) -> None:
    small = plan(chain.bo, DAY)
    large = plan(chain.bo, DAY + datetime.timedelta(days=7))
    for index in range(12):
        agenda_item_add(meeting=large, title=f"Punt {index}", expected_version=None)
        MembershipFactory(body=chain.bo)
    for meeting in (small, large):
        agenda_item_add(meeting=meeting, title="Woondeal", expected_version=None)

    def count(meeting: Meeting) -> int:
        with CaptureQueriesContext(connection) as context:
            assert editor_client.get(meeting_url(meeting)).status_code == 200
        return len(context.captured_queries)

    assert count(large) == count(small)


def test_meetings_of_a_meeting_day_share_one_combined_agenda(editor_client: Client, chain: Chain) -> None:
    url = reverse("secretariat:meeting-new", args=[chain.cooperation.slug])
    for body, start, end in ((chain.bo, "13:30", "14:30"), (chain.ao, "14:30", "15:30")):
        response = editor_client.post(
            url,
            {
                "body": body.pk,
                "date": DAY.isoformat(),
                "start_time": start,
                "end_time": end,
                "meeting_day": "Regiomiddag",
            },
        )
        assert response.status_code == 302, response.content.decode()[-2000:]
    first, second = Meeting.objects.order_by("start")
    assert first.meeting_day is not None and first.meeting_day == second.meeting_day
    agenda_item_add(meeting=second, title="Mobiliteitsvisie", expected_version=None)
    html = editor_client.get(
        reverse("secretariat:meeting-day", args=[chain.cooperation.slug, first.meeting_day.pk])
    ).content.decode()
    assert (
        html.index("13:30–14:30")
        < html.index("BO Wonen")
        < html.index("14:30–15:30")
        < html.index("Mobiliteitsvisie")
    )


def test_minutes_per_item_and_approval_in_the_next_meeting(editor_client: Client, chain: Chain) -> None:
    past = plan(chain.bo, timezone.localdate() - datetime.timedelta(days=30))
    item = agenda_item_add(meeting=past, title="Woondeal", expected_version=None)
    past.refresh_from_db()
    response = editor_client.post(
        meeting_url(past, "item-minutes", item=item.pk),
        {"version": past.version, "minutes": "Het BO bespreekt de woondeal."},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.minutes == "Het BO bespreekt de woondeal."
    from naober.meetings.services.meeting import meeting_mark_held

    meeting_mark_held(meeting=past)
    now = plan(chain.bo, timezone.localdate() - datetime.timedelta(days=1))
    page = editor_client.get(meeting_url(now)).content.decode()
    assert "wacht op vaststelling" in page
    editor_client.post(meeting_url(now, "minutes-approve"))
    past.refresh_from_db()
    assert past.minutes_approved_in == now
    assert (
        editor_client.post(meeting_url(now, "minutes-approve")).status_code == 404
    )  # nothing left to approve


def test_action_list_as_pdf(editor_client: Client, chain: Chain) -> None:
    meeting = plan(chain.bo, DAY)
    from naober.meetings.services.decisions import action_create

    action_create(body=chain.bo, description="Notitie huisvesting arbeidsmigranten opstellen", owner=None)
    response = editor_client.get(meeting_url(meeting, "action-list"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith('attachment; filename="actielijst-bo-wonen-')
