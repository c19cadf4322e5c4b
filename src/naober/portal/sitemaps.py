"""sitemap.xml: cooperations, their bodies and lists, public meetings and public dossiers.

Addresses are absolute on `NAOBER_SITE_URL` (not the host a request came in on); what a visitor may not see
is not listed (`selectors/feeds.py`: the public view).
"""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from naober.finance.sitemaps import FinanceSitemap
from naober.governance.models import Body
from naober.meetings.models import Dossier, Meeting
from naober.portal.links import body_path, dossier_path, meeting_path
from naober.portal.selectors.feeds import sitemap_dossiers, sitemap_meetings
from naober.registry.models import Cooperation
from naober.strategy.sitemaps import StrategySitemap

COOPERATION_PAGES = ("portal:cooperation", "portal:decisions", "portal:dossiers", "portal:documents")


class _SiteSitemap(Sitemap[Any]):
    """Absolute addresses on the configured site, whatever host the request came in on."""

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.NAOBER_SITE_URL).scheme or "https"

    def get_domain(self, site: Any = None) -> str:
        return urlsplit(settings.NAOBER_SITE_URL).netloc or "localhost"


class CooperationSitemap(_SiteSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self) -> list[tuple[Cooperation, str]]:
        return [
            (cooperation, name)
            for cooperation in Cooperation.objects.order_by("slug")
            for name in COOPERATION_PAGES
        ]

    def location(self, item: tuple[Cooperation, str]) -> str:
        cooperation, name = item
        return reverse(name, args=[cooperation.slug])

    def lastmod(self, item: tuple[Cooperation, str]) -> datetime.datetime:
        return item[0].modified


class BodySitemap(_SiteSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self) -> QuerySet[Body]:
        return Body.objects.select_related("cooperation").order_by("cooperation__slug", "slug")

    def location(self, item: Body) -> str:
        return body_path(item)


class MeetingSitemap(_SiteSitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self) -> QuerySet[Meeting]:
        return sitemap_meetings()

    def location(self, item: Meeting) -> str:
        return meeting_path(item)

    def lastmod(self, item: Meeting) -> datetime.datetime:
        return item.modified


class DossierSitemap(_SiteSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self) -> QuerySet[Dossier]:
        return sitemap_dossiers()

    def location(self, item: Dossier) -> str:
        return dossier_path(item)

    def lastmod(self, item: Dossier) -> datetime.datetime:
        return item.modified


SITEMAPS: dict[str, type[Sitemap[Any]]] = {
    "cooperations": CooperationSitemap,
    "bodies": BodySitemap,
    "meetings": MeetingSitemap,
    "dossiers": DossierSitemap,
    "strategy": StrategySitemap,
    "finance": FinanceSitemap,
}
