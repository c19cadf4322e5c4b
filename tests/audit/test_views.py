from __future__ import annotations

import datetime
import re
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from naober.core.models import AuditEntry, Channel
from naober.meetings.models import Meeting
from naober.meetings.services.agenda import agenda_item_add, agenda_item_update
from naober.registry.models import Cooperation
from tests.factories import BodyFactory, MunicipalityFactory, UserFactory
from tests.meetings.conftest import Chain, plan

pytestmark = pytest.mark.django_db
DAY = timezone.localdate() + datetime.timedelta(days=30)


def trail_url(cooperation: Cooperation, **query: str) -> str:
    url = reverse("secretariat:audit", args=[cooperation.slug])
    return url + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def titles(response) -> list[str]:
    """The entries' object names, without agenda numbers ("4 Woondeal" → "Woondeal")."""
    return [re.sub(r"^[\d.]+ ", "", row.object_repr) for row in response.context["entries"]]


def add_items(meeting: Meeting, count: int, prefix: str = "Punt") -> None:
    for number in range(count):
        agenda_item_add(meeting=meeting, title=f"{prefix} {number}", expected_version=None)


def test_administrators_see_the_trail(administrator_client: Client, chain: Chain) -> None:
    meeting = plan(chain.bo, DAY)
    agenda_item_add(meeting=meeting, title="Regionale woondeal", expected_version=None)
    response = administrator_client.get(trail_url(chain.cooperation))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Regionale woondeal" in html
    assert "Audittrail" in html
    assert '<th class="utrecht-table__header-cell" scope="col">' in html
    assert "<caption" in html


def test_platform_administrators_see_every_cooperations_trail(chain: Chain) -> None:
    client = Client()
    client.force_login(UserFactory(username="platform", is_superuser=True, is_staff=True))
    response = client.get(trail_url(chain.cooperation))
    # The sign-in helper's middleware may send an unverified superuser to the second step first.
    assert response.status_code in (200, 302)


@pytest.mark.parametrize("who", ["editor_client", "client", "other_administrator_client"])
def test_everyone_else_gets_nothing(request: pytest.FixtureRequest, who: str, chain: Chain) -> None:
    meeting = plan(chain.bo, DAY)
    agenda_item_add(meeting=meeting, title="Regionale woondeal", expected_version=None)
    client: Client = request.getfixturevalue(who)
    urls = [
        trail_url(chain.cooperation),
        reverse("secretariat:audit-export", args=[chain.cooperation.slug, "csv"]),
        reverse("secretariat:audit-meeting", args=[chain.cooperation.slug, meeting.pk]),
        reverse("secretariat:audit-object", args=[chain.cooperation.slug, "meetings.meeting", meeting.pk]),
    ]
    for url in urls:
        response = client.get(url)
        if who == "client":  # anonymous: to the sign-in page, like every secretariat page
            assert response.status_code == 302 and "/secretariaat/" not in response["Location"].split("?")[0]
        else:
            assert response.status_code == 404
        assert b"Regionale woondeal" not in response.content


def test_entries_are_scoped_to_the_cooperation(
    administrator_client: Client, chain: Chain, other_cooperation: Cooperation
) -> None:
    agenda_item_add(meeting=plan(chain.bo, DAY), title="Eigen punt", expected_version=None)
    elsewhere = BodyFactory(cooperation=other_cooperation, name="AB Twente", slug="ab-twente")
    agenda_item_add(meeting=plan(elsewhere, DAY), title="Punt van Twente", expected_version=None)
    MunicipalityFactory(name="Eemnes")  # registry objects belong to no cooperation
    from naober.core.services import object_save

    object_save(instance=MunicipalityFactory.build(name="Baarn"))
    html = administrator_client.get(trail_url(chain.cooperation)).content.decode()
    assert "Eigen punt" in html
    assert "Punt van Twente" not in html and "AB Twente" not in html and "Baarn" not in html
    assert AuditEntry.objects.filter(object_repr="Punt van Twente", cooperation=other_cooperation).exists()


def test_filters(administrator_client: Client, administrator, chain: Chain) -> None:
    meeting = plan(chain.bo, DAY)
    item = agenda_item_add(meeting=meeting, title="Woondeal", expected_version=None, by=administrator)
    agenda_item_update(item=item, expected_version=None, title="Regionale woondeal", channel=Channel.CLI)
    agenda_item_add(meeting=meeting, title="Mobiliteit", expected_version=None)
    cases = {
        "object_type=meetings.agendaitem&action=update": ["Regionale woondeal"],
        "channel=cli": ["Regionale woondeal"],
        f"actor={administrator.pk}": ["Woondeal"],
        "q=mobil&object_type=meetings.agendaitem": ["Mobiliteit"],
    }
    for query, expected in cases.items():
        response = administrator_client.get(trail_url(chain.cooperation) + "?" + query)
        assert titles(response) == expected, query
    today = timezone.localdate()
    period = f"since={today + datetime.timedelta(days=1)}&until={today + datetime.timedelta(days=9)}"
    assert titles(administrator_client.get(trail_url(chain.cooperation) + "?" + period)) == []
    period = f"since={today}&until={today}&object_type=meetings.agendaitem"
    items = AuditEntry.objects.filter(object_type="meetings.agendaitem").count()
    assert len(titles(administrator_client.get(trail_url(chain.cooperation) + "?" + period))) == items > 3
    # A bad value (a hand-made URL) filters nothing and says so.
    response = administrator_client.get(trail_url(chain.cooperation) + "?action=nonsense")
    assert response.status_code == 200 and response.context["form"].errors


def test_keyset_pages_follow_each_other_without_gaps(
    administrator_client: Client, chain: Chain, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("naober.secretariat.views.audit.PAGE_SIZE", 4)
    meeting = plan(chain.bo, DAY)
    moment = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=moment):
        add_items(meeting, 6)  # entries with the very same timestamp: the id decides
    expected = list(
        AuditEntry.objects.filter(cooperation=chain.cooperation)
        .order_by("-at", "-id")
        .values_list("pk", flat=True)
    )
    seen: list[int] = []
    url = trail_url(chain.cooperation)
    pages = 0
    while url:
        response = administrator_client.get(url)
        assert response.status_code == 200
        seen += [entry.pk for entry in response.context["entries"]]
        url = response.context["next_page"]
        pages += 1
        if url:
            assert "na=" in url and 'rel="next"' in response.content.decode()
    assert seen == expected
    assert pages == -(-len(expected) // 4)
    last = administrator_client.get(trail_url(chain.cooperation, na=f"{10**14}-1"))
    assert last.status_code == 200 and last.context["entries"] == []
    assert administrator_client.get(trail_url(chain.cooperation, na="garbage")).status_code == 200


def test_next_page_link_keeps_the_filters(
    administrator_client: Client, chain: Chain, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("naober.secretariat.views.audit.PAGE_SIZE", 2)
    add_items(plan(chain.bo, DAY), 5)
    response = administrator_client.get(trail_url(chain.cooperation, object_type="meetings.agendaitem"))
    next_page = response.context["next_page"]
    assert "object_type=meetings.agendaitem" in next_page and "na=" in next_page
    second = administrator_client.get(next_page)
    assert all(entry.object_type == "meetings.agendaitem" for entry in second.context["entries"])
    assert second.context["first_page"].endswith("?object_type=meetings.agendaitem")


def test_nothing_changes_entries_through_the_product(administrator_client: Client, chain: Chain) -> None:
    meeting = plan(chain.bo, DAY)
    before = list(AuditEntry.objects.values_list("pk", "changes"))
    entry = AuditEntry.objects.filter(cooperation=chain.cooperation).first()
    assert entry is not None
    slug = chain.cooperation.slug
    urls = [
        trail_url(chain.cooperation),
        reverse("secretariat:audit-export", args=[slug, "csv"]),
        reverse("secretariat:audit-export", args=[slug, "xlsx"]),
        reverse("secretariat:audit-meeting", args=[slug, meeting.pk]),
        reverse("secretariat:audit-object", args=[slug, entry.object_type, entry.object_id]),
    ]
    for url in urls:
        for method in ("post", "put", "patch", "delete"):
            assert getattr(administrator_client, method)(url).status_code == 405, (method, url)
    assert list(AuditEntry.objects.values_list("pk", "changes")) == before
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(object_repr="x")


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_query_count_does_not_grow_with_the_entries(administrator_client: Client, chain: Chain) -> None:
    add_items(plan(chain.bo, DAY), 2)
    url = trail_url(chain.cooperation)
    small = _queries(administrator_client, url)
    add_items(plan(chain.ao, DAY), 30, prefix="Ander punt")
    assert _queries(administrator_client, url) == small
    assert re.search(r"Ander punt \d+", administrator_client.get(url).content.decode())
