"""Secretariat pages: editors only (404 for everyone else), every write through the services, bad input
shown again with its message and HTTP 422."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from naober.strategy.models import Attachment, Milestone, Programme, Project
from tests.factories import UserFactory, verified_login
from tests.samples import pdf_bytes
from tests.strategy.factories import Agenda

pytestmark = pytest.mark.django_db


def _staff(agenda: Agenda, path: str = "") -> str:
    return f"/secretariaat/{agenda.cooperation.slug}/strategie/{path}"


def test_outsiders_get_a_404_and_editors_need_their_second_factor(client: Client, agenda: Agenda) -> None:
    client.force_login(UserFactory())
    assert client.get(_staff(agenda)).status_code == 404
    assert client.get(_staff(agenda, f"projecten/{agenda.project.pk}/")).status_code == 404
    unverified = Client()
    unverified.force_login(agenda.editor)
    assert unverified.get(_staff(agenda)).status_code == 302


def test_editor_sees_the_overview_and_the_secretariat_links_to_it(client: Client, agenda: Agenda) -> None:
    verified_login(client, agenda.editor)
    assert agenda.programme.title in client.get(_staff(agenda)).content.decode()
    meetings = client.get(f"/secretariaat/{agenda.cooperation.slug}/").content.decode()
    assert _staff(agenda) in meetings


def test_editor_creates_a_programme_and_a_project(client: Client, agenda: Agenda) -> None:
    verified_login(client, agenda.editor)
    response = client.post(
        _staff(agenda, "programmas/nieuw/"),
        {
            "title": "Agenda 2030",
            "slug": "agenda-2030",
            "start_date": "2026-01-01",
            "end_date": "2030-12-31",
            "confidentiality": "public",
        },
    )
    programme = Programme.objects.get(slug="agenda-2030")
    assert response.status_code == 302
    response = client.post(
        _staff(agenda, f"programmas/{programme.pk}/"),
        {"action": "project", "title": "Fietsroutes", "slug": "fietsroutes", "kind": "project"},
    )
    project = Project.objects.get(programme=programme, slug="fietsroutes")
    assert response.status_code == 302 and response["Location"].endswith(f"projecten/{project.pk}/")


def test_bad_progress_is_refused_with_a_message(client: Client, agenda: Agenda) -> None:
    verified_login(client, agenda.editor)
    url = _staff(agenda, f"projecten/{agenda.project.pk}/")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "action": "project",
            "title": "Regionale woondeal uitvoeren",
            "slug": "woondeal",
            "kind": "project",
            "status": "running",
            "progress": "140",
            "confidentiality": "public",
        },
    )
    assert response.status_code == 422
    assert Project.objects.get(pk=agenda.project.pk).progress == 40


def test_milestone_out_of_period_is_refused_and_one_inside_is_saved(client: Client, agenda: Agenda) -> None:
    verified_login(client, agenda.editor)
    url = _staff(agenda, f"projecten/{agenda.project.pk}/")
    late = agenda.programme.end_date + datetime.timedelta(days=3)
    response = client.post(url, {"action": "milestone", "title": "Te laat", "due_on": late.isoformat()})
    assert response.status_code == 422
    assert "buiten de looptijd van het programma" in response.content.decode()
    response = client.post(
        url, {"action": "milestone", "title": "Op tijd", "due_on": timezone.localdate().isoformat()}
    )
    assert response.status_code == 302
    assert Milestone.objects.filter(project=agenda.project, title="Op tijd").exists()


def test_editor_writes_a_report_records_a_value_links_and_attaches(client: Client, agenda: Agenda) -> None:
    verified_login(client, agenda.editor)
    url = _staff(agenda, f"projecten/{agenda.project.pk}/")
    today = timezone.localdate()
    assert (
        client.post(
            url,
            {
                "action": "report",
                "period_start": (today - datetime.timedelta(days=30)).isoformat(),
                "period_end": today.isoformat(),
                "text": "Goed op weg.",
                "progress": "50",
                "agenda_item": str(agenda.decision.pk),
            },
        ).status_code
        == 302
    )
    assert Project.objects.get(pk=agenda.project.pk).progress == 50
    assert (
        client.post(
            url,
            {
                "action": "measurement",
                "indicator": agenda.indicator.pk,
                "measured_on": today.isoformat(),
                "value": "400",
            },
        ).status_code
        == 302
    )
    assert (
        client.post(url, {"action": "links", "dossiers": [agenda.dossier.pk], "decisions": []}).status_code
        == 302
    )
    assert list(Project.objects.get(pk=agenda.project.pk).dossiers.all()) == [agenda.dossier]
    upload = SimpleUploadedFile("plan.pdf", pdf_bytes(), content_type="application/pdf")
    assert client.post(url, {"action": "attachment", "title": "Plan", "file": upload}).status_code == 302
    disguised = SimpleUploadedFile("plan.pdf", b"MZ not a pdf", content_type="application/pdf")
    assert client.post(url, {"action": "attachment", "title": "X", "file": disguised}).status_code == 422
    assert Attachment.objects.count() == 1
    assert client.post(url, {"action": "nonsense"}).status_code == 400
    attachment = Attachment.objects.get()
    remove = {"action": "remove", "kind": "attachment", "pk": attachment.pk}
    assert client.post(url, remove).status_code == 302
    assert not Attachment.objects.exists()
    assert client.post(url, remove).status_code == 422


def test_links_the_editor_cannot_see_are_kept(client: Client, agenda: Agenda) -> None:
    from naober.meetings.services.dossier import dossier_create
    from naober.strategy import services

    secret = dossier_create(cooperation=agenda.cooperation, title="Onderhandeling", confidentiality="secret")
    services.project_link(project=agenda.project, by=None, dossiers=[agenda.dossier, secret])
    verified_login(client, agenda.editor)
    url = _staff(agenda, f"projecten/{agenda.project.pk}/")
    assert "Onderhandeling" not in client.get(url).content.decode()
    assert client.post(url, {"action": "links", "dossiers": [], "decisions": []}).status_code == 302
    assert list(Project.objects.get(pk=agenda.project.pk).dossiers.all()) == [secret]
