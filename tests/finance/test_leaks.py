"""Finance's own leak matrix: a draft budget (and a draft budget change) not yet sent to the councils is seen
by the cooperation's editors and platform administrators only — on every finance channel. The shared matrix
in tests/leaks has no budgets in its world; it checks the same pages for meeting markers."""

from __future__ import annotations

import datetime
import io

import pytest
from django.test import Client
from django.urls import reverse

from naober.access.models import MunicipalityRole
from naober.accounts.models import CooperationRole
from naober.finance.services import LineInput, budget_change_create, budget_create, budget_line_save
from tests.factories import BodyFactory, MembershipFactory, PersonFactory, UserFactory, verified_login
from tests.finance.factories import line, published_budget, region

pytestmark = pytest.mark.django_db

PUBLIC = "qxfinpubliek"
DRAFT = "qxfinconcept"
CHANGE = "qxfinwijziging"
ROLES = ("anonymous", "outsider", "member", "clerk", "editor", "other_editor", "platform_admin")
SEES_DRAFTS = {"editor", "platform_admin"}


@pytest.fixture
def world():
    from decimal import Decimal

    place = region(slug="regio-lek")
    other = region(slug="regio-elders")
    published_budget(place, year=2025, name=PUBLIC)
    adopted = published_budget(place, year=2026, name=f"{PUBLIC} 2026")
    change = budget_change_create(budget=adopted, by=None)
    budget_line_save(
        budget=change,
        data=LineInput(name=CHANGE, key_kind="equal-and-population", amount=Decimal(10)),
        by=None,
    )
    draft = budget_create(cooperation=place.cooperation, year=2027, by=None)
    line(draft, name=DRAFT)
    users = {role: UserFactory(username=role) for role in ROLES if role != "anonymous"}
    CooperationRole.objects.create(
        user=users["editor"], cooperation=place.cooperation, role=CooperationRole.Role.EDITOR
    )
    CooperationRole.objects.create(
        user=users["other_editor"], cooperation=other.cooperation, role=CooperationRole.Role.EDITOR
    )
    users["platform_admin"].is_superuser = users["platform_admin"].is_staff = True
    users["platform_admin"].save()
    MunicipalityRole.objects.create(
        user=users["clerk"], municipality=place.members[0], role=MunicipalityRole.Role.CLERK
    )
    body = BodyFactory(cooperation=place.cooperation)
    MembershipFactory(
        body=body, person=PersonFactory(user=users["member"]), start_date=datetime.date(2020, 1, 1)
    )
    return place, users, change, draft


def text_of(client: Client, url: str) -> str:
    response = client.get(url)
    if response.get("Content-Type", "").startswith("application/vnd.openxml") and response.status_code == 200:
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(response.content)).active
        return "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row)
    return response.content.decode("utf-8", errors="replace")


@pytest.mark.parametrize("role", ROLES)
def test_drafts_never_leak(role, world) -> None:
    place, users, change, draft = world
    client = Client()
    if role in ("editor", "other_editor", "platform_admin"):
        verified_login(client, users[role])
    elif role != "anonymous":
        client.force_login(users[role])
    municipality = place.members[0].slug
    slug = place.cooperation.slug
    channels = {
        "statement": [
            reverse("finance:statement", args=[municipality]) + f"?jaar={year}" for year in (2025, 2026, 2027)
        ],
        "exports": [
            reverse("finance:statement-export", args=[municipality, fmt]) + f"?jaar={year}"
            for fmt in ("csv", "xlsx")
            for year in (2026, 2027)
        ],
        "budget pages": [
            reverse("finance:budgets", args=[slug]),
            reverse("finance:budget", args=[slug, 2026]),
            reverse("finance:budget", args=[slug, 2026]) + f"?versie={change.version}",
            reverse("finance:budget", args=[slug, 2027]),
        ],
        "secretariat": [
            reverse("finance:budget-list", args=[slug]),
            reverse("finance:cycle", args=[slug]),
            reverse("finance:budget-edit", args=[slug, draft.pk]),
            reverse("finance:budget-edit", args=[slug, change.pk]),
            reverse("finance:line", args=[slug, draft.pk, draft.lines.get().pk]),
        ],
    }
    for name, urls in channels.items():
        text = "\n".join(text_of(client, url) for url in urls)
        if role in SEES_DRAFTS:
            assert DRAFT in text or name in ("statement", "exports"), (role, name)
        else:
            assert DRAFT not in text and CHANGE not in text, f"{role} sees a draft through {name}"
        if name in ("statement", "budget pages"):
            assert PUBLIC in text, f"{role} misses the public budget in {name}"
    if role in SEES_DRAFTS:
        statement = text_of(client, reverse("finance:statement", args=[municipality]) + "?jaar=2027")
        assert DRAFT in statement
