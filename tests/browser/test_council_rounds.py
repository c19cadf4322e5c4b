"""Council involvement end to end in real Chromium, on the demo regions: the secretariat opens a round from a
dossier, clerks record their council's outcome (and correct an identical decision whose text differed),
reminders go out over SMTP, the roll-up is shown under the body's rule, the reactienota is sent, and the
public pages show what is public. axe checks every new page type.

Selectors use ids and names, not texts: the new texts are translated after this is written.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

import pytest
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from playwright.sync_api import Browser, Page, expect

from naober.accounts.models import CooperationRole
from naober.councils.demo import AMERSFOORT_TEXT
from naober.councils.demo import load as councils_demo_load
from naober.councils.models import ConsultationRound, RegionalResponse, RoundMember
from naober.councils.reminders import reminders_send
from naober.demo.loader import DEMO_PASSWORD, demo_load
from naober.governance.models import Body
from naober.meetings.models import Dossier
from naober.meetings.services.agenda import agenda_item_add
from naober.meetings.services.convene import meeting_convene
from naober.meetings.services.dossier import dossier_create
from naober.meetings.services.meeting import meeting_plan
from naober.registry.models import Cooperation
from tests.browser.conftest import AxeCheck, PageProblems
from tests.councils.smtp import Inbox, smtp_server
from tests.factories import UserFactory, second_factor_give
from tests.samples import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"


@pytest.fixture
def smtp(settings) -> Iterator[Inbox]:
    yield from smtp_server(settings)


def publish(dossier: Dossier, body: Body) -> None:
    start = timezone.now() + datetime.timedelta(days=30)
    meeting = meeting_plan(body=body, start=start, end=start + datetime.timedelta(hours=2))
    agenda_item_add(meeting=meeting, title=dossier.title, dossier=dossier, expected_version=None)
    meeting.refresh_from_db()
    meeting_convene(meeting=meeting, expected_version=meeting.version, by=None)


def sign_in(page: Page, username: str, password: str, next_url: str, *, code: bool = False) -> None:
    page.goto(f"/aanmelden/?next={next_url}")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()
    if code:
        token = StaticToken.objects.filter(device__user__username=username).values_list("token", flat=True)[0]
        page.get_by_label("Code").fill(token)
        page.get_by_role("button", name="Controleren").click()
    page.wait_for_url(re.compile(re.escape(next_url) + "$"))


def test_council_rounds_end_to_end(
    browser: Browser, server: str, page: Page, page_problems: PageProblems, axe: AxeCheck, smtp: Inbox
) -> None:
    today = timezone.localdate()
    demo_load()
    councils_demo_load(today=today)
    councils_demo_load(today=today)  # idempotent
    achterhoek = Cooperation.objects.get(slug="regio-achterhoek")
    board = Body.objects.get(cooperation=achterhoek, slug="algemeen-bestuur")
    budget = ConsultationRound.objects.get(cooperation=achterhoek, kind="budget")
    identical = ConsultationRound.objects.get(cooperation__slug="regio-amersfoort", kind="identical")
    publish(budget.dossier, board)
    change = dossier_create(cooperation=achterhoek, title="Begrotingswijziging 2026 Regio Achterhoek")
    editor = UserFactory(username="bureau", password=PASSWORD)
    for cooperation in (achterhoek, identical.cooperation):
        CooperationRole.objects.create(user=editor, cooperation=cooperation, role=CooperationRole.Role.EDITOR)
    second_factor_give(editor, recovery_codes=tuple(f"{n:010d}" for n in range(1, 6)))

    # The secretariat opens a budget-change round from the dossier page.
    sign_in(page, "bureau", PASSWORD, "/secretariaat/", code=True)
    page.goto(f"/secretariaat/regio-achterhoek/dossiers/{change.pk}/")
    page.locator(f'a[href="/secretariaat/regio-achterhoek/rondes/nieuw/{change.pk}/"]').click()
    axe(page)
    page.locator("#id_kind").select_option("budget_change")
    expect(page.locator('input[name="members"]:checked')).to_have_count(8)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/secretariaat/regio-achterhoek/rondes/\d+/$"))
    opened = ConsultationRound.objects.get(dossier=change)
    assert opened.deadline == today + datetime.timedelta(weeks=12)
    expect(page.locator("table.council-matrix tbody tr")).to_have_count(8)
    axe(page)
    page.goto("/secretariaat/regio-achterhoek/rondes/")
    axe(page)

    # The Doetinchem clerk records the council's outcome with its decision; Aalten's record stays closed.
    clerk_context = browser.new_context(base_url=server, locale="nl-NL")
    clerk = clerk_context.new_page()
    sign_in(clerk, "griffier-doetinchem", DEMO_PASSWORD, "/gemeenten/doetinchem/griffie/")
    axe(clerk)
    own = RoundMember.objects.get(round=opened, municipality__slug="doetinchem")
    clerk.locator(f'a[href="/gemeenten/doetinchem/griffie/rondes/{own.pk}/"]').click()
    axe(clerk)
    outcome_form = clerk.locator("form:has(input[name=action][value=outcome])")
    outcome_form.locator("#id_outcome").select_option("remarks")
    outcome_form.locator("#id_decided_on").fill(today.isoformat())
    outcome_form.locator("#id_text").fill("De raad stemt in en vraagt om een toelichting per thema.")
    outcome_form.locator("#id_document").set_input_files(
        {
            "name": "raadsbesluit.pdf",
            "mimeType": "application/pdf",
            "buffer": pdf_bytes("Raadsbesluit Doetinchem"),
        }
    )
    outcome_form.locator("button[type=submit]").click()
    clerk.wait_for_url(re.compile(rf"/griffie/rondes/{own.pk}/$"))
    own.refresh_from_db()
    assert own.outcome == "remarks" and own.opinion_document
    other = RoundMember.objects.get(round=opened, municipality__slug="aalten")
    assert clerk.goto(f"/gemeenten/doetinchem/griffie/rondes/{other.pk}/").status == 403
    assert clerk.goto("/gemeenten/aalten/griffie/").status == 403
    clerk_context.close()

    # The Soest clerk sees how Soest's text differs from the regional text, and corrects it with a reason.
    soest_context = browser.new_context(base_url=server, locale="nl-NL")
    soest = soest_context.new_page()
    sign_in(soest, "griffier-soest", DEMO_PASSWORD, "/gemeenten/soest/griffie/")
    member = RoundMember.objects.get(round=identical, municipality__slug="soest")
    assert member.identical_text is False
    soest.goto(f"/gemeenten/soest/griffie/rondes/{member.pk}/")
    expect(soest.locator(".text-diff__line--added")).to_have_count(1)
    axe(soest)
    form = soest.locator("form:has(input[name=action][value=outcome])")
    form.locator("#id_outcome").select_option("agrees")
    form.locator("#id_decided_on").fill(today.isoformat())
    form.locator("#id_text").fill(AMERSFOORT_TEXT)
    form.locator("#id_correction_reason").fill("Het besluit was met een concepttekst overgenomen.")
    form.locator("button[type=submit]").click()
    soest.wait_for_url(re.compile(rf"/griffie/rondes/{member.pk}/$"))
    member.refresh_from_db()
    assert member.identical_text is True and member.corrections.count() == 1
    soest_context.close()

    # Reminders: two days before the new round's deadline the Aalten clerk gets one, over SMTP, once.
    smtp.messages.clear()  # the invitations of the meeting that published the budget
    assert reminders_send(today=opened.deadline - datetime.timedelta(days=2)).sent == 1
    assert reminders_send(today=opened.deadline - datetime.timedelta(days=2)).sent == 0
    assert [to for to, _message in smtp.messages] == [["griffier-aalten@example.org"]]

    # The roll-up under the body's rule, and the reactienota sent to every council.
    page.goto(f"/secretariaat/regio-achterhoek/rondes/{budget.pk}/")
    expect(page.locator(".council-rollup")).to_contain_text("5")
    page.locator('button[name="send"]').click()
    page.wait_for_url(re.compile(rf"/rondes/{budget.pk}/"))
    assert RegionalResponse.objects.get(round=budget).sent_at is not None
    expect(page.locator('form[action$="/reactienota/"]')).to_have_count(0)
    axe(page)

    # Public: the municipality's hub, its regional agenda, the dossier's matrix.
    page.goto("/gemeenten/doetinchem/")
    axe(page)
    page.goto("/gemeenten/doetinchem/regionale-agenda/")
    expect(page.locator("tbody tr")).to_have_count(
        1
    )  # the budget round; the budget change's dossier is not public
    axe(page)
    assert page.request.get("/gemeenten/doetinchem/regionale-agenda.ics").status == 200
    page.goto(f"/regio-achterhoek/dossiers/{budget.dossier_id}/")
    expect(page.locator("table.council-matrix tbody tr")).to_have_count(8)
    axe(page)
    assert page_problems.all() == []
