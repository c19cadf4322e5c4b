"""Reading one record of a data file field by field, with a precise message for every problem."""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Collection, Iterable

from naober.demo.errors import DemoDataError, Place
from naober.demo.yaml_files import LinedMapping

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# The field that names a record in error messages, per section.
RECORD_KEYS = {
    "municipalities": ("code", "name"),
    "organisations": ("slug",),
    "topics": ("slug",),
    "participations": ("municipality", "organisation"),
    "bodies": ("slug",),
    "persons": ("key",),
}


def describe(value: object) -> str:
    """How a YAML value reads back to the person who wrote it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, datetime.date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f'"{value}"'


def unknown(what: str, value: str, known: Iterable[str]) -> str:
    """`unknown body "bo-wonne" (did you mean "bo-wonen"?)`, or the known values when none is close."""
    choices = list(known)
    close = difflib.get_close_matches(value, choices, n=1)
    hint = f'did you mean "{close[0]}"?' if close else f"known: {', '.join(choices) or 'none'}"
    return f'unknown {what} "{value}" ({hint})'


def record_label(section: str, index: int, raw: object, keys: Iterable[str]) -> str:
    """`bodies[3] "bo-wonen"`: the position in its list, and its natural key when it has one."""
    for key in keys:
        value = raw.get(key) if isinstance(raw, dict) else None
        if isinstance(value, str) and value:
            return f'{section}[{index}] "{value}"'
    return f"{section}[{index}]"


class Fields:
    """One mapping from a data file. Unknown fields are refused (a typo must not pass silently)."""

    def __init__(
        self, raw: object, place: Place, *, required: Collection[str], optional: Collection[str] = ()
    ) -> None:
        if not isinstance(raw, LinedMapping):
            raise place.error(f"expected a mapping of fields, not {describe(raw)}")
        self.raw = raw
        self.place = Place(place.file, place.record, raw.line)
        self.required = frozenset(required)
        known = self.required | frozenset(optional)
        for name in raw:
            if name not in known:
                raise self.error(name, unknown("field", name, sorted(known)))
        for name in sorted(self.required):
            if name not in raw:
                raise self.place.error("required field is missing", field=name)

    def error(self, name: str, problem: str) -> DemoDataError:
        return self.place.error(problem, field=name, line=self.raw.value_lines.get(name))

    def line(self, name: str) -> int:
        return self.raw.value_lines.get(name, self.raw.line)

    def has(self, name: str) -> bool:
        return name in self.raw

    def _value(self, name: str) -> object:
        value = self.raw.get(name)
        if value is None and name in self.required:
            raise self.error(name, "must not be empty")
        return value

    def text(self, name: str, *, default: str = "") -> str:
        value = self._value(name)
        if value is None:
            return default
        if not isinstance(value, str):
            hint = " (put it in quotes)" if isinstance(value, int | float | bool | datetime.date) else ""
            raise self.error(name, f"expected text, not {describe(value)}{hint}")
        value = value.strip()
        if not value and name in self.required:
            raise self.error(name, "must not be empty")
        return value

    def slug(self, name: str) -> str:
        value = self.text(name)
        if value and not SLUG.match(value):
            raise self.error(name, f'"{value}" is not a slug (lower-case letters, digits and hyphens)')
        return value

    def choice(self, name: str, choices: Iterable[str], *, default: str = "") -> str:
        allowed = list(choices)
        value = self.text(name)
        if not value and name not in self.required:
            return default
        if value not in allowed:
            raise self.error(name, unknown("value", value, allowed))
        return value

    def date(self, name: str) -> datetime.date | None:
        value = self._value(name)
        if value is None:
            return None
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value.strip())
            except ValueError:
                raise self.error(name, f'"{value}" is not a date (write YYYY-MM-DD)') from None
        if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
            raise self.error(name, f"expected a date (YYYY-MM-DD), not {describe(value)}")
        return value

    def required_date(self, name: str) -> datetime.date:
        value = self.date(name)
        if value is None:  # for a field that is not required: it is absent
            raise self.error(name, "required field is missing")
        return value

    def integer(self, name: str, *, minimum: int = 0) -> int | None:
        value = self._value(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(name, f"expected a whole number, not {describe(value)}")
        if value < minimum:
            raise self.error(name, f"must be at least {minimum}, not {value}")
        return value

    def boolean(self, name: str, *, default: bool | None = None) -> bool | None:
        value = self._value(name)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.error(name, f"expected true or false, not {describe(value)}")
        return value

    def items(self, name: str) -> list[object]:
        value = self._value(name)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(name, f"expected a list, not {describe(value)}")
        return value

    def text_list(self, name: str) -> list[str]:
        values = self.items(name)
        for value in values:
            if not isinstance(value, str) or not value.strip():
                raise self.error(name, f"expected a list of texts, but one item is {describe(value)}")
        return [str(value).strip() for value in values]

    def date_order(self, start: datetime.date | None, end: datetime.date | None, *, end_field: str) -> None:
        if start is not None and end is not None and end <= start:
            raise self.error(end_field, f"{end.isoformat()} is not after the start ({start.isoformat()})")


def section_records(file: str, document: LinedMapping, section: str) -> list[tuple[Place, object]]:
    """The records of one section of a file, each with its place."""
    line = document.value_lines.get(section)
    return [
        (
            Place(file, record_label(section, index, raw, RECORD_KEYS[section]), getattr(raw, "line", line)),
            raw,
        )
        for index, raw in enumerate(document.get(section) or [])
    ]


def check_unique(fields: Fields, name: str, value: str, seen: dict[str, Place], what: str) -> None:
    """Refuse a natural key that an earlier record (maybe in another file) already uses."""
    if value in seen:
        earlier = seen[value]
        raise fields.error(
            name, f'{what} "{value}" is also used by {earlier.record} ({earlier.file}:{earlier.line})'
        )
    seen[value] = fields.place
