"""The org chart of a cooperation as SVG: which bodies exist and which body prepares which.

Layout: each *unit* is a body that prepares nothing in its own band, with the bodies that prepare it stacked
below it (AO under its BO, ARG under BORA), an arrow pointing up along the preparation chain. Units are
grouped in bands (boards, portfolio meetings and theme tables, support) and wrapped in rows. Only presentation
attributes are used, so the chart needs no inline styles (the Content-Security-Policy forbids them).
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from django.urls import reverse
from django.utils.translation import gettext as _

from naober.governance.models import Body, BodyKind
from naober.registry.models import Cooperation

BOX_WIDTH = 168
BOX_HEIGHT = 58
H_GAP = 22
V_GAP = 34
UNITS_PER_ROW = 5
MARGIN = 16
BAND_TITLE = 30
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"

BAND_OF_TIER = {0: 0, 1: 0, 2: 0, 3: 1, 4: 2, 5: 2, 6: 2, 7: 2}
FILL = {0: "#e8eefc", 1: "#e9f6ef", 2: "#f4f1ea"}
STROKE = {0: "#1d4ed8", 1: "#15803d", 2: "#7c6f57"}


def band_titles() -> list[str]:
    return [_("Governance"), _("Portfolio meetings and theme tables"), _("Preparation and support")]


@dataclass
class Unit:
    head: Body
    stack: list[Body] = field(default_factory=list)


def _label_lines(body: Body) -> list[str]:
    if body.kind in (BodyKind.PORTFOLIO_MEETING, BodyKind.CIVIL_SERVANTS_MEETING) and body.topic is not None:
        first = body.short_name or body.get_kind_display()
        rest = body.topic.name
    elif body.short_name:
        first, rest = body.short_name, body.name
    else:
        first, rest = body.name, ""
    lines = [first[:26]]
    lines += textwrap.wrap(rest, width=25, max_lines=2, placeholder="…")
    return lines[:3]


def _units(bodies: list[Body]) -> list[list[Unit]]:
    by_id = {body.pk: body for body in bodies}
    preparers: dict[int, list[Body]] = defaultdict(list)
    for body in bodies:
        if body.prepares_id in by_id:
            preparers[body.prepares_id].append(body)
    bands: list[list[Unit]] = [[], [], []]

    def band_of(body: Body) -> int:
        return BAND_OF_TIER.get(body.tier, 2)

    for body in bodies:
        target = by_id.get(body.prepares_id) if body.prepares_id else None
        if target is not None:
            continue  # drawn in the stack of the body it prepares
        unit = Unit(head=body)
        queue = list(preparers.get(body.pk, []))
        while queue:
            current = queue.pop(0)
            unit.stack.append(current)
            queue.extend(preparers.get(current.pk, []))
        bands[band_of(body)].append(unit)
    return bands


def _box(body: Body, x: int, y: int, band: int, url: str) -> str:
    lines = _label_lines(body)
    text_y = y + BOX_HEIGHT / 2 - (len(lines) - 1) * 8 + 5
    texts = []
    for index, line in enumerate(lines):
        weight = "700" if index == 0 else "400"
        texts.append(
            f'<text x="{x + BOX_WIDTH / 2}" y="{text_y + index * 16}" text-anchor="middle" font-size="13" '
            f'font-weight="{weight}" fill="#111827" font-family={quoteattr(FONT)}>{escape(line)}</text>'
        )
    return (
        f"<a href={quoteattr(url)} aria-label={quoteattr(body.display_name)}>"
        f"<title>{escape(body.display_name)}</title>"
        f'<rect x="{x}" y="{y}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="6" fill="{FILL[band]}" '
        f'stroke="{STROKE[band]}" stroke-width="1.5"/>' + "".join(texts) + "</a>"
    )


def _arrow(x: float, y_from: float, y_to: float) -> str:
    return (
        f'<line x1="{x}" y1="{y_from}" x2="{x}" y2="{y_to + 4}" stroke="#374151" stroke-width="1.5" '
        f'marker-end="url(#prepares-arrow)"/>'
    )


def org_chart_svg(*, cooperation: Cooperation, bodies: list[Body], standalone: bool = False) -> str:
    """Render the chart; `bodies` come from `governance.selectors.body_list` (topic and prepares loaded)."""
    bands = _units(bodies)
    parts: list[str] = []
    y = MARGIN
    width = MARGIN * 2 + UNITS_PER_ROW * BOX_WIDTH + (UNITS_PER_ROW - 1) * H_GAP
    titles = band_titles()
    for band_index, units in enumerate(bands):
        if not units:
            continue
        parts.append(
            f'<text x="{MARGIN}" y="{y + 18}" font-size="15" font-weight="700" fill="#111827" '
            f"font-family={quoteattr(FONT)}>{escape(titles[band_index])}</text>"
        )
        y += BAND_TITLE
        for row_start in range(0, len(units), UNITS_PER_ROW):
            row = units[row_start : row_start + UNITS_PER_ROW]
            row_height = 0
            for column, unit in enumerate(row):
                x = MARGIN + column * (BOX_WIDTH + H_GAP)
                chain = [unit.head, *unit.stack]
                for level, body in enumerate(chain):
                    box_y = y + level * (BOX_HEIGHT + V_GAP)
                    url = reverse("portal:body", args=[cooperation.slug, body.slug])
                    parts.append(_box(body, x, box_y, band_index, url))
                    if level > 0:
                        parts.append(_arrow(x + BOX_WIDTH / 2, box_y, box_y - V_GAP + 0))
                row_height = max(row_height, len(chain) * (BOX_HEIGHT + V_GAP) - V_GAP)
            y += row_height + V_GAP
        y += 6
    height = y + MARGIN - V_GAP
    title = _("Organisation chart of %(name)s") % {"name": cooperation.name}
    description = _(
        "Bodies of %(name)s; an arrow points from a body to the body whose meetings it prepares."
    ) % {"name": cooperation.name}
    namespace = ' xmlns="http://www.w3.org/2000/svg"' if standalone else ""
    return (
        f'<svg{namespace} class="org-chart" viewBox="0 0 {width} {max(height, 60)}" width="{width}" '
        f'height="{max(height, 60)}" role="group" aria-labelledby="org-chart-title org-chart-desc">'
        f'<title id="org-chart-title">{escape(title)}</title>'
        f'<desc id="org-chart-desc">{escape(description)}</desc>'
        '<defs><marker id="prepares-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" '
        'markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#374151"/>'
        "</marker></defs>" + "".join(parts) + "</svg>"
    )
