"""The OParl API and the CSV exports as channels of the leak matrix (tests/leaks/channels.py).

Both serve everyone the same public data, so every role must see the public markers and nothing more.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.test import Client

from tests.leaks.world import World

PUBLIC_IN_API = frozenset({"qxpubtitel", "qxpubbesluit", "qxpubdoctitel", "qxpubdoctekst"})
PUBLIC_IN_CSV = frozenset({"qxpubtitel", "qxpubbesluit"})
MAX_PAGES = 2000


def _links(value: Any, key: str = "") -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if isinstance(value, dict):
        for inner_key, inner in value.items():
            found.extend(_links(inner, inner_key))
    elif isinstance(value, list):
        for inner in value:
            found.extend(_links(inner, key))
    elif isinstance(value, str) and value.startswith(settings.NAOBER_SITE_URL + "/oparl/"):
        found.append((key, value))
    return found


def oparl_crawl(client: Client, world: World, role: str) -> str:
    """Everything reachable from the System by following links, the files' content (as text) included."""
    from tests.leaks.channels import body_text

    site = settings.NAOBER_SITE_URL
    queue, seen, parts = [site + "/oparl/v1.1/"], set(), []
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        path = url[len(site) :]
        if url.endswith(("/access", "/download")):
            parts.append(body_text(client, path))
            continue
        response = client.get(path)
        text = response.content.decode("utf-8", errors="replace")
        parts.append(text)
        if response.status_code != 200:
            continue
        for key, link in _links(json.loads(text)):
            if key not in ("web", "website") and link not in seen:
                queue.append(link)
    return "\n".join(parts)


def csv_exports(client: Client, world: World, role: str) -> str:
    from tests.leaks.channels import body_text

    slug = world.cooperation.slug
    names = ("members", "bodies", "memberships", "meetings", "decisions")
    return "\n".join(body_text(client, f"/oparl/csv/{slug}/{name}.csv") for name in names)
