from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from naober.access.models import LegalGround
from naober.access.secrecy import secrecy_impose, secrecy_lift
from naober.core.models import AuditEntry, Confidentiality
from naober.meetings.services.agenda import agenda_item_add, agenda_item_update
from naober.meetings.services.documents import document_add
from tests.factories import UserFactory
from tests.meetings.conftest import Chain, plan
from tests.samples import pdf_bytes

pytestmark = pytest.mark.django_db
DAY = timezone.localdate() + datetime.timedelta(days=30)
MARKER = "Overname-Zeppelin-7Q"  # a unique text planted in secret titles
HIDDEN = "Geheim — details verborgen"


@pytest.fixture
def secret_item(chain: Chain):
    meeting = plan(chain.bo, DAY)
    item = agenda_item_add(
        meeting=meeting,
        title=f"Grondaankoop {MARKER}",
        description=f"Onderhandelingsruimte {MARKER}",
        confidentiality=Confidentiality.SECRET,
        expected_version=None,
    )
    document_add(title=f"Taxatie {MARKER}", filename="taxatie.pdf", content=pdf_bytes(), agenda_item=item)
    agenda_item_add(
        meeting=meeting,
        title="Vertrouwelijk personeelsdossier",
        confidentiality=Confidentiality.CONFIDENTIAL,
        expected_version=None,
    )
    return item


def pages(chain: Chain, item) -> list[str]:
    slug = chain.cooperation.slug
    return [
        reverse("secretariat:audit", args=[slug]),
        reverse("secretariat:audit-meeting", args=[slug, item.meeting_id]),
        reverse("secretariat:audit-object", args=[slug, "meetings.agendaitem", item.pk]),
        reverse("secretariat:audit-export", args=[slug, "csv"]),
    ]


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_secret_objects_show_no_name_and_no_changes(
    administrator_client: Client, chain: Chain, secret_item
) -> None:
    assert AuditEntry.objects.filter(object_repr__contains=MARKER).count() >= 3  # item, document, version
    for url in pages(chain, secret_item):
        response = administrator_client.get(url)
        assert response.status_code == 200, url
        text = body(response)
        assert MARKER not in text, url
        assert HIDDEN in text, url
    # Confidential (not secret) titles are for the cooperation's administrators.
    html = administrator_client.get(pages(chain, secret_item)[0]).content.decode()
    assert "Vertrouwelijk personeelsdossier" in html


def test_a_search_does_not_tell_that_a_secret_name_matched(
    administrator_client: Client,
    chain: Chain,
    secret_item,
) -> None:
    url = reverse("secretariat:audit", args=[chain.cooperation.slug])
    response = administrator_client.get(url, {"q": MARKER})
    assert response.context["rows"] == []
    export = reverse("secretariat:audit-export", args=[chain.cooperation.slug, "csv"])
    lines = body(administrator_client.get(export, {"q": MARKER})).strip().splitlines()
    assert len(lines) == 1  # only the header


def test_an_item_once_secret_keeps_its_old_entries_hidden(
    administrator_client: Client,
    chain: Chain,
    secret_item,
) -> None:
    agenda_item_update(item=secret_item, expected_version=None, confidentiality=Confidentiality.PUBLIC)
    url = reverse(
        "secretariat:audit-object", args=[chain.cooperation.slug, "meetings.agendaitem", secret_item.pk]
    )
    assert MARKER not in administrator_client.get(url).content.decode()


def test_recipients_see_the_details_until_and_after_lifting(
    administrator_client: Client,
    administrator,
    chain: Chain,
    secret_item,
) -> None:
    url = reverse(
        "secretariat:audit-object", args=[chain.cooperation.slug, "meetings.agendaitem", secret_item.pk]
    )
    other = UserFactory(username="ander")
    secrecy = secrecy_impose(
        item=secret_item,
        imposed_by=chain.bo,
        legal_ground=LegalGround.ECONOMIC_INTERESTS,
        recipients=[other],
        by=None,
    )
    assert (
        MARKER not in administrator_client.get(url).content.decode()
    )  # imposed, the administrator not named
    secrecy_impose(
        item=secret_item,
        imposed_by=chain.bo,
        legal_ground=LegalGround.ECONOMIC_INTERESTS,
        recipients=[other, administrator],
        by=None,
    )
    html = administrator_client.get(url).content.decode()
    assert MARKER in html and HIDDEN not in html  # a recipient
    secrecy_impose(
        item=secret_item,
        imposed_by=chain.bo,
        legal_ground=LegalGround.ECONOMIC_INTERESTS,
        recipients=[other],
        by=None,
    )
    secrecy.refresh_from_db()
    secrecy_lift(secrecy=secrecy, by=None)
    html = administrator_client.get(url).content.decode()
    assert MARKER in html  # lifted: confidential, for the cooperation's administrators


def test_the_django_admin_hides_secret_entries_too(chain: Chain, secret_item) -> None:
    from tests.audit.conftest import signed_in

    client = signed_in(UserFactory(username="platform", is_superuser=True, is_staff=True))
    listing = client.get(reverse("admin:core_auditentry_changelist"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert HIDDEN in html and MARKER not in html and "Vertrouwelijk personeelsdossier" in html
    found = client.get(reverse("admin:core_auditentry_changelist"), {"q": MARKER})
    assert found.context["cl"].result_count == 0  # the search box echoes the query, nothing else
    entry = AuditEntry.objects.filter(object_repr__contains=MARKER).first()
    detail = client.get(reverse("admin:core_auditentry_change", args=[entry.pk]))
    assert detail.status_code == 200 and MARKER not in detail.content.decode()
    assert (
        client.post(reverse("admin:core_auditentry_delete", args=[entry.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
