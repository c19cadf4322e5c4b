from __future__ import annotations

import pytest

from naober.core.models import AuditEntry
from naober.core.services import object_delete, object_save
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def test_audit_trail_is_append_only() -> None:
    municipality = MunicipalityFactory.build()
    object_save(instance=municipality)
    entry = AuditEntry.objects.get()
    entry.actor_name = "someone else"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.update(actor_name="x")
    assert AuditEntry.objects.get().actor_name == ""


def test_delete_is_audited_with_the_values_before() -> None:
    municipality = MunicipalityFactory(name="Eemnes")
    object_delete(instance=municipality)
    entry = AuditEntry.objects.get(action="delete")
    assert entry.object_repr == "Eemnes"
    assert entry.changes["name"] == ["Eemnes", None]
