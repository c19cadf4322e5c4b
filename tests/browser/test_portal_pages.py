"""The public portal with the demo's year of meetings in real Chromium: the visitor's walk of the issue's
"Done when" (find the 2026 overview of Regio Amersfoort, open a meeting, download a public document, search,
subscribe to the calendar) and axe-core on every page type."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db.models import Q
from icalendar import Calendar
from playwright.sync_api import Page, expect

from naober.access.rules import documents_visible_q
from naober.access.viewer import ANONYMOUS
from naober.meetings.models import AgendaItem, Document, Dossier, Meeting
from naober.portal.links import dossier_path, meeting_path
from tests.browser.conftest import AxeCheck, PageProblems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REGION = "regio-amersfoort"
YEAR = 2026
# The demo history runs from ten months before this day to three months after: 2026 is full of held meetings.
HISTORY_DAY = datetime.date(2026, 11, 23)


@pytest.fixture
def demo() -> None:
    from naober.demo.history import history_generate
    from naober.demo.loader import demo_load

    demo_load()
    history_generate(today=HISTORY_DAY, slugs={REGION})


def _meeting_with_public_document() -> Meeting:
    public = Document.objects.filter(documents_visible_q(ANONYMOUS), cooperation__slug=REGION)
    meeting = (
        Meeting.objects.filter(start__year=YEAR, pk__in=public.values("meeting_id"), status="held")
        .select_related("cooperation", "body__topic")
        .order_by("-start")
        .first()
    )
    assert meeting is not None, "the demo has no held meeting with a public document"
    return meeting


def _search_finds_a_decision(page: Page) -> None:
    """The issue's search step: a Dutch word in another inflection finds the decision, and the hit opens the
    meeting page where the decision stands."""
    items = AgendaItem.objects.filter(meeting__cooperation__slug=REGION, meeting__status="held")
    candidates = []
    for item in items.exclude(outcome="").filter(confidentiality="public").order_by("pk"):
        words = re.findall(r"\w+", item.title.lower())
        # routenetwerken → routenetwerk
        candidates.extend((item, word[:-2]) for word in words if len(word) > 7 and word.endswith("en"))
    if not candidates:
        pytest.fail("no decision title with a plural in -en in the demo")
    item, singular = candidates[0]
    page.get_by_role("search").get_by_role("searchbox").fill(singular)
    page.get_by_role("search").get_by_role("button").click()
    expect(page.get_by_role("main")).to_contain_text(item.title)
    page.locator(f'main a[href$="#punt-{item.pk}"]').first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(item.meeting.display_title)
    expect(page.locator(f"#punt-{item.pk}")).to_contain_text(item.title)


def test_a_visitor_finds_a_meeting_downloads_a_document_and_subscribes(
    page: Page, demo: None, axe: AxeCheck, page_problems: PageProblems
) -> None:
    page.goto("/")
    page.get_by_role("main").get_by_role("link", name="Regio Amersfoort", exact=True).click()
    page.get_by_role("navigation", name="Onderdelen van Regio Amersfoort").get_by_role(
        "link", name="Vergaderingen"
    ).click()
    if not page.url.endswith(f"/vergaderingen/{YEAR}/"):
        page.get_by_role("navigation", name="Jaren").get_by_role("link", name=str(YEAR), exact=True).click()
    expect(page).to_have_url(re.compile(rf"/{REGION}/vergaderingen/{YEAR}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Vergaderingen {YEAR}")

    meeting = _meeting_with_public_document()
    page.locator(f'main a[href="{meeting_path(meeting)}"]').first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(meeting.display_title)
    document_link = page.locator('main a[href^="/documenten/"]').first
    download = page.request.get(document_link.get_attribute("href") or "")
    assert download.status == 200
    assert download.headers["content-disposition"].startswith("attachment;")

    _search_finds_a_decision(page)

    page.goto(f"/{REGION}/")
    subscribe = page.get_by_role("link", name=re.compile("^Abonneren"))
    href = subscribe.first.get_attribute("href") or ""
    assert href == f"/{REGION}/vergaderingen.ics"
    feed = page.request.get(href)
    assert feed.status == 200 and feed.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(feed.body())
    assert calendar.walk("VEVENT") and [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == [
        "Europe/Amsterdam"
    ]
    assert page_problems.all() == []


def test_every_portal_page_type_passes_axe(
    page: Page, demo: None, axe: AxeCheck, page_problems: PageProblems
) -> None:
    meeting = _meeting_with_public_document()
    dossier = Dossier.objects.filter(cooperation__slug=REGION, confidentiality="public").select_related(
        "cooperation"
    )
    visible = dossier.filter(
        Q(pk__in=AgendaItem.objects.filter(meeting__status="held").values("dossier_id"))
    ).first()
    assert visible is not None
    pages = {
        "year overview": f"/{REGION}/vergaderingen/{YEAR}/",
        "search results": "/zoeken/?q=woningbouw",
        "year calendar": f"/{REGION}/vergaderingen/{YEAR}/?weergave=kalender",
        "year filtered": f"/{REGION}/vergaderingen/{YEAR}/?orgaan=bora",
        "meeting": meeting_path(meeting),
        "decisions": f"/{REGION}/besluiten/",
        "decisions page 2": f"/{REGION}/besluiten/?pagina=2",
        "dossiers": f"/{REGION}/dossiers/",
        "dossier": dossier_path(visible),
        "documents": f"/{REGION}/documenten/",
        "body with meetings": f"/{REGION}/organen/{meeting.body.slug}/",
        "cooperation": f"/{REGION}/",
    }
    for name, path in pages.items():
        response = page.goto(path)
        assert response is not None and response.status == 200, name
        axe(page)
    # Keyboard: the section navigation and the filters can be reached and used without a mouse.
    page.goto(f"/{REGION}/besluiten/")
    page.get_by_label("Besluit", exact=True).select_option("adopted")
    page.get_by_role("button", name="Filteren").press("Enter")
    expect(page).to_have_url(re.compile(r"uitkomst=adopted"))
    axe(page)
    assert page_problems.all() == []
