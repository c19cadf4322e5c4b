"""Search hits link to the public pages: every kind of hit must open a page that exists."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from naober.meetings.services.agenda import agenda_item_add, agenda_item_forward
from naober.meetings.services.convene import meeting_convene
from naober.search.documents import search_url
from tests.meetings.conftest import Chain, chain, plan  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def test_every_search_link_opens_its_public_page(client: Client, chain: Chain) -> None:  # noqa: F811
    day = timezone.localdate() + datetime.timedelta(days=20)
    ao = plan(chain.ao, day)
    bo = plan(chain.bo, day + datetime.timedelta(days=14))
    item = agenda_item_add(meeting=ao, title="Regionale woondeal", expected_version=None)
    agenda_item_forward(item=item, to_body=chain.bo)
    for meeting in (ao, bo):
        meeting.refresh_from_db()
        meeting_convene(meeting=meeting, expected_version=None, by=None)
    item.refresh_from_db()
    assert item.dossier is not None
    for obj in (ao, item, item.dossier):
        url = search_url(obj).split("#")[0]
        response = client.get(url)
        assert response.status_code == 200, (type(obj).__name__, url, response.status_code)
        assert "Regionale woondeal" in response.content.decode(), url
