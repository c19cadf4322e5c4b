"""A secretary runs a full meeting cycle in real Chromium: AO → BO → BORA, documents, convening, attendance,
decisions, actions, the decision list, the dossier's route, and the conflict when two people edit at once."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import pytest
from django.core import mail
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from playwright.sync_api import Browser, Page, expect

from naober.accounts.models import CooperationRole
from naober.governance.models import Body, BodyKind, MembershipRole
from naober.meetings.models import Action, AgendaItem, Meeting, MeetingStatus
from naober.registry.models import Cooperation, Municipality
from tests.browser.conftest import AxeCheck
from tests.factories import (
    BodyFactory,
    CooperationFactory,
    MembershipFactory,
    MunicipalityFactory,
    PersonFactory,
    TopicFactory,
    UserFactory,
    second_factor_give,
)
from tests.samples import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"


@dataclass
class Region:
    cooperation: Cooperation
    ao: Body
    bo: Body
    bora: Body
    soest: Municipality


@pytest.fixture
def region() -> Region:
    cooperation = CooperationFactory(
        name="Regio Amersfoort", short_name="Regio Amersfoort", slug="regio-amersfoort"
    )
    wonen = TopicFactory(cooperation=cooperation, name="Wonen", slug="wonen")
    bora = BodyFactory(
        cooperation=cooperation,
        name="Bestuurlijk Overleg Regio Amersfoort",
        short_name="BORA",
        slug="bora",
        kind=BodyKind.GOVERNING_MEETING,
    )
    bo = BodyFactory(
        cooperation=cooperation,
        name="Bestuurlijk overleg Wonen",
        short_name="BO",
        slug="bo-wonen",
        kind=BodyKind.PORTFOLIO_MEETING,
        topic=wonen,
    )
    ao = BodyFactory(
        cooperation=cooperation,
        name="Ambtelijk overleg Wonen",
        short_name="AO",
        slug="ao-wonen",
        kind=BodyKind.CIVIL_SERVANTS_MEETING,
        topic=wonen,
        prepares=bo,
    )
    soest = MunicipalityFactory(name="Soest", code="GM0342")
    leusden = MunicipalityFactory(name="Leusden", code="GM0327")
    for body in (ao, bo, bora):
        for index, municipality in enumerate((soest, leusden)):
            MembershipFactory(
                body=body,
                on_behalf_of_municipality=municipality,
                role=MembershipRole.CHAIR if index == 0 else MembershipRole.MEMBER,
                person=PersonFactory(
                    given_name=f"Lid{index}", family_name=body.slug, email=f"{body.slug}-{index}@example.org"
                ),
            )
    user = UserFactory(username="bureau", password=PASSWORD)
    CooperationRole.objects.create(user=user, cooperation=cooperation, role=CooperationRole.Role.EDITOR)
    # Editors sign in with a second factor; these tests use recovery codes (one per sign-in).
    second_factor_give(user, recovery_codes=tuple(f"{n:010d}" for n in range(1, 11)))
    return Region(cooperation=cooperation, ao=ao, bo=bo, bora=bora, soest=soest)


def sign_in(page: Page) -> None:
    page.goto("/aanmelden/?next=/secretariaat/")
    page.get_by_label("Gebruikersnaam").fill("bureau")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", level=1, name="Aanmelden: tweede stap")).to_be_visible()
    code = StaticToken.objects.filter(device__user__username="bureau").values_list("token", flat=True)[0]
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_role("heading", level=1, name="Secretariaat")).to_be_visible()


def plan_meeting(page: Page, region: Region, body: Body, day: datetime.date, start: str = "14:00") -> Meeting:
    page.goto(f"/secretariaat/{region.cooperation.slug}/vergaderingen/nieuw/")
    page.get_by_label("Orgaan").select_option(str(body.pk))
    page.get_by_label("Datum").fill(day.isoformat())
    page.get_by_label("Begintijd").fill(start)
    page.get_by_label("Eindtijd").fill("16:00")
    page.get_by_label("Locatie").fill("Stadhuis Amersfoort")
    page.get_by_role("button", name="Plannen").click()
    expect(page.get_by_text("Vergadering gepland.")).to_be_visible()
    return Meeting.objects.get(body=body, start__date=day)


def let_the_day_come(meeting: Meeting) -> None:
    """Time passes: the meeting day arrives (the meeting moves to this morning)."""
    start = timezone.now() - datetime.timedelta(hours=3)
    Meeting.objects.filter(pk=meeting.pk).update(start=start, end=start + datetime.timedelta(hours=2))


def test_full_cycle(page: Page, region: Region, axe: AxeCheck, tmp_path) -> None:
    today = timezone.localdate()
    sign_in(page)
    ao = plan_meeting(page, region, region.ao, today + datetime.timedelta(days=10), start="10:00")
    bo = plan_meeting(page, region, region.bo, today + datetime.timedelta(days=24))
    bora = plan_meeting(page, region, region.bora, today + datetime.timedelta(days=38))

    # Put the dossier on the AO's agenda (htmx: the agenda is replaced in place).
    page.goto(f"/secretariaat/{region.cooperation.slug}/vergaderingen/{ao.pk}/")
    axe(page)
    page.get_by_role("group", name="Een punt toevoegen").get_by_label("Titel").fill("Regionale woondeal 2027")
    page.get_by_role("button", name="Punt toevoegen").click()
    item_row = page.locator(".agenda-item", has_text="Regionale woondeal 2027")
    expect(item_row.locator(".agenda-item__number")).to_have_text("4")

    # Attach the proposal.
    proposal = tmp_path / "voorstel-woondeal.pdf"
    proposal.write_bytes(pdf_bytes("Voorstel regionale woondeal"))
    item_row.locator("summary", has_text="Bijvoegen").click()
    item_row.get_by_label("Bestand").set_input_files(str(proposal))
    item_row.get_by_role("button", name="Uploaden").click()
    expect(page.get_by_text("voorstel-woondeal.pdf toegevoegd.")).to_be_visible()

    # Forward it to the BO (advice), which this AO prepares.
    item_row = page.locator(".agenda-item", has_text="Regionale woondeal 2027")
    item_row.locator("summary", has_text="Doorzenden").click()
    item_row.get_by_label("Rol daar").select_option("advise")
    item_row.get_by_role("button", name="Doorzenden naar de eerstvolgende vergadering").click()
    expect(
        page.locator(".agenda-item", has_text="Regionale woondeal 2027").locator(".forwarded-to")
    ).to_contain_text("doorgezonden naar BO Wonen")
    in_bo = AgendaItem.objects.get(meeting=bo, title="Regionale woondeal 2027")

    # Convene the AO: invitations with the agenda and an iCalendar attachment go to both members.
    page.get_by_role("button", name="Bijeenroepen: uitnodiging versturen").click()
    expect(page.locator(".page-head .status")).to_have_text("Bijeengeroepen")
    invitations = [message for message in mail.outbox if "Uitnodiging" in message.subject]
    assert len(invitations) == 2
    assert all(
        any(part.get_filename() == "vergadering.ics" for part in message.attachments)
        for message in invitations
    )

    # The meeting day comes: attendance, decision, an action owned by a member municipality.
    let_the_day_come(ao)
    page.reload()
    page.get_by_label("Aanwezigheid van Lid0 ao-wonen").select_option("present")
    page.get_by_label("Aanwezigheid van Lid1 ao-wonen").select_option("excused")
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    expect(page.get_by_text("Aanwezigheid opgeslagen.")).to_be_visible()
    item_row = page.locator(".agenda-item", has_text="Regionale woondeal 2027")
    item_row.get_by_label("Besluit", exact=True).select_option("adopted")
    item_row.get_by_label("Besluittekst").fill("Het AO adviseert positief.")
    item_row.get_by_role("button", name="Besluit vastleggen").click()
    expect(
        page.locator(".agenda-item", has_text="Regionale woondeal 2027").locator(".badge--decision")
    ).to_have_text("Vastgesteld")
    page.get_by_label("Actie", exact=True).fill("Gemeente Soest levert input vóór de AO")
    page.get_by_label("Eigenaar").select_option(label="gemeente Soest")
    page.get_by_role("button", name="Actie toevoegen").click()
    expect(page.get_by_text("Actie toegevoegd.")).to_be_visible()

    # Publish the decision list (printable, and as PDF).
    page.get_by_role("button", name="Besluitenlijst publiceren").click()
    expect(page.get_by_text("Besluitenlijst gepubliceerd.")).to_be_visible()
    page.get_by_role("link", name="Besluitenlijst").click()
    expect(page.get_by_text("Het AO adviseert positief.")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden als pdf").click()
    assert download.value.suggested_filename.endswith(".pdf")

    # In the BO: the forwarded item is there; forward it on to BORA to decide.
    page.goto(f"/secretariaat/{region.cooperation.slug}/vergaderingen/{bo.pk}/")
    bo_row = page.locator(f"#item-{in_bo.pk}")
    bo_row.locator("summary", has_text="Doorzenden").click()
    bo_row.get_by_label("Naar orgaan").select_option(str(region.bora.pk))
    bo_row.get_by_label("Rol daar").select_option("decide")
    bo_row.get_by_role("button", name="Doorzenden naar de eerstvolgende vergadering").click()
    expect(page.locator(f"#item-{in_bo.pk} .forwarded-to")).to_contain_text(
        "doorgezonden naar Bestuurlijk Overleg Regio Amersfoort"
    )
    assert AgendaItem.objects.filter(meeting=bora, title="Regionale woondeal 2027").exists()

    # The dossier page shows the whole route.
    page.locator(f"#item-{in_bo.pk}").get_by_role("link", name=re.compile(r"-\d{3}$")).click()
    steps = page.locator(".route__step")
    expect(steps).to_have_count(3)
    expect(steps.nth(0)).to_contain_text("Voorbereiden")
    expect(steps.nth(0)).to_contain_text("Vastgesteld")
    expect(steps.nth(1)).to_contain_text("Adviseren")
    expect(steps.nth(2)).to_contain_text("Besluiten")
    axe(page)

    # Open actions carry over to the body's next meeting.
    next_ao = plan_meeting(page, region, region.ao, today + datetime.timedelta(days=40))
    page.goto(f"/secretariaat/{region.cooperation.slug}/vergaderingen/{next_ao.pk}/")
    expect(page.locator("#acties")).to_contain_text("Gemeente Soest levert input vóór de AO")
    action_item = page.locator(".agenda-item", has=page.locator(".agenda-item__title", has_text="Actielijst"))
    expect(action_item).to_contain_text("1 openstaande actie uit eerdere vergaderingen")
    assert Action.objects.get().status == "open"
    assert Meeting.objects.get(pk=ao.pk).status == MeetingStatus.HELD


def test_two_secretaries_editing_one_agenda(browser: Browser, server: str, region: Region) -> None:
    meeting_day = timezone.localdate() + datetime.timedelta(days=12)
    from naober.meetings.services.meeting import meeting_plan
    from tests.meetings.conftest import at

    meeting = meeting_plan(body=region.bo, start=at(meeting_day, 14), end=at(meeting_day, 16))
    pages = []
    for _ in range(2):
        context = browser.new_context(base_url=server, locale="nl-NL")
        page = context.new_page()
        sign_in(page)
        page.goto(f"/secretariaat/{region.cooperation.slug}/vergaderingen/{meeting.pk}/")
        pages.append(page)
    first, second = pages
    first.get_by_role("group", name="Een punt toevoegen").get_by_label("Titel").fill("Woondeal")
    first.get_by_role("button", name="Punt toevoegen").click()
    expect(first.locator(".agenda-item", has_text="Woondeal")).to_be_visible()
    second.get_by_role("group", name="Een punt toevoegen").get_by_label("Titel").fill("Mobiliteitsvisie")
    second.get_by_role("button", name="Punt toevoegen").click()
    alert = second.get_by_role("alert")
    expect(alert).to_contain_text("Iemand anders heeft deze vergadering gewijzigd")
    expect(alert).to_contain_text("Punt toegevoegd: Woondeal")
    # The refreshed agenda shows the other's item; adding again now works.
    expect(second.locator(".agenda-item", has_text="Woondeal")).to_be_visible()
    second.get_by_role("group", name="Een punt toevoegen").get_by_label("Titel").fill("Mobiliteitsvisie")
    second.get_by_role("button", name="Punt toevoegen").click()
    expect(second.locator(".agenda-item", has_text="Mobiliteitsvisie")).to_be_visible()
    assert list(
        AgendaItem.objects.filter(meeting=meeting).order_by("position").values_list("title", flat=True)
    )[3:5] == ["Woondeal", "Mobiliteitsvisie"]
