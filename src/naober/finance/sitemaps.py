"""Finance's public pages in sitemap.xml: only what an anonymous visitor may see (sent or adopted budgets)."""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from naober.access.viewer import ANONYMOUS
from naober.finance.models import Budget
from naober.finance.rules import budgets_visible_q
from naober.registry.models import Participation

Entry = tuple[str, datetime.datetime]


class FinanceSitemap(Sitemap[Entry]):
    changefreq = "monthly"
    priority = 0.5

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.NAOBER_SITE_URL).scheme or "https"

    def get_domain(self, site: Any = None) -> str:
        return urlsplit(settings.NAOBER_SITE_URL).netloc or "localhost"

    def items(self) -> list[Entry]:
        public = Budget.objects.filter(budgets_visible_q(ANONYMOUS))
        years = public.values("cooperation_id", "cooperation__slug", "year").annotate(last=Max("modified"))
        entries: dict[str, datetime.datetime] = {}
        latest: dict[int, datetime.datetime] = {}
        for row in years.order_by("cooperation__slug", "year"):
            slug, last = row["cooperation__slug"], row["last"]
            entries[reverse("finance:budget", args=[slug, row["year"]])] = last
            list_url = reverse("finance:budgets", args=[slug])
            entries[list_url] = max(last, entries.get(list_url, last))
            latest[row["cooperation_id"]] = max(last, latest.get(row["cooperation_id"], last))
        members = Participation.objects.filter(cooperation_id__in=list(latest), municipality__isnull=False)
        for cooperation_id, slug in members.values_list("cooperation_id", "municipality__slug").order_by(
            "municipality__slug"
        ):
            url = reverse("finance:statement", args=[slug])
            entries[url] = max(latest[cooperation_id], entries.get(url, latest[cooperation_id]))
        return list(entries.items())

    def location(self, item: Entry) -> str:
        return item[0]

    def lastmod(self, item: Entry) -> datetime.datetime:
        return item[1]
