"""What the write path records: every entry carries its cooperation; admin inlines and roles are audited."""

from __future__ import annotations

import datetime
import logging

import pytest
from django.contrib import admin
from django.forms import inlineformset_factory
from django.test import RequestFactory
from django.utils import timezone

from naober.accounts.models import CooperationRole
from naober.core.admin import ServiceAdmin
from naober.core.models import AuditEntry, Confidentiality
from naober.core.services import audit_cooperation_id, object_delete, object_save
from naober.governance.models import Body, Membership
from naober.governance.services import membership_start
from naober.meetings.models import Consultation, DocumentVersion
from naober.meetings.services.agenda import agenda_item_add, agenda_item_forward
from naober.meetings.services.documents import document_add
from naober.registry.services import participation_join
from tests.factories import MunicipalityFactory, PersonFactory, UserFactory
from tests.meetings.conftest import Chain, plan
from tests.samples import pdf_bytes

pytestmark = pytest.mark.django_db
DAY = timezone.localdate() + datetime.timedelta(days=30)


def entry_of(instance) -> AuditEntry:
    return AuditEntry.objects.filter(
        object_type=instance._meta.label_lower, object_id=str(instance.pk)
    ).latest("at", "id")


def test_every_entry_knows_its_cooperation(chain: Chain) -> None:
    meeting = plan(chain.bo, DAY)
    later = plan(chain.board, DAY + datetime.timedelta(days=14))
    item = agenda_item_add(meeting=meeting, title="Woondeal", expected_version=None)
    forwarded = agenda_item_forward(item=item, to_body=chain.board, to_meeting=later)
    document = document_add(title="Voorstel", filename="voorstel.pdf", content=pdf_bytes(), agenda_item=item)
    membership = membership_start(body=chain.bo, person=PersonFactory(), start_date=DAY)
    participation = participation_join(
        cooperation=chain.cooperation, participant=MunicipalityFactory(), joined_on=DAY
    )
    objects = [
        chain.cooperation,
        meeting,
        item,
        forwarded.dossier,
        Consultation.objects.filter(dossier=forwarded.dossier).first(),
        document,
        DocumentVersion.objects.get(document=document),
        membership,
        participation,
    ]
    for obj in objects:
        assert audit_cooperation_id(obj) == chain.cooperation.pk, obj
        if obj is not chain.cooperation:
            assert entry_of(obj).cooperation_id == chain.cooperation.pk, obj
    municipality = MunicipalityFactory.build()
    object_save(instance=municipality)
    assert entry_of(municipality).cooperation_id is None  # registry objects are shared


def test_deleting_keeps_the_scope(chain: Chain) -> None:
    meeting = plan(chain.bo, DAY)
    item = agenda_item_add(meeting=meeting, title="Woondeal", expected_version=None)
    pk = item.pk
    object_delete(instance=item)
    entry = AuditEntry.objects.get(object_type="meetings.agendaitem", object_id=str(pk), action="delete")
    assert entry.cooperation_id == chain.cooperation.pk


def test_admin_inlines_go_through_the_write_path(chain: Chain) -> None:
    """A body's memberships edited in the body's admin page are validated and audited too."""
    user = UserFactory(username="platform", is_superuser=True, is_staff=True)
    request = RequestFactory().post("/")
    request.user = user
    body_admin = admin.site._registry[Body]
    assert isinstance(body_admin, ServiceAdmin)
    person = PersonFactory()
    formset_class = inlineformset_factory(Body, Membership, fields=("person", "role", "start_date"), extra=1)
    data = {
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "0",
        "memberships-0-person": str(person.pk),
        "memberships-0-role": "member",
        "memberships-0-start_date": DAY.isoformat(),
    }
    formset = formset_class(data, instance=chain.bo, prefix="memberships")
    assert formset.is_valid(), formset.errors
    body_admin.save_formset(request, None, formset, change=True)
    membership = Membership.objects.get(person=person)
    entry = entry_of(membership)
    assert entry.action == "create" and entry.channel == "admin" and entry.actor_id == user.pk
    assert entry.cooperation_id == chain.cooperation.pk


def test_role_changes_in_the_admin_are_audited(chain: Chain) -> None:
    role_admin = admin.site._registry[CooperationRole]
    assert isinstance(role_admin, ServiceAdmin)
    request = RequestFactory().post("/")
    request.user = UserFactory(username="platform", is_superuser=True, is_staff=True)
    role = CooperationRole(
        user=UserFactory(username="nieuw"), cooperation=chain.cooperation, role=CooperationRole.Role.EDITOR
    )
    role_admin.save_model(request, role, None, change=False)
    assert entry_of(role).cooperation_id == chain.cooperation.pk
    role_admin.delete_model(request, role)
    assert AuditEntry.objects.filter(object_type="accounts.cooperationrole", action="delete").exists()


def test_the_write_path_logs_no_titles(chain: Chain, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    meeting = plan(chain.bo, DAY)
    item = agenda_item_add(
        meeting=meeting,
        title="Geheime grondaankoop",
        confidentiality=Confidentiality.SECRET,
        expected_version=None,
    )
    object_delete(instance=item)
    assert "Geheime grondaankoop" not in caplog.text


def test_what_a_deletion_takes_along_is_recorded_too(chain: Chain) -> None:
    from naober.meetings.models import AgendaItem, Document

    meeting = plan(chain.bo, DAY)
    item = agenda_item_add(meeting=meeting, title="Woondeal", expected_version=None)
    document = document_add(title="Voorstel", filename="voorstel.pdf", content=pdf_bytes(), agenda_item=item)
    item_pk = item.pk
    object_delete(instance=item)
    cleared = entry_of(Document.objects.get(pk=document.pk))  # SET_NULL: the document stays, unlinked
    assert cleared.action == "update" and cleared.changes == {"agenda_item_id": [item_pk, None]}
    item_ids = [str(pk) for pk in AgendaItem.objects.filter(meeting=meeting).values_list("pk", flat=True)]
    meeting_pk = meeting.pk
    object_delete(instance=meeting)
    deleted = set(
        AuditEntry.objects.filter(action="delete", object_type="meetings.agendaitem").values_list(
            "object_id", flat=True
        )
    )
    assert set(item_ids) <= deleted  # the cascaded agenda items each have their entry
    assert AuditEntry.objects.filter(
        action="delete", object_type="meetings.document", object_id=str(document.pk)
    ).exists()
    assert AuditEntry.objects.filter(
        action="delete",
        object_type="meetings.meeting",
        object_id=str(meeting_pk),
        cooperation=chain.cooperation,
    ).exists()


def test_no_password_hash_in_the_trail(db: None) -> None:
    user = UserFactory(username="weg")
    object_delete(instance=user)
    entry = AuditEntry.objects.get(object_type="accounts.user", action="delete")
    assert entry.changes["password"] == ["•••", None]
    assert not AuditEntry.objects.filter(object_type__startswith="otp_").exists()
