from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from naober.core.models import AuditEntry
from naober.meetings.services.agenda import agenda_item_add
from tests.meetings.conftest import Chain, plan

pytestmark = pytest.mark.django_db
DAY = timezone.localdate() + datetime.timedelta(days=30)


def export_url(chain: Chain, fmt: str, query: str = "") -> str:
    url = reverse("secretariat:audit-export", args=[chain.cooperation.slug, fmt])
    return f"{url}?{query}" if query else url


def csv_rows(response) -> list[list[str]]:
    assert isinstance(response, StreamingHttpResponse)  # streamed, never built in memory as a whole
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def xlsx_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return [[cell if cell is not None else "" for cell in row] for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def meeting(chain: Chain):
    meeting = plan(chain.bo, DAY)
    agenda_item_add(meeting=meeting, title="Regionale woondeal", expected_version=None)
    agenda_item_add(meeting=meeting, title='=HYPERLINK("http://example.org")', expected_version=None)
    return meeting


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_contains_every_entry_with_a_dated_filename(
    administrator_client: Client,
    chain: Chain,
    meeting,
    fmt: str,
) -> None:
    response = administrator_client.get(export_url(chain, fmt))
    assert response.status_code == 200
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="audit-ra-{today}.{fmt}"'
    rows = (csv_rows if fmt == "csv" else xlsx_rows)(response)
    assert rows[0][:4] == ["Tijd", "Gebruiker", "Kanaal", "Actie"]
    assert len(rows) - 1 == AuditEntry.objects.filter(cooperation=chain.cooperation).count()
    objects = [row[6] for row in rows[1:]]
    assert any("Regionale woondeal" in name for name in objects)
    # A name that a spreadsheet would run as a formula stays text.
    assert not any(str(name).startswith("=") for name in objects)
    assert any(str(name).startswith("'=HYPERLINK") or "'" in str(name) for name in objects)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_respects_the_filters(administrator_client: Client, chain: Chain, meeting, fmt: str) -> None:
    response = administrator_client.get(export_url(chain, fmt, "object_type=meetings.meeting"))
    rows = (csv_rows if fmt == "csv" else xlsx_rows)(response)
    assert len(rows) == 2  # the header and the meeting's creation
    assert rows[1][4] == "Vergadering" and rows[1][3] == "Aangemaakt"
    response = administrator_client.get(export_url(chain, fmt, "q=woondeal"))
    rows = (csv_rows if fmt == "csv" else xlsx_rows)(response)
    assert [row[6] for row in rows[1:]] and all("woondeal" in row[6].lower() for row in rows[1:])


def test_unknown_format_is_404(administrator_client: Client, chain: Chain) -> None:
    assert administrator_client.get(export_url(chain, "pdf")).status_code == 404
