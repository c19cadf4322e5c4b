"""Browser tests: real Chromium (Debian's package) driven by Playwright against a live test server.

Never `playwright install`: there is no browser download here; we drive the system Chromium. Tests that use
these fixtures are marked `browser` and are skipped (tests/conftest.py) on a machine without it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any, Protocol

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Request, Response, sync_playwright

from tests.conftest import CHROMIUM

CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    # The machine's network is closed: without these Chromium keeps trying to reach Google's services.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="package", autouse=True)
def _orm_beside_playwright() -> Iterator[None]:
    """Playwright's sync API keeps an asyncio event loop running in this thread while it is started; Django's
    ORM refuses to run beside one (SynchronousOnlyOperation) although every call here is synchronous. Allowed
    for this package only, and Playwright is stopped when the package is done, so other tests keep the check.
    """
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def playwright(_orm_beside_playwright: None) -> Iterator[Playwright]:
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def server(live_server: Any) -> str:
    """Base URL of pytest-django's live server (a thread serving the WSGI app and the static files).

    It uses the test database, so tests need `@pytest.mark.django_db(transaction=True)` to let it see their
    data. It serves static files from the finders (Django's StaticFilesHandler, the same files WhiteNoise
    serves with WHITENOISE_USE_FINDERS outside production); tests/core/test_cli.py checks WhiteNoise itself
    under `naober serve`.
    """
    return str(live_server.url)


class PageProblems:
    """What went wrong while pages loaded: console errors (CSP violations among them) and failed requests."""

    def __init__(self) -> None:
        self.console_errors: list[str] = []
        self.failed_requests: list[str] = []
        self.error_responses: list[str] = []

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def on_request_failed(self, request: Request) -> None:
        self.failed_requests.append(f"{request.method} {request.url}: {request.failure}")

    def on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.error_responses.append(f"{response.status} {response.url}")

    def all(self) -> list[str]:
        return self.console_errors + self.failed_requests + self.error_responses


@pytest.fixture
def page_problems() -> PageProblems:
    return PageProblems()


@pytest.fixture
def page(browser: Browser, server: str, page_problems: PageProblems) -> Iterator[Page]:
    """A fresh browser context per test (no cookies carried over), Dutch like a visitor from NL."""
    context = browser.new_context(base_url=server, locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.on("console", page_problems.on_console)
    page.on("requestfailed", page_problems.on_request_failed)
    page.on("response", page_problems.on_response)
    yield page
    context.close()


class AxeCheck(Protocol):
    def __call__(self, page: Page, *, context: str | None = None) -> None: ...


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = [f"{len(violations)} accessibility violation(s) found by axe-core:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact') or 'no impact given'}): {violation['help']}"
        )
        lines.append(f"  {violation.get('helpUrl', '')}")
        for node in violation.get("nodes", []):
            target = ", ".join(
                " ".join(part) if isinstance(part, list) else str(part) for part in node["target"]
            )
            lines.append(f"    at {target}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n       ")
            if summary:
                lines.append(f"       {summary}")
    return "\n".join(lines)


@pytest.fixture(scope="package")
def _axe() -> Any:
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def axe(_axe: Any) -> AxeCheck:
    """`axe(page)` runs axe-core on the page as it is now and fails the test on any violation."""

    def check(page: Page, *, context: str | None = None) -> None:
        results = _axe.run(page, context=context)
        violations = results.response["violations"]
        if violations:
            pytest.fail(f"{page.url}\n{format_violations(violations)}", pytrace=False)

    return check
