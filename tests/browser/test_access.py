"""In real Chromium: an administrator manages roles, an editor makes an item secret, and another editor sees
only its number. Every page passes axe and loads without CSP violations."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from playwright.sync_api import Browser, Page, expect

from naober.accounts.models import CooperationRole, User
from naober.meetings.models import Meeting
from naober.meetings.services.agenda import agenda_item_add
from tests.browser.conftest import AxeCheck, PageProblems
from tests.factories import (
    BodyFactory,
    CooperationFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
    second_factor_give,
)
from tests.meetings.conftest import plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"
SECRET = "Bod op bedrijventerrein De Wieken"


def _user(username: str, cooperation: object, role: str, prefix: int) -> User:
    user = UserFactory(username=username, password=PASSWORD)
    CooperationRole.objects.create(user=user, cooperation=cooperation, role=role)
    second_factor_give(user, recovery_codes=tuple(f"{prefix}{n:09d}" for n in range(1, 6)))
    return user


def sign_in(page: Page, username: str) -> None:
    page.goto("/aanmelden/?next=/secretariaat/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    code = StaticToken.objects.filter(device__user__username=username).values_list("token", flat=True)[0]
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_role("heading", level=1, name="Secretariaat")).to_be_visible()


def test_roles_and_a_secret_item(
    browser: Browser, server: str, page: Page, page_problems: PageProblems, axe: AxeCheck
) -> None:
    cooperation = CooperationFactory(name="Regio Amersfoort", short_name="Regio Amersfoort", slug="ra")
    bo = BodyFactory(cooperation=cooperation, name="BO Wonen", short_name="BO", slug="bo-wonen")
    MembershipFactory(body=bo, person=PersonFactory(given_name="Mila", family_name="Lid"))
    _user("beheerder", cooperation, CooperationRole.Role.ADMINISTRATOR, 1)
    _user("redacteur", cooperation, CooperationRole.Role.EDITOR, 2)
    meeting = plan(bo, timezone.localdate() + datetime.timedelta(days=20))
    item = agenda_item_add(meeting=meeting, title=SECRET, expected_version=None)

    sign_in(page, "beheerder")
    page.goto("/secretariaat/ra/")
    page.get_by_role("link", name="Rollen").click()
    expect(page.get_by_role("heading", level=1, name="Rollen — Regio Amersfoort")).to_be_visible()
    axe(page)
    page.get_by_label("Gebruikersnaam of e-mailadres").first.fill("nieuw@example.org")
    page.get_by_label("Rol", exact=True).select_option("editor")
    page.get_by_role("button", name="Toekennen").click()
    expect(
        page.get_by_text("Account nieuw@example.org aangemaakt en per e-mail uitgenodigd.")
    ).to_be_visible()
    assert User.objects.get(username="nieuw@example.org").cooperation_roles.count() == 1

    # The administrator makes the item secret, for themselves only.
    page.goto(f"/secretariaat/ra/vergaderingen/{meeting.pk}/")
    page.get_by_role("link", name=f"Geheim maken {item.number}").click()
    axe(page)
    page.get_by_label("Grondslag").select_option("5.1.2.b")
    page.get_by_role("button", name="Geheimhouding opleggen").click()
    expect(page.get_by_text("Geheimhouding vastgelegd.")).to_be_visible()
    expect(page.get_by_text(SECRET).first).to_be_visible()

    other = browser.new_context(base_url=server, locale="nl-NL")
    editor_page = other.new_page()
    sign_in(editor_page, "redacteur")
    editor_page.goto(f"/secretariaat/ra/vergaderingen/{meeting.pk}/")
    row = editor_page.locator(f"#item-{item.pk}")
    expect(row).to_contain_text("Geheim agendapunt")
    assert SECRET not in editor_page.content()
    axe(editor_page)
    other.close()
    assert Meeting.objects.get(pk=meeting.pk).version > 1
    assert page_problems.all() == []
