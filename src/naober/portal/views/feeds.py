"""Feeds: iCalendar subscriptions per cooperation and per body, Atom feeds of decisions and documents,
and robots.txt. Feeds carry public, published content only (`selectors/feeds.py`), whoever asks."""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from icalendar import Calendar, Timezone

from naober.governance import selectors as governance
from naober.governance.models import Body
from naober.meetings.calendar import PRODID, meeting_local_start, meeting_vevent
from naober.meetings.models import AgendaItem, Meeting
from naober.portal.links import absolute, agenda_item_path, dossier_path, meeting_path
from naober.portal.selectors import feeds as selectors
from naober.portal.selectors.common import DocumentRow, cooperation_get_or_404
from naober.registry.models import Cooperation

FEED_MAX_AGE = 15 * 60


def _calendar(*, name: str, zone_name: str, meetings: list[Meeting]) -> bytes:
    """One VCALENDAR: a VTIMEZONE for the cooperation's zone (covering every event) and a VEVENT per
    meeting; icalendar writes CRLF line ends and folds long lines (RFC 5545 §3.1)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)  # RFC 7986
    calendar.add("x-wr-calname", name)  # what most clients read
    calendar.add("x-wr-timezone", zone_name)
    calendar.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    years = [meeting.start.year for meeting in meetings] or [timezone.now().year]
    calendar.add_component(
        Timezone.from_tzid(
            zone_name,
            first_date=datetime.date(min(years) - 1, 1, 1),
            last_date=datetime.date(max(years) + 2, 1, 1),
        )
    )
    for meeting in meetings:
        calendar.add_component(meeting_vevent(meeting))  # no online link: for participants only
    return calendar.to_ical()


def _calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


@require_safe
def cooperation_calendar(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = cooperation_get_or_404(slug=cooperation)
    meetings = selectors.calendar_meetings(cooperation=coop)
    name = _("Meetings of %(name)s") % {"name": coop.name}
    content = _calendar(name=name, zone_name=coop.time_zone, meetings=meetings)
    return _calendar_response(content, f"{coop.slug}-vergaderingen.ics")


@require_safe
def body_calendar(request: HttpRequest, cooperation: str, body: str) -> HttpResponse:
    coop = cooperation_get_or_404(slug=cooperation)
    try:
        found = governance.body_get(cooperation=coop, slug=body)
    except Body.DoesNotExist as error:
        raise Http404 from error
    meetings = selectors.calendar_meetings(cooperation=coop, body=found)
    name = _("Meetings of %(body)s (%(name)s)") % {"body": found.display_name, "name": coop.display_name}
    content = _calendar(name=name, zone_name=coop.time_zone, meetings=meetings)
    return _calendar_response(content, f"{coop.slug}-{found.slug}-vergaderingen.ics")


def _tag(kind: str, pk: int, created: datetime.datetime) -> str:
    """A tag URI (RFC 4151): stable whatever the title or address of the entry becomes."""
    host = urlsplit(settings.NAOBER_SITE_URL).hostname or "localhost"
    return f"tag:{host},{created:%Y-%m-%d}:{kind}-{pk}"


class _CooperationFeed(Feed[Any, Any]):
    feed_type = Atom1Feed
    path_name = ""

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
        return response

    def get_object(self, request: HttpRequest, cooperation: str) -> Cooperation:
        return cooperation_get_or_404(slug=cooperation)

    def feed_guid(self, obj: Cooperation) -> str:
        return absolute(reverse(self.path_name, args=[obj.slug]))

    def feed_url(self, obj: Cooperation) -> str:
        return absolute(reverse(self.path_name, args=[obj.slug]))

    def author_name(self, obj: Cooperation) -> str:
        return obj.name

    def author_link(self, obj: Cooperation) -> str:
        return absolute(reverse("portal:cooperation", args=[obj.slug]))


class DecisionFeed(_CooperationFeed):
    """New decisions of a cooperation's meetings, newest first."""

    path_name = "portal:decisions-feed"

    def title(self, obj: Cooperation) -> str:
        return _("Decisions of %(name)s") % {"name": obj.name}

    def subtitle(self, obj: Cooperation) -> str:
        return _("The latest public decisions of the bodies of %(name)s.") % {"name": obj.name}

    def link(self, obj: Cooperation) -> str:
        return absolute(reverse("portal:decisions", args=[obj.slug]))

    def items(self, obj: Cooperation) -> list[AgendaItem]:
        return selectors.feed_decisions(cooperation=obj)

    def item_title(self, item: AgendaItem) -> str:
        return f"{item.title}: {item.get_outcome_display()}"

    def item_description(self, item: AgendaItem) -> str:
        start = meeting_local_start(item.meeting)
        meeting = f"{item.meeting.display_title}, {date_format(start.date(), 'j F Y')}"
        parts = [
            _("%(outcome)s in %(meeting)s") % {"outcome": item.get_outcome_display(), "meeting": meeting}
        ]
        if item.decision_text:
            parts.append(item.decision_text)
        return "\n\n".join(parts)

    def item_link(self, item: AgendaItem) -> str:
        return absolute(agenda_item_path(item))

    def item_guid(self, item: AgendaItem) -> str:
        return _tag("decision", item.pk, item.created)

    item_guid_is_permalink = False

    def item_pubdate(self, item: AgendaItem) -> datetime.datetime:
        return item.meeting.start

    def item_updateddate(self, item: AgendaItem) -> datetime.datetime:
        return max(item.modified, item.meeting.start)


class DocumentFeed(_CooperationFeed):
    """New public documents of a cooperation, newest first; each links to its meeting or dossier."""

    path_name = "portal:documents-feed"

    def title(self, obj: Cooperation) -> str:
        return _("Documents of %(name)s") % {"name": obj.name}

    def subtitle(self, obj: Cooperation) -> str:
        return _("The latest public documents of %(name)s.") % {"name": obj.name}

    def link(self, obj: Cooperation) -> str:
        return absolute(reverse("portal:documents", args=[obj.slug]))

    def items(self, obj: Cooperation) -> list[DocumentRow]:
        return selectors.feed_documents(cooperation=obj)

    def item_title(self, item: DocumentRow) -> str:
        return item.document.title

    def item_description(self, item: DocumentRow) -> str:
        return f"{item.document.get_kind_display()} · {item.file_type}"

    def item_link(self, item: DocumentRow) -> str:
        if item.document.meeting is not None:
            return absolute(meeting_path(item.document.meeting))
        if item.dossier is not None:
            return absolute(dossier_path(item.dossier))
        return absolute(reverse("meetings:document-download", args=[item.document.pk]))

    def item_guid(self, item: DocumentRow) -> str:
        return _tag("document", item.document.pk, item.document.created)

    item_guid_is_permalink = False

    def item_pubdate(self, item: DocumentRow) -> datetime.datetime:
        return item.document.created

    def item_updateddate(self, item: DocumentRow) -> datetime.datetime:
        return max(item.document.modified, item.version.created)

    def item_enclosures(self, item: DocumentRow) -> list[Any]:
        url = absolute(reverse("meetings:document-download", args=[item.document.pk]))
        return [Enclosure(url, str(item.version.size), item.version.mime_type)]


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /secretariaat/",
        "Disallow: /beheer/",
        "Disallow: /account/",
        "Disallow: /aanmelden/",
        "Disallow: /afmelden/",
        "Disallow: /wachtwoord-vergeten/",
        "Disallow: /i18n/",
        "",
        f"Sitemap: {absolute(reverse('portal:sitemap'))}",
        "",
    ]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=24 * 60 * 60)
    return response
