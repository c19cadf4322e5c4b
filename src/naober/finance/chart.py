"""The statement's bar chart as inline SVG, drawn on the server: per cooperation its lines, each with a dark
bar for the year and a light bar for the year before, each with its amount written out. The page also
shows the same numbers as a table, so the chart is a picture of the table, never the only source."""

from __future__ import annotations

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from naober.finance.selectors import Statement

WIDTH = 760
LABEL_WIDTH = 300
BAR_AREA = 330
BAR_HEIGHT = 16
ROW_GAP = 14
NOW_COLOUR = "#1d4f91"  # 8.1:1 against white
BEFORE_COLOUR = "#7d8fa8"  # 3.3:1 against white: a non-text contrast of at least 3:1


def euros(amount: Decimal) -> str:
    return "€ " + number_format(amount, decimal_pos=0, use_l10n=True, force_grouping=True)


def statement_chart(statement: Statement) -> SafeString:
    """Per cooperation a heading row, then a pair of bars per line."""
    if not any(part.lines for part in statement.parts):
        return SafeString("")
    largest = (
        max(max(line.now or 0, line.before or 0) for part in statement.parts for line in part.lines) or 1
    )
    row_height = 2 * BAR_HEIGHT + ROW_GAP
    top = 34  # below the legend
    parts = []
    for part in statement.parts:
        if not part.lines:
            continue
        parts.append(
            format_html(
                '<text x="0" y="{}" class="chart-group">{}</text>', top + 16, part.cooperation.display_name
            )
        )
        top += 26
        for line in part.lines:
            label = line.name if len(line.name) <= 40 else line.name[:39] + "…"
            parts.append(
                format_html(
                    '<g class="chart-row"><text x="12" y="{}" class="chart-label">{}</text>{}{}</g>',
                    top + BAR_HEIGHT + 4,
                    label,
                    _bar(top, line.now, largest, NOW_COLOUR, statement.year),
                    _bar(top + BAR_HEIGHT, line.before, largest, BEFORE_COLOUR, statement.year - 1),
                )
            )
            top += row_height
    title = _("Contributions of %(municipality)s per cooperation and line, %(year)s and %(before)s") % {
        "municipality": statement.municipality.name,
        "year": statement.year,
        "before": statement.year - 1,
    }
    legend = format_html(
        '<g class="chart-legend"><rect x="{}" y="4" width="14" height="14" fill="{}"/>'
        '<text x="{}" y="16">{}</text><rect x="{}" y="4" width="14" height="14" fill="{}"/>'
        '<text x="{}" y="16">{}</text></g>',
        LABEL_WIDTH,
        NOW_COLOUR,
        LABEL_WIDTH + 20,
        statement.year,
        LABEL_WIDTH + 90,
        BEFORE_COLOUR,
        LABEL_WIDTH + 110,
        statement.year - 1,
    )
    return format_html(
        '<svg class="contribution-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" '
        'role="img" aria-labelledby="contribution-chart-title">'
        '<title id="contribution-chart-title">{}</title>{}{}</svg>',
        WIDTH,
        top + 10,
        title,
        legend,
        format_html_join("", "{}", ((part,) for part in parts)),
    )


def _bar(top: int, amount: Decimal | None, largest: Decimal | int, colour: str, year: int) -> SafeString:
    if amount is None:
        return format_html(
            '<text x="{}" y="{}" class="chart-value">{}: {}</text>',
            LABEL_WIDTH,
            top + BAR_HEIGHT - 4,
            year,
            _("no budget"),
        )
    width = max(1, round(float(amount / Decimal(largest)) * BAR_AREA)) if amount else 0
    return format_html(
        '<rect class="chart-bar" x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>'
        '<text x="{}" y="{}" class="chart-value">{}</text>',
        LABEL_WIDTH,
        top + 1,
        width,
        BAR_HEIGHT - 2,
        colour,
        year,
        euros(amount),
        LABEL_WIDTH + width + 6,
        top + BAR_HEIGHT - 4,
        f"{year}: {euros(amount)}",
    )
