"""Indicator charts as server-rendered SVG: measured values as labelled bars, the target as a dashed line
with its own label — readable without colour, and repeated as a data table beside the chart."""

from __future__ import annotations

import decimal
import math
from dataclasses import dataclass

from django.utils.formats import date_format, number_format

from naober.strategy.models import Indicator

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 28, 52
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    centre: float
    value_label: str
    date_label: str
    iso_date: str


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class IndicatorChart:
    indicator: Indicator
    bars: list[Bar]
    ticks: list[Tick]
    target_y: float
    target_label: str
    latest_label: str
    reached: bool
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    baseline: int = HEIGHT - BOTTOM
    top: int = TOP


def amount(value: decimal.Decimal, unit: str = "") -> str:
    places = 0 if value == value.to_integral_value() else 2
    text = number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)
    return f"{text} {unit}".strip()


def _nice_ceiling(value: float) -> float:
    """The scale's top: 1, 2, 2.5 or 5 times a power of ten, at least `value`."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def indicator_chart(indicator: Indicator) -> IndicatorChart:
    measurements = list(indicator.measurements.all())  # prefetched, ordered by date
    highest = max([float(indicator.target), *(float(m.value) for m in measurements)])
    top_value = _nice_ceiling(highest * 1.05)

    def y_of(value: float) -> float:
        return round(TOP + PLOT_H - (max(value, 0.0) / top_value) * PLOT_H, 1)

    slot = PLOT_W / max(len(measurements), 1)
    bar_width = round(min(slot * 0.6, 72), 1)
    bars = []
    for index, measurement in enumerate(measurements):
        centre = LEFT + slot * index + slot / 2
        y = y_of(float(measurement.value))
        bars.append(
            Bar(
                x=round(centre - bar_width / 2, 1),
                y=y,
                width=bar_width,
                height=round(TOP + PLOT_H - y, 1),
                centre=round(centre, 1),
                value_label=amount(measurement.value),
                date_label=date_format(measurement.measured_on, "M Y"),
                iso_date=measurement.measured_on.isoformat(),
            )
        )
    ticks = [
        Tick(y=y_of(top_value * step / 4), label=amount(decimal.Decimal(str(round(top_value * step / 4, 2)))))
        for step in range(5)
    ]
    latest = measurements[-1].value if measurements else None
    return IndicatorChart(
        indicator=indicator,
        bars=bars,
        ticks=ticks,
        target_y=y_of(float(indicator.target)),
        target_label=amount(indicator.target, indicator.unit),
        latest_label=amount(latest, indicator.unit) if latest is not None else "",
        reached=latest is not None and latest >= indicator.target,
    )
