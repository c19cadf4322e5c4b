"""Public pages of the strategic agenda: content, visibility for each viewer, flat query counts, and the
traceability lines on the portal's decision and dossier pages."""

from __future__ import annotations

import datetime
import decimal
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from naober.portal.links import dossier_path, meeting_path
from naober.strategy import services
from naober.strategy.models import Event, Indicator, Milestone
from tests.factories import verified_login
from tests.strategy.factories import Agenda, project_make

pytestmark = pytest.mark.django_db


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _grow(agenda: Agenda, n: int) -> None:
    for index in range(n):
        project = project_make(
            agenda.programme,
            slug=f"extra-{index}",
            goals=[agenda.goal],
            lead_body=agenda.bo,
            lead_member=agenda.member,
        )
        services.project_link(
            project=project, by=None, dossiers=[agenda.dossier], decisions=[agenda.decision]
        )
        indicator = services.indicator_save(
            indicator=Indicator(project=project, name="Teller", target=decimal.Decimal(10)), by=None
        )
        for days in (10, 20, 30):
            services.measurement_record(
                indicator=indicator,
                measured_on=timezone.localdate() - datetime.timedelta(days=days),
                value=decimal.Decimal(days),
                by=None,
            )
        services.milestone_save(
            milestone=Milestone(project=agenda.project, title=f"Stap {index}", due_on=timezone.localdate()),
            by=None,
        )


def test_programme_page_shows_themes_goals_projects_and_status(client: Client, agenda: Agenda) -> None:
    response = client.get(agenda.url())
    text = response.content.decode()
    assert response.status_code == 200
    assert "Wonen" in text and "Betaalbaar wonen" in text
    assert "Regionale woondeal uitvoeren" in text
    assert "zqvertrouwelijkproject" not in text  # confidential project
    assert re.search(r'status--running">[^<]+</span> <strong>1</strong>', text)
    assert "<svg" in text and "Woningen gebouwd" in text


def test_project_page_shows_the_timeline_chart_decisions_and_dossiers(client: Client, agenda: Agenda) -> None:
    services.milestone_save(
        milestone=Milestone(project=agenda.project, title="Afsprakenkader", due_on=timezone.localdate()),
        by=None,
    )
    text = client.get(agenda.url(agenda.project)).content.decode()
    assert "Afsprakenkader" in text and 'class="timeline"' in text
    assert text.count('class="chart-bar"') == 3 and "Woningen gebouwd" in text and "<table" in text
    assert "Woondeal vaststellen" in text  # the public decision, through the dossier
    assert dossier_path(agenda.dossier) in text
    # A confidential dossier and decision linked to a public project stay hidden from a visitor.
    assert "zqgeheimdossier" not in text and "zqgeheimpunt" not in text


def test_confidential_links_appear_for_those_who_may_see_them(client: Client, agenda: Agenda) -> None:
    client.force_login(agenda.bo_member)
    text = client.get(agenda.url(agenda.project)).content.decode()
    assert "zqgeheimdossier" in text and "zqgeheimpunt" in text
    assert client.get(agenda.url(agenda.secret_project)).status_code == 200


def test_confidential_project_is_a_404_for_visitors_and_open_to_editors(
    client: Client, agenda: Agenda
) -> None:
    assert client.get(agenda.url(agenda.secret_project)).status_code == 404
    verified_login(client, agenda.editor)
    text = client.get(agenda.url(agenda.secret_project)).content.decode()
    assert "zqvertrouwelijkproject" in text


def test_confidential_programme_is_a_404_for_visitors(client: Client, agenda: Agenda) -> None:
    programme = agenda.programme
    programme.confidentiality = "confidential"
    services.programme_save(programme=programme, by=None)
    assert client.get(agenda.url()).status_code == 404
    assert client.get(agenda.url(agenda.project)).status_code == 404
    assert (
        agenda.programme.title
        not in client.get(f"/{agenda.cooperation.slug}/strategische-agenda/").content.decode()
    )


def test_goal_page_lists_its_projects(client: Client, agenda: Agenda) -> None:
    text = client.get(f"{agenda.url()}doelen/{agenda.goal.pk}/").content.decode()
    assert "Regionale woondeal uitvoeren" in text and "zqvertrouwelijkproject" not in text
    assert client.get(f"{agenda.url()}doelen/999999/").status_code == 404


def test_decision_list_and_dossier_page_show_the_goal_and_project_they_serve(
    client: Client, agenda: Agenda
) -> None:
    decisions = client.get(f"/{agenda.cooperation.slug}/besluiten/").content.decode()
    assert "Serves the strategic agenda" in decisions or "strategische agenda" in decisions
    assert "Regionale woondeal uitvoeren" in decisions
    assert "zqvertrouwelijkproject" not in decisions
    dossier = client.get(dossier_path(agenda.dossier)).content.decode()
    assert "Regionale woondeal uitvoeren" in dossier and "Betaalbaar wonen" in dossier
    assert "zqvertrouwelijkproject" not in dossier
    client.force_login(agenda.bo_member)
    assert "zqvertrouwelijkproject" in client.get(dossier_path(agenda.dossier)).content.decode()


def test_meeting_page_shows_what_each_decision_serves(client: Client, agenda: Agenda) -> None:
    text = client.get(meeting_path(agenda.meeting)).content.decode()
    assert "Regionale woondeal uitvoeren" in text and "zqvertrouwelijkproject" not in text


def test_sitemap_lists_public_programmes_and_projects_only(client: Client, agenda: Agenda) -> None:
    text = client.get("/sitemap.xml").content.decode()
    assert f"{agenda.url(agenda.project)}</loc>" in text
    assert f"{agenda.url()}</loc>" in text
    assert agenda.secret_project.slug + "/</loc>" not in text


def test_cooperation_page_links_to_the_strategic_agenda(client: Client, agenda: Agenda) -> None:
    text = client.get(f"/{agenda.cooperation.slug}/").content.decode()
    assert f"/{agenda.cooperation.slug}/strategische-agenda/" in text


def test_events_list_and_page(client: Client, agenda: Agenda) -> None:
    event = services.event_save(
        event=Event(
            cooperation=agenda.cooperation, programme=agenda.programme, kind="regional-day", title="Regiodag",
            date=timezone.localdate(), report="Verslag van de dag.",
        ),
        by=None,
    )  # fmt: skip
    closed = services.event_save(
        event=Event(
            cooperation=agenda.cooperation, title="Besloten zqvertrouwelijkevent", date=timezone.localdate(),
            confidentiality="confidential",
        ),
        by=None,
    )  # fmt: skip
    listing = client.get(f"/{agenda.cooperation.slug}/strategische-agenda/evenementen/").content.decode()
    assert "Regiodag" in listing and "zqvertrouwelijkevent" not in listing
    assert (
        "Verslag van de dag."
        in client.get(
            f"/{agenda.cooperation.slug}/strategische-agenda/evenementen/{event.pk}/"
        ).content.decode()
    )
    assert (
        client.get(f"/{agenda.cooperation.slug}/strategische-agenda/evenementen/{closed.pk}/").status_code
        == 404
    )


def test_attachment_download_follows_the_project(client: Client, agenda: Agenda) -> None:
    from tests.samples import pdf_bytes

    public = services.attachment_add(
        title="Plan", filename="plan.pdf", content=pdf_bytes(), project=agenda.project, by=None
    )
    closed = services.attachment_add(
        title="Taxatie", filename="taxatie.pdf", content=pdf_bytes(), project=agenda.secret_project, by=None
    )
    base = f"/{agenda.cooperation.slug}/strategische-agenda/bijlagen/"
    assert client.get(f"{base}{public.pk}/").status_code == 200
    assert client.get(f"{base}{closed.pk}/").status_code == 404
    client.force_login(agenda.bo_member)
    response = client.get(f"{base}{closed.pk}/")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


def test_programme_and_project_pages_have_flat_query_counts(client: Client, agenda: Agenda) -> None:
    programme_before = _count(client, agenda.url())
    project_before = _count(client, agenda.url(agenda.project))
    decisions_before = _count(client, f"/{agenda.cooperation.slug}/besluiten/")
    meeting_before = _count(client, meeting_path(agenda.meeting))
    _grow(agenda, 4)
    assert _count(client, agenda.url()) == programme_before
    assert _count(client, agenda.url(agenda.project)) == project_before
    assert _count(client, f"/{agenda.cooperation.slug}/besluiten/") == decisions_before
    assert _count(client, meeting_path(agenda.meeting)) == meeting_before
