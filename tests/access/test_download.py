"""The download view for every kind of reader; non-public downloads leave an audit entry."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from naober.access.models import LegalGround
from naober.access.secrecy import secrecy_impose
from naober.core.models import AuditEntry, Channel, Confidentiality
from naober.meetings.models import Document, MeetingStatus
from tests.access.conftest import World, client_for, document, item, meeting

pytestmark = pytest.mark.django_db
SECRET_TITLE = "Taxatie Hoogland geheim"


def _status(world: World, doc: Document) -> dict[str, int]:
    url = reverse("meetings:document-download", kwargs={"pk": doc.pk})
    users = {
        "anonymous": None,
        "stranger": world.stranger,
        "guest": world.guest,
        "member": world.member,
        "editor": world.editor,
        "other_editor": world.other_editor,
        "platform_admin": world.platform_admin,
    }
    return {name: client_for(user).get(url).status_code for name, user in users.items()}


def test_public_document_of_a_planned_meeting_only_for_editors(world: World) -> None:
    doc = document("Voorstel", on_item=item(meeting(world.chain, MeetingStatus.PLANNED), "Woondeal"))
    assert _status(world, doc) == {
        "anonymous": 404,
        "stranger": 404,
        "guest": 404,
        "member": 404,
        "editor": 200,
        "other_editor": 404,
        "platform_admin": 200,
    }


def test_public_document_of_a_convened_meeting_for_everyone_and_not_audited(world: World) -> None:
    doc = document("Voorstel", on_item=item(meeting(world.chain), "Woondeal"))
    assert set(_status(world, doc).values()) == {200}
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.DOWNLOAD).exists()


def test_confidential_document(world: World) -> None:
    doc = document("Taxatie", Confidentiality.CONFIDENTIAL, on_item=item(meeting(world.chain), "Grond"))
    assert _status(world, doc) == {
        "anonymous": 404,
        "stranger": 404,
        "guest": 404,
        "member": 200,
        "editor": 200,
        "other_editor": 404,
        "platform_admin": 200,
    }
    downloads = AuditEntry.objects.filter(action=AuditEntry.Action.DOWNLOAD, object_id=str(doc.pk))
    assert sorted(downloads.values_list("actor__username", flat=True)) == ["lid", "platform", "redacteur"]


def test_secret_document_only_for_recipients_and_every_download_audited(world: World) -> None:
    doc = document(SECRET_TITLE, on_item=item(meeting(world.chain), "Grond"))
    secrecy_impose(
        document=doc,
        imposed_by=world.chain.bo,
        legal_ground=LegalGround.CONFIDENTIAL_COMPANY_DATA,
        recipients=[world.guest],
        by=None,
    )
    assert _status(world, doc) == {
        "anonymous": 404,
        "stranger": 404,
        "guest": 200,
        "member": 404,
        "editor": 404,
        "other_editor": 404,
        "platform_admin": 404,
    }
    entry = AuditEntry.objects.get(action=AuditEntry.Action.DOWNLOAD)
    assert entry.actor == world.guest and entry.channel == Channel.WEB
    assert entry.object_type == "meetings.document" and entry.object_id == str(doc.pk)
    assert entry.changes == {"version": 1}
    assert SECRET_TITLE not in entry.object_repr and entry.cooperation_id == world.chain.cooperation.pk


def test_guessing_urls_reveals_nothing(world: World) -> None:
    doc = document(SECRET_TITLE, Confidentiality.SECRET, on_item=item(meeting(world.chain), "Grond"))
    client = client_for(world.editor)
    missing = client.get(reverse("meetings:document-download", kwargs={"pk": doc.pk + 999}))
    forbidden = client.get(reverse("meetings:document-download", kwargs={"pk": doc.pk}))
    assert missing.status_code == forbidden.status_code == 404
    assert SECRET_TITLE not in forbidden.content.decode()
    assert _without_nonces(missing.content) == _without_nonces(forbidden.content)


def _without_nonces(page: bytes) -> bytes:
    """The page without what differs per response (CSP nonces, CSRF tokens) or names the address."""
    page = re.sub(rb'(nonce|value)="[^"]*"', b"", page)
    return re.sub(rb"/documenten/\d+/", b"/documenten/N/", page)
