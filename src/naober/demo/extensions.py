"""Demo data of the features built on the registry and the meeting history, loaded after them by `demo`.

Each entry names a callable `load(*, today: datetime.date) -> list[str]` that writes its demo records through
the feature's own services and returns summary lines for the command's output. Every extension is idempotent:
a second run finds its records again and writes nothing. They run in this order, so a later feature may build
on an earlier one's records.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from importlib import import_module

# Order: council involvement, then the planner's rules, finance (its budget rounds use council involvement),
# then the strategic agenda (its projects refer to dossiers, rounds and budgets).
EXTENSIONS: tuple[str, ...] = (
    "naober.councils.demo.load",
    "naober.planner.demo.load",
    "naober.finance.demo.load",
    "naober.strategy.demo.load",
)


def extension_callables() -> list[tuple[str, Callable[..., list[str]]]]:
    loaded = []
    for path in EXTENSIONS:
        module_name, _, attribute = path.rpartition(".")
        loaded.append((path, getattr(import_module(module_name), attribute)))
    return loaded


def extensions_load(*, today: datetime.date) -> list[str]:
    lines: list[str] = []
    for _path, load in extension_callables():
        lines.extend(load(today=today))
    return lines
