from __future__ import annotations

import datetime
import logging

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from naober.accounts.models import CooperationRole
from naober.core.models import Confidentiality
from naober.governance.models import MembershipRole
from naober.meetings.models import Document, Meeting, MeetingStatus
from naober.meetings.services.agenda import agenda_item_add
from naober.meetings.services.documents import document_add, document_delete
from tests.factories import MembershipFactory, PersonFactory, UserFactory, verified_login
from tests.meetings.conftest import Chain, plan
from tests.samples import pdf_bytes

pytestmark = pytest.mark.django_db

FUTURE = timezone.localdate() + datetime.timedelta(days=30)


def _url(pk: int) -> str:
    return reverse("meetings:document-download", kwargs={"pk": pk})


def _meeting(chain: Chain, status: str = MeetingStatus.CONVENED) -> Meeting:
    meeting = plan(chain.bo, FUTURE)
    Meeting.objects.filter(pk=meeting.pk).update(status=status)
    meeting.refresh_from_db()
    return meeting


def _document(meeting: Meeting, level: str = Confidentiality.PUBLIC, item_level: str = "public") -> Document:
    item = agenda_item_add(
        meeting=meeting, title="Woondeal", confidentiality=item_level, expected_version=None
    )
    return document_add(
        title="Geheime titel" if level != "public" else "Voorstel",
        filename="voorstel woondeal.pdf",
        content=pdf_bytes("woondeal"),
        agenda_item=item,
        confidentiality=level,
    )


def _client_for(user: object | None) -> Client:
    client = Client()
    if user is not None:
        verified_login(client, user)
    return client


def _member(chain: Chain, role: str = MembershipRole.MEMBER) -> object:
    user = UserFactory()
    MembershipFactory(body=chain.bo, person=PersonFactory(user=user), role=role)
    return user


def _editor(chain: Chain) -> object:
    user = UserFactory()
    CooperationRole.objects.create(user=user, cooperation=chain.cooperation, role=CooperationRole.Role.EDITOR)
    return user


def test_public_document_of_a_convened_meeting_is_for_everyone(chain: Chain) -> None:
    document = _document(_meeting(chain))
    response = Client().get(_url(document.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "voorstel" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == pdf_bytes("woondeal")


def test_public_document_of_a_planned_meeting_is_not_out_yet(chain: Chain) -> None:
    document = _document(_meeting(chain, MeetingStatus.PLANNED))
    assert Client().get(_url(document.pk)).status_code == 404
    assert _client_for(_editor(chain)).get(_url(document.pk)).status_code == 200


def test_confidential_document_for_members_and_editors_only(
    chain: Chain, caplog: pytest.LogCaptureFixture
) -> None:
    document = _document(_meeting(chain), Confidentiality.CONFIDENTIAL)
    assert Client().get(_url(document.pk)).status_code == 404
    assert _client_for(UserFactory()).get(_url(document.pk)).status_code == 404
    assert _client_for(_member(chain, MembershipRole.GUEST)).get(_url(document.pk)).status_code == 404
    member = _member(chain)
    with caplog.at_level(logging.INFO, logger="naober.documents"):
        response = _client_for(member).get(_url(document.pk))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    logged = " ".join(record.getMessage() for record in caplog.records if record.name == "naober.documents")
    assert f"user={member.pk}" in logged and f"document={document.pk}" in logged
    assert "Geheime titel" not in logged
    assert _client_for(_editor(chain)).get(_url(document.pk)).status_code == 200


def test_a_public_document_on_a_confidential_item_is_confidential(chain: Chain) -> None:
    document = _document(_meeting(chain), item_level=Confidentiality.CONFIDENTIAL)
    assert Client().get(_url(document.pk)).status_code == 404
    assert _client_for(_member(chain)).get(_url(document.pk)).status_code == 200


def test_secret_document_without_recipients_is_for_nobody(chain: Chain) -> None:
    # Secret is for named recipients only (tests/access); marked secret without a list, it stays closed.
    document = _document(_meeting(chain), Confidentiality.SECRET)
    assert _client_for(_member(chain, MembershipRole.CHAIR)).get(_url(document.pk)).status_code == 404
    assert _client_for(_editor(chain)).get(_url(document.pk)).status_code == 404


def test_unknown_and_deleted_documents_are_not_found(chain: Chain) -> None:
    document = _document(_meeting(chain))
    editor = _client_for(_editor(chain))
    assert editor.get(_url(document.pk + 1000)).status_code == 404
    document_delete(document=document)
    assert editor.get(_url(document.pk)).status_code == 404
    assert editor.post(_url(document.pk)).status_code == 405
