"""Signing in, in real Chromium: two-factor enrolment and sign-in with a code, lock-out after failures, and a
permission-denied page that reveals nothing."""

from __future__ import annotations

import base64
import datetime

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from naober.accounts.models import CooperationRole, User
from naober.meetings.models import Meeting
from naober.meetings.services.agenda import agenda_item_add
from naober.registry.models import Cooperation
from tests.browser.conftest import AxeCheck, PageProblems
from tests.factories import BodyFactory, CooperationFactory, UserFactory, second_factor_give
from tests.meetings.conftest import plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"


def app_code(key: bytes) -> str:
    return f"{totp(key):06d}"


def fill_password_step(page: Page, username: str, password: str = PASSWORD, next_url: str = "") -> None:
    page.goto(f"/aanmelden/?next={next_url}" if next_url else "/aanmelden/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()


@pytest.fixture
def cooperation() -> Cooperation:
    return CooperationFactory(name="Regio Geheimstad", short_name="Geheimstad", slug="regio-geheimstad")


@pytest.fixture
def editor(cooperation: Cooperation) -> User:
    user = UserFactory(username="bureau", password=PASSWORD)
    CooperationRole.objects.create(user=user, cooperation=cooperation, role=CooperationRole.Role.EDITOR)
    return user


def test_an_editor_enrols_an_authenticator_app_on_first_sign_in(
    page: Page, editor: User, axe: AxeCheck, page_problems: PageProblems
) -> None:
    page.goto("/aanmelden/")
    axe(page)
    fill_password_step(page, "bureau", next_url="/secretariaat/")

    expect(page.get_by_role("heading", level=1, name="Tweestapsverificatie instellen")).to_be_visible()
    expect(page.get_by_role("img", name="QR-code voor uw authenticator-app")).to_be_visible()
    axe(page)
    # Anything else sends the editor back here until the app is set up.
    page.goto("/secretariaat/")
    expect(page.get_by_role("heading", level=1, name="Tweestapsverificatie instellen")).to_be_visible()

    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    page.get_by_label("Code", exact=True).fill(app_code(base64.b32decode(secret)))
    page.get_by_role("button", name="Tweestapsverificatie aanzetten").click()

    expect(page.get_by_role("heading", level=1, name="Uw herstelcodes")).to_be_visible()
    codes = page.get_by_role("list", name="Herstelcodes").get_by_role("listitem")
    expect(codes).to_have_count(10)
    assert all(len(text) == 11 and text[5] == "-" for text in codes.all_inner_texts())
    axe(page)
    page.get_by_role("link", name="Ik heb de codes bewaard, verder").click()
    expect(page.get_by_role("heading", level=1, name="Secretariaat")).to_be_visible()
    assert TOTPDevice.objects.get(user=editor).confirmed

    page.goto("/account/")
    expect(page.get_by_role("heading", level=1, name="Mijn account")).to_be_visible()
    expect(page.get_by_role("cell", name="Redacteur secretariaat")).to_be_visible()
    expect(page.get_by_text("U heeft 10 ongebruikte herstelcodes.")).to_be_visible()
    axe(page)
    assert page_problems.all() == []


def test_sign_in_with_a_code_from_the_app(
    page: Page, editor: User, axe: AxeCheck, page_problems: PageProblems
) -> None:
    device = second_factor_give(editor)
    fill_password_step(page, "bureau", next_url="/secretariaat/")
    expect(page.get_by_role("heading", level=1, name="Aanmelden: tweede stap")).to_be_visible()
    code_field = page.get_by_label("Code")
    expect(code_field).to_have_attribute("autocomplete", "one-time-code")
    expect(code_field).to_have_attribute("inputmode", "numeric")
    axe(page)

    code_field.fill("000000")
    page.get_by_role("button", name="Controleren").click()
    expect(page.locator("#id_code-error")).to_contain_text("Deze code klopt niet.")
    expect(page.get_by_label("Code")).to_have_attribute("aria-invalid", "true")
    axe(page)

    device.refresh_from_db()
    device.throttle_reset()  # django-otp waits a second after a wrong code; the test does not
    page.get_by_label("Code").fill(app_code(device.bin_key))
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_role("heading", level=1, name="Secretariaat")).to_be_visible()
    assert page_problems.all() == []


def test_lock_out_after_repeated_failures(page: Page, editor: User, axe: AxeCheck) -> None:
    for _ in range(4):
        fill_password_step(page, "bureau", "niet het wachtwoord")
        expect(page.get_by_role("alert")).to_contain_text("gebruikersnaam en wachtwoord")
    fill_password_step(page, "bureau", "niet het wachtwoord")
    heading = page.get_by_role("heading", level=1, name="Aanmelden is tijdelijk geblokkeerd")
    expect(heading).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Probeer het over 15 minuten opnieuw.")
    axe(page)
    # The right password does not help now, and an unknown name gets exactly the same page.
    fill_password_step(page, "bureau")
    expect(heading).to_be_visible()
    locked_text = page.locator("main").inner_text()
    for _ in range(5):
        fill_password_step(page, "bestaat-niet", "niet het wachtwoord")
    expect(heading).to_be_visible()
    assert page.locator("main").inner_text() == locked_text


def test_a_permission_denied_page_reveals_nothing(
    page: Page, cooperation: Cooperation, axe: AxeCheck
) -> None:
    board = BodyFactory(cooperation=cooperation, name="Bestuur Geheimstad", short_name="BG", slug="bg")
    meeting: Meeting = plan(board, timezone.localdate() + datetime.timedelta(days=14))
    agenda_item_add(meeting=meeting, title="Overname Geheimstad Haven", expected_version=meeting.version)
    # A verified user without a role: a body member who chose two-factor sign-in.
    member = UserFactory(username="lid", password=PASSWORD)
    device = second_factor_give(member)
    fill_password_step(page, "lid", next_url="/account/")
    page.get_by_label("Code").fill(app_code(device.bin_key))
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_role("heading", level=1, name="Mijn account")).to_be_visible()
    expect(page.get_by_text("U heeft geen rollen in een samenwerkingsverband.")).to_be_visible()

    for path in (
        f"/secretariaat/{cooperation.slug}/",
        f"/secretariaat/{cooperation.slug}/vergaderingen/{meeting.pk}/",
        f"/secretariaat/{cooperation.slug}/vergaderingen/{meeting.pk}/besluitenlijst/",
        f"/secretariaat/{cooperation.slug}/vergaderingen/{meeting.pk + 1000}/",
    ):
        response = page.goto(path)
        assert response is not None and response.status == 404, path
        expect(page.get_by_role("heading", level=1, name="Pagina niet gevonden")).to_be_visible()
        content = page.content()
        for secret in ("Geheimstad", "Overname", "Bestuur"):
            assert secret not in content.replace(path, ""), (path, secret)
    axe(page)
