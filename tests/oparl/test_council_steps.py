"""The member councils' steps of consultation rounds, through the contract with naober.councils
(`public_council_steps` / `public_council_step`), stand in for the council app here."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from naober.councils.oparl import CouncilStep
from naober.oparl import ids
from naober.registry.models import Participation
from tests.oparl.helpers import crawl, get_json, path_of, validate

pytestmark = pytest.mark.django_db


@pytest.fixture
def steps(region, monkeypatch) -> list[CouncilStep]:
    dossier = region.dossiers[0]
    members = list(
        Participation.objects.filter(cooperation=region.cooperation, municipality__isnull=False)
        .order_by("pk")
        .values_list("municipality_id", flat=True)
    )
    now = timezone.now()
    made = [
        CouncilStep(
            pk=70 + index,
            dossier_id=dossier.pk,
            municipality_id=municipality,
            addressee="council",
            role="Zienswijze op de ontwerpbegroting",
            authoritative=False,
            outcome="Geen zienswijze" if index == 0 else "",
            deadline=datetime.date(2026, 6, 30),
            decided_on=datetime.date(2026, 6, 1) if index == 0 else None,
            created=now,
            modified=now,
            deleted=index == 2,
        )
        for index, municipality in enumerate(members[:3])
    ]

    def public_council_steps(dossier_ids, *, include_deleted=False):
        found = [
            step for step in made if step.dossier_id in dossier_ids and (include_deleted or not step.deleted)
        ]
        return {dossier.pk: found} if found else {}

    def public_council_step(pk):
        return next((step for step in made if step.pk == pk), None)

    monkeypatch.setattr("naober.oparl.serialize.papers.public_council_steps", public_council_steps)
    monkeypatch.setattr("naober.oparl.lists.public_council_steps", public_council_steps)
    monkeypatch.setattr("naober.oparl.views.public_council_step", public_council_step)
    return made


def test_papers_embed_the_council_steps_with_the_municipality_as_organization(client, region, steps):
    paper = get_json(client, ids.paper(region.dossiers[0].pk))
    council = [step for step in paper["consultation"] if step.get("naober:councilStep")]
    assert [step["id"] for step in council] == [ids.council_consultation(70), ids.council_consultation(71)]
    first = council[0]
    validate(first)
    assert first["organization"] == [ids.municipality(region.cooperation.pk, steps[0].municipality_id)]
    assert first["role"] == "Zienswijze op de ontwerpbegroting"
    assert first["naober:outcome"] == "Geen zienswijze"
    assert first["naober:deadline"] == "2026-06-30"
    assert get_json(client, first["organization"][0])["classification"] == "Gemeente"


def test_a_council_step_answers_at_its_own_url(client, region, steps):
    data = get_json(client, ids.council_consultation(71))
    validate(data)
    assert data["paper"] == ids.paper(region.dossiers[0].pk)
    assert data["authoritative"] is False


def test_the_consultation_list_pages_through_body_and_council_steps(client, region, steps):
    url = ids.body_list(region.cooperation.pk, "consultation")
    whole = [step["id"] for step in get_json(client, url)["data"]]
    assert ids.council_consultation(70) in whole and ids.council_consultation(72) not in whole
    seen, next_url = [], url + "?limit=3"
    while next_url:
        page = get_json(client, next_url)
        seen.extend(step["id"] for step in page["data"])
        next_url = page["links"].get("next", "")
    assert seen == whole


def test_removed_council_steps_show_as_deleted_only_under_modified_since(client, region, steps):
    url = ids.body_list(region.cooperation.pk, "consultation") + "?modified_since=2000-01-01T00:00:00Z"
    deleted = [step for step in get_json(client, url)["data"] if step["id"] == ids.council_consultation(72)]
    assert deleted and deleted[0]["deleted"] is True
    validate(deleted[0])


def test_the_crawl_reaches_the_council_steps(client, region, steps):
    result = crawl(client)
    assert ids.council_consultation(70) in result.objects
    assert path_of(ids.council_consultation(70)).startswith("/oparl/v1.1/councilConsultation/")
