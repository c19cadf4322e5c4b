"""The public pages filled with the demo regions (real names, long org charts) in real Chromium with axe-core.

The factory-built pages in test_public_pages.py check behaviour; this checks that real data keeps the pages
accessible and every org chart link working.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from naober.demo.loader import demo_load
from naober.governance.models import Body
from naober.registry.models import Cooperation
from tests.browser.conftest import AxeCheck, PageProblems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo() -> list[Cooperation]:
    demo_load()
    cooperations = list(Cooperation.objects.order_by("slug"))
    assert len(cooperations) == 4
    return cooperations


def _bodies_one_per_kind(cooperation: Cooperation) -> list[Body]:
    chosen: dict[str, Body] = {}
    for body in Body.objects.filter(cooperation=cooperation).order_by("slug"):
        chosen.setdefault(body.kind, body)
    return list(chosen.values())


def test_demo_pages_are_accessible_and_their_links_work(
    page: Page, demo: list[Cooperation], axe: AxeCheck, page_problems: PageProblems
) -> None:
    page.goto("/")
    axe(page)
    for cooperation in demo:
        page.goto(f"/{cooperation.slug}/")
        axe(page)
        chart_links = page.locator("main svg a").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
        assert chart_links, f"{cooperation.slug}: the org chart has no links"
        for href in chart_links:
            assert page.request.get(href).status == 200, href
        for body in _bodies_one_per_kind(cooperation):
            page.goto(f"/{cooperation.slug}/organen/{body.slug}/")
            axe(page)
    assert page_problems.all() == []
