"""CSV exports: public data only, proper CSV, linked from the cooperation page."""

from __future__ import annotations

import csv
import io

import pytest

from naober.oparl.exports import EXPORTS

pytestmark = pytest.mark.django_db


def _csv(client, region, name: str) -> list[dict[str, str]]:
    response = client.get(f"/oparl/csv/{region.cooperation.slug}/{name}.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{region.cooperation.slug}-{name}.csv"'
    text = b"".join(response.streaming_content).decode("utf-8")
    assert "zzgeheim" not in text and "zzconcept" not in text
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == EXPORTS[name].header
    return list(csv.DictReader(io.StringIO(text)))


def test_members_with_their_population(client, region):
    rows = _csv(client, region, "members")
    assert len(rows) == 4
    assert rows[0]["code"].startswith("GM") and int(rows[0]["population"]) >= 10000
    assert rows[0]["population_reference_date"] == "2024-01-01"
    assert {row["topics"] for row in rows} == {"", "Wonen"}


def test_bodies_and_memberships(client, region):
    bodies = _csv(client, region, "bodies")
    assert {row["name"] for row in bodies} == {"Algemeen Bestuur", "BO Wonen", "AO Wonen"}
    assert next(row for row in bodies if row["name"] == "BO Wonen")["prepares"] == "Algemeen Bestuur"
    memberships = _csv(client, region, "memberships")
    assert len(memberships) == 12
    assert all(row["on_behalf_of"] for row in memberships)


def test_meetings_and_decisions_are_the_public_ones(client, region):
    meetings = _csv(client, region, "meetings")
    assert len(meetings) == len(region.meetings)
    assert {row["status"] for row in meetings} == {"held", "cancelled"}
    decisions = _csv(client, region, "decisions")
    assert [row["decision"] for row in decisions] == ["Besloten conform voorstel"] * 2
    assert all(row["dossier_reference"] for row in decisions)


def test_unknown_exports_are_404(client, region):
    assert client.get(f"/oparl/csv/{region.cooperation.slug}/secrets.csv").status_code == 404
    assert client.get("/oparl/csv/nowhere/members.csv").status_code == 404


def test_the_cooperation_page_links_the_api_and_the_exports(client, region):
    page = client.get(f"/{region.cooperation.slug}/").content.decode()
    assert f'href="http://testserver/oparl/v1.1/body/{region.cooperation.pk}"' in page
    for name in EXPORTS:
        assert f'href="/oparl/csv/{region.cooperation.slug}/{name}.csv"' in page
    assert 'href="/oparl/v1.1/"' in page  # the footer


def test_exports_cost_a_fixed_number_of_queries(client, region, django_assert_max_num_queries):
    for name in EXPORTS:
        with django_assert_max_num_queries(8):
            response = client.get(f"/oparl/csv/{region.cooperation.slug}/{name}.csv")
            b"".join(response.streaming_content)
