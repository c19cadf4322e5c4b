"""Every channel through which content leaves naober, as seen by one client.

Each channel returns the text a person in some role receives from it, and declares which marker words it
shows when that role may see them (`shows`) and for which roles it is meant to work at all (`serves`).
Later channels (public meeting pages, search, OParl, feeds, sitemaps, exports) are added here as they land.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.test import Client
from django.urls import reverse

from tests.councils import leak_channels as councils
from tests.leaks.world import ALL, World
from tests.oparl import leak_channels as oparl
from tests.planner import leak_channels as planner

EDITORS = frozenset({"editor", "administrator", "platform_admin"})
ADMINISTRATORS = frozenset({"administrator", "platform_admin"})
EVERYONE = frozenset(
    {
        "anonymous",
        "outsider",
        "guest",
        "member",
        "other_member",
        "clerk",
        "recipient",
        "editor",
        "administrator",
        "other_editor",
        "platform_admin",
    }
)


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)


def body_text(client: Client, url: str) -> str:
    response = client.get(url)
    content = (
        response.content
        if not hasattr(response, "streaming_content")
        else b"".join(response.streaming_content)
    )
    if response.get("Content-Type", "").startswith("application/pdf") and response.status_code == 200:
        return pdf_text(content)
    return content.decode("utf-8", errors="replace")


@dataclass(frozen=True)
class Channel:
    name: str
    fetch: Callable[[Client, World, str], str]
    shows: frozenset[str] = frozenset()
    serves: frozenset[str] = EVERYONE


def _portal(client: Client, world: World, role: str) -> str:
    slug = world.cooperation.slug
    return "\n".join(body_text(client, url) for url in ("/", f"/{slug}/", f"/{slug}/organen/bo-wonen/"))


def _workspace(client: Client, world: World, role: str) -> str:
    slug = world.cooperation.slug
    return "\n".join(
        body_text(client, reverse("secretariat:meeting", args=[slug, meeting.pk]))
        for meeting in (world.meeting, world.unpublished)
    )


def _decision_list(client: Client, world: World, role: str) -> str:
    url = reverse("secretariat:decision-list", args=[world.cooperation.slug, world.meeting.pk])
    return body_text(client, url) + "\n" + body_text(client, url + "?format=pdf")


def _dossier(client: Client, world: World, role: str) -> str:
    slug = world.cooperation.slug
    return (
        body_text(client, reverse("secretariat:dossier", args=[slug, world.dossier_id]))
        + "\n"
        + body_text(client, reverse("secretariat:meetings", args=[slug]))
    )


def _downloads(client: Client, world: World, role: str) -> str:
    return "\n".join(
        body_text(client, reverse("meetings:document-download", kwargs={"pk": document.pk}))
        for document in world.documents
    )


def _mail(client: Client, world: World, role: str) -> str:
    address = f"{role}@example.org"
    parts = []
    for message in world.mails:
        if address not in message.to:
            continue
        parts.append(message.subject)
        parts.append(str(message.body))
        parts.extend(str(content) for content, _type in getattr(message, "alternatives", []))
        for attachment in message.attachments:
            payload = (
                attachment.get_payload(decode=True) if hasattr(attachment, "get_payload") else attachment[1]
            )
            parts.append(payload.decode() if isinstance(payload, bytes) else str(payload))
    return "\n".join(parts)


def _audit(client: Client, world: World, role: str) -> str:
    slug = world.cooperation.slug
    return "\n".join(
        body_text(client, url)
        for url in (
            reverse("secretariat:audit", args=[slug]),
            reverse("secretariat:audit-export", args=[slug, "csv"]),
            reverse("secretariat:audit-dossier", args=[slug, world.dossier_id]),
            reverse("secretariat:audit-meeting", args=[slug, world.meeting.pk]),
        )
    )


def _guessed_urls(client: Client, world: World, role: str) -> str:
    """Error pages: item endpoints and unknown ids must not echo what they refuse."""
    slug = world.cooperation.slug
    urls = [reverse("meetings:document-download", kwargs={"pk": 999_999})]
    urls.extend(
        reverse("secretariat:item-secrecy", args=[slug, world.meeting.pk, item.pk])
        for item in world.meeting.agenda_items.all()
    )
    return "\n".join(body_text(client, url) for url in urls)


def _public_pages(client: Client, world: World, role: str) -> str:
    """The portal's meeting, decision, dossier and document pages (they show what the viewer may see)."""
    from naober.portal.links import meeting_path

    slug = world.cooperation.slug
    year = world.meeting.start.year
    urls = [
        f"/{slug}/vergaderingen/{year}/",
        f"/{slug}/vergaderingen/{year}/?weergave=kalender",
        meeting_path(world.meeting),
        meeting_path(world.unpublished),
        f"/{slug}/besluiten/",
        f"/{slug}/dossiers/",
        f"/{slug}/dossiers/{world.dossier_id}/",
        f"/{slug}/documenten/",
    ]
    return "\n".join(client.get(url, follow=True).content.decode("utf-8", errors="replace") for url in urls)


def _feeds(client: Client, world: World, role: str) -> str:
    """Feeds and the sitemap are public whoever asks: calendar clients send no cookies."""
    slug = world.cooperation.slug
    urls = [
        f"/{slug}/vergaderingen.ics",
        f"/{slug}/organen/bo-wonen/vergaderingen.ics",
        f"/{slug}/besluiten.atom",
        f"/{slug}/documenten.atom",
        "/sitemap.xml",
        "/robots.txt",
    ]
    return "\n".join(body_text(client, url) for url in urls)


SEARCH_TOTAL = re.compile(r'class="search-summary"[^>]*>\s*(\d+)')


def _search(client: Client, world: World, role: str) -> str:
    """Results, counts, facets and snippets for a prefix search on each marker word.

    The query is the marker minus its last letter plus `*`, so the page's echo of the query never contains
    the marker itself; a hit shows the whole marker in its title or snippet, and a result count above zero
    is reported as the marker too — a count alone must not reveal that something exists.
    """
    parts = []
    for marker in sorted(ALL):
        page = body_text(client, f"/zoeken/?q={marker[:-1]}*")
        parts.append(page)
        total = SEARCH_TOTAL.search(page)
        if total is not None and int(total.group(1)) > 0:
            parts.append(marker)
    return "\n".join(parts)


def _strategy_world(world: World) -> list[str]:
    """A public programme with a public project carried by every decision of the meeting and the
    confidential dossier, and a confidential project (led by the BO) carried by the public decision;
    returns their page addresses."""
    from naober.governance.models import Body
    from naober.meetings.models import Dossier
    from naober.portal.links import meeting_path
    from naober.strategy import services
    from naober.strategy.models import Goal, Programme, Project

    slug = world.cooperation.slug
    base = f"/{slug}/strategische-agenda/agenda/"
    programme = Programme.objects.filter(cooperation=world.cooperation, slug="agenda").first()
    if programme is None:
        today = world.meeting.start.date()
        programme = services.programme_save(
            programme=Programme(
                cooperation=world.cooperation,
                slug="agenda",
                title="Strategische agenda",
                start_date=today.replace(month=1, day=1),
                end_date=today.replace(month=12, day=31),
            ),
            by=None,
        )
        goal = services.goal_save(goal=Goal(programme=programme, number=1, title="Wonen"), by=None)
        decisions = list(world.meeting.agenda_items.exclude(outcome=""))
        public = services.project_save(
            project=Project(programme=programme, slug="open", title="Uitvoering woondeal"),
            by=None,
            goals=[goal],
        )
        services.project_link(
            project=public, by=None, dossiers=[Dossier.objects.get(pk=world.dossier_id)], decisions=decisions
        )
        closed = services.project_save(
            project=Project(
                programme=programme,
                slug="besloten",
                title="Project qxvertoelichting",
                confidentiality="confidential",
                lead_body=Body.objects.get(cooperation=world.cooperation, slug="bo-wonen"),
            ),
            by=None,
            goals=[goal],
        )
        services.project_link(
            project=closed,
            by=None,
            decisions=[item for item in decisions if item.confidentiality == "public"],
        )
    goal_id = programme.goals.get().pk
    return [
        f"/{slug}/strategische-agenda/",
        base,
        f"{base}doelen/{goal_id}/",
        f"{base}projecten/open/",
        f"{base}projecten/besloten/",
        f"/{slug}/besluiten/",
        f"/{slug}/dossiers/{world.dossier_id}/",
        meeting_path(world.meeting),
    ]


def _strategy(client: Client, world: World, role: str) -> str:
    """The strategic agenda's pages, and the goal/project lines on the decision list and the dossier page."""
    return "\n".join(
        client.get(url, follow=True).content.decode("utf-8", errors="replace")
        for url in _strategy_world(world)
    )


def _finance(client: Client, world: World, role: str) -> str:
    """Finance's statement, its exports and the budget pages (drafts: tests/finance/test_leaks.py)."""
    from naober.registry.models import Municipality

    slug = world.cooperation.slug
    urls = [f"/financien/{slug}/", f"/financien/{slug}/2026/", f"/financien/{slug}/begrotingscyclus.ics"]
    for municipality in Municipality.objects.order_by("pk").values_list("slug", flat=True)[:3]:
        urls += [f"/gemeenten/{municipality}/bijdragen/", f"/gemeenten/{municipality}/bijdragen.csv"]
    return "\n".join(body_text(client, url) for url in urls)


TITLES_AND_DECISIONS = frozenset(
    {
        "qxpubtitel",
        "qxpubbesluit",
        "qxpubdoctitel",
        "qxvertitel",
        "qxvertoelichting",
        "qxverbesluit",
        "qxverdoctitel",
        "qxversubpunt",
        "qxembargotitel",
        "qxongepubliceerd",
    }
)

CHANNELS = (
    Channel("public pages", _portal),
    Channel("secretariat workspace", _workspace, shows=TITLES_AND_DECISIONS, serves=EDITORS),
    Channel(
        "decision list and PDF",
        _decision_list,
        shows=frozenset({"qxpubbesluit", "qxverbesluit"}),
        serves=EDITORS,
    ),
    Channel("dossier pages", _dossier, shows=frozenset({"qxverdossier"}), serves=EDITORS),
    Channel(
        "document downloads",
        _downloads,
        shows=frozenset({"qxpubdoctekst", "qxverdoctekst", "qxgeheimdoctekst", "qxgeheimlosdoctekst"}),
    ),
    Channel(
        "invitation e-mail",
        _mail,
        shows=frozenset({"qxpubtitel", "qxvertitel"}),
        serves=frozenset({"member", "guest"}),
    ),
    Channel(
        "audit trail and export", _audit, shows=frozenset({"qxpubtitel", "qxvertitel"}), serves=ADMINISTRATORS
    ),
    Channel("error pages", _guessed_urls),
    Channel(
        "public meeting, decision, dossier and document pages",
        _public_pages,
        shows=frozenset(
            {
                "qxpubtitel",
                "qxpubbesluit",
                "qxpubdoctitel",
                "qxvertitel",
                "qxverbesluit",
                "qxverdoctitel",
                "qxgeheimtitel",
                "qxgeheimbesluit",
            }
        ),
    ),
    Channel("calendar and Atom feeds, sitemap", _feeds, shows=frozenset({"qxpubbesluit"})),
    Channel("search results, counts, facets and snippets", _search, shows=ALL),
    Channel(
        "council rounds on public dossier pages",
        councils.public_dossier_matrix,
        shows=frozenset({"qxpubbesluit"}),
    ),
    Channel(
        "municipality hub, regional agenda and its calendar",
        councils.regional_agenda,
        shows=frozenset({"qxpubtitel"}),
    ),
    Channel(
        "council clerk pages and decisions",
        councils.clerk_pages,
        shows=frozenset({"qxpubtitel"}),
        serves=frozenset({"clerk"}),
    ),
    Channel(
        "secretariat council rounds",
        councils.secretariat_rounds,
        shows=frozenset({"qxpubtitel", "qxverdossier", "qxpubbesluit", "qxvertoelichting"}),
        serves=EDITORS,
    ),
    Channel(
        "council reminder e-mail",
        councils.reminder_mail,
        shows=frozenset({"qxpubtitel"}),
        serves=frozenset({"clerk"}),
    ),
    Channel(
        "strategic agenda: programme, goal and project pages, decision and dossier lines",
        _strategy,
        shows=frozenset({"qxpubtitel", "qxvertitel", "qxgeheimtitel", "qxverdossier", "qxvertoelichting"}),
    ),
    Channel("finance statement, exports and budget pages", _finance),
    Channel("OParl API crawl with file contents", oparl.oparl_crawl, shows=oparl.PUBLIC_IN_API),
    Channel(
        "CSV exports (members, bodies, memberships, meetings, decisions)",
        oparl.csv_exports,
        shows=oparl.PUBLIC_IN_CSV,
    ),
    Channel("year planner page and iCalendar proposal", planner.planner_pages, serves=EDITORS),
)

assert all(channel.shows <= ALL for channel in CHANNELS)
