"""The strategic agenda's public pages in sitemap.xml: what an anonymous visitor may see, nothing else."""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from naober.access.viewer import ANONYMOUS
from naober.strategy.models import Event, Programme, Project
from naober.strategy.visibility import events_visible_q, programmes_visible_q, projects_visible_q

Entry = tuple[str, datetime.datetime]


class StrategySitemap(Sitemap[Entry]):
    changefreq = "monthly"
    priority = 0.5

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.NAOBER_SITE_URL).scheme or "https"

    def get_domain(self, site: Any = None) -> str:
        return urlsplit(settings.NAOBER_SITE_URL).netloc or "localhost"

    def items(self) -> list[Entry]:
        programmes = Programme.objects.filter(programmes_visible_q(ANONYMOUS)).select_related("cooperation")
        projects = Project.objects.filter(projects_visible_q(ANONYMOUS)).select_related(
            "programme__cooperation"
        )
        events = Event.objects.filter(events_visible_q(ANONYMOUS)).select_related("cooperation")
        return [
            *(
                (reverse("strategy:programme", args=[p.cooperation.slug, p.slug]), p.modified)
                for p in programmes.order_by("cooperation__slug", "slug")
            ),
            *(
                (
                    reverse(
                        "strategy:project", args=[p.programme.cooperation.slug, p.programme.slug, p.slug]
                    ),
                    p.modified,
                )
                for p in projects.order_by("programme__cooperation__slug", "programme__slug", "slug")
            ),
            *(
                (reverse("strategy:event", args=[e.cooperation.slug, e.pk]), e.modified)
                for e in events.order_by("cooperation__slug", "-date", "pk")
            ),
        ]

    def location(self, item: Entry) -> str:
        return item[0]

    def lastmod(self, item: Entry) -> datetime.datetime:
        return item[1]
