"""The audit trail of a demo dossier: its whole history, AO → BO → board, for the administrator."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from naober.accounts.models import CooperationRole, User
from naober.demo.history import history_generate
from naober.demo.loader import demo_load
from naober.meetings.models import Dossier, DossierStatus
from tests.factories import verified_login

pytestmark = pytest.mark.django_db


def test_full_history_of_a_demo_dossier() -> None:
    demo_load()
    history_generate(slugs={"regio-amersfoort"})
    dossier = (
        Dossier.objects.filter(
            cooperation__slug="regio-amersfoort", status=DossierStatus.DECIDED, confidentiality="public"
        )
        .order_by("reference")
        .first()
    )
    assert dossier is not None
    steps = list(dossier.consultations.select_related("body", "agenda_item").order_by("position"))
    assert len(steps) >= 2 and all(step.agenda_item is not None for step in steps)
    administrator = User.objects.create_user(username="beheerder", password="x" * 16)
    CooperationRole.objects.create(
        user=administrator, cooperation=dossier.cooperation, role=CooperationRole.Role.ADMINISTRATOR
    )
    client = verified_login(Client(), administrator)
    html = client.get(
        reverse("secretariat:audit-dossier", args=["regio-amersfoort", dossier.pk])
    ).content.decode()
    assert dossier.reference in html
    for step in steps:  # every body on the route, with the item that treated the dossier and its decision
        assert step.body.display_name in html
        assert step.agenda_item.title in html
    assert "vastgesteld" in html  # a decision recorded on the route
    assert html.count("<tr") > 2 * len(steps)
