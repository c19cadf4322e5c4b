"""The council demo on the demo regions: rounds, rules, clerks, addresses; a second run changes nothing."""

from __future__ import annotations

import pytest
from django.utils import timezone

from naober.access.models import MunicipalityRole
from naober.councils.demo import load
from naober.councils.models import ConsultationRound, CouncilAddress, DecisionRule
from naober.councils.selectors import round_view
from naober.demo.loader import DEMO_PASSWORD, demo_load

pytestmark = pytest.mark.django_db


def test_demo_rounds_and_idempotence() -> None:
    today = timezone.localdate()
    demo_load()
    lines = load(today=today)
    assert "2 new round(s)" in lines[0]
    assert DEMO_PASSWORD not in lines[0]
    budget = ConsultationRound.objects.get(cooperation__slug="regio-achterhoek", kind="budget")
    assert budget.members.count() == 8
    assert budget.members.exclude(outcome="").count() == 5
    assert budget.response.introduction
    view = round_view(consultation_round=budget, today=today)
    assert view.rule.configured and view.roll_up.result == "pending"
    identical = ConsultationRound.objects.get(cooperation__slug="regio-amersfoort", kind="identical")
    assert identical.addressee == "college"
    assert identical.members.filter(identical_text=False).count() == 1
    assert round_view(consultation_round=identical, today=today).roll_up.result == "not_adopted"
    assert DecisionRule.objects.get(body__cooperation__slug="twente").kind == "twente"
    clerk = MunicipalityRole.objects.get(user__username="griffier-doetinchem")
    assert clerk.municipality.slug == "doetinchem" and clerk.user.check_password(DEMO_PASSWORD)
    counts = (
        ConsultationRound.objects.count(),
        DecisionRule.objects.count(),
        CouncilAddress.objects.count(),
        MunicipalityRole.objects.count(),
    )
    assert (
        "0 new round(s), 0 new decision rule(s), 0 new council address(es), 0 new clerk"
        in load(today=today)[0]
    )
    assert counts == (
        ConsultationRound.objects.count(),
        DecisionRule.objects.count(),
        CouncilAddress.objects.count(),
        MunicipalityRole.objects.count(),
    )


def test_production_gets_no_clerk_accounts_with_the_published_password(settings) -> None:
    from naober.accounts.models import User
    from naober.councils.demo import _clerks
    from tests.factories import CooperationFactory, MunicipalityFactory, ParticipationFactory

    ParticipationFactory(
        cooperation=CooperationFactory(slug="regio-achterhoek"),
        municipality=MunicipalityFactory(slug="doetinchem"),
    )
    settings.NAOBER_ENV = "production"
    assert _clerks() == 0
    assert not User.objects.filter(username__startswith="griffier-").exists()
    settings.NAOBER_ENV = "test"
    assert _clerks() == 1
    assert User.objects.get(username="griffier-doetinchem").check_password(DEMO_PASSWORD)
