"""The query parameters of OParl external lists: the four date filters, `limit`, `omit_internal` and the
keyset cursor. Anything malformed is a 400 with the error object, never a silently ignored filter."""

from __future__ import annotations

import base64
import binascii
import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.translation import gettext as _

from naober.oparl.errors import OparlError

DEFAULT_LIMIT = 100
MAX_LIMIT = 500
# Lists whose objects embed much (a meeting its agenda items and files, a paper its consultations and
# files) have smaller pages: 100 meetings of a national platform made a page of ~3 MB and over a second.
LIST_LIMITS = {"meeting": (20, 100), "paper": (50, 250)}
DATE_FILTERS = ("created_since", "created_until", "modified_since", "modified_until")
# Full date-time with an offset (RFC 3339), as the spec asks; fractions of a second are allowed.
DATE_TIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?([Zz]|[+-]\d{2}:\d{2})$"
)


@dataclass(frozen=True)
class Cursor:
    """Where the previous page ended: the kind of row (lists may chain several tables) and its primary key."""

    kind: str
    pk: int

    def encode(self) -> str:
        return base64.urlsafe_b64encode(f"{self.kind}:{self.pk}".encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str, kinds: tuple[str, ...]) -> Cursor:
        invalid = OparlError(400, _("The cursor is not valid; follow the next link of the previous page."))
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        except (binascii.Error, UnicodeDecodeError, ValueError) as error:
            raise invalid from error
        kind, _sep, number = raw.partition(":")
        if kind not in kinds or not number.isdigit() or len(number) > 18:
            raise invalid
        return cls(kind, int(number))


def parse_date_time(name: str, raw: str) -> datetime.datetime:
    # An unencoded "+01:00" in a query string arrives as " 01:00".
    value = raw.strip().replace(" ", "+")
    match = DATE_TIME.match(value)
    error = OparlError(
        400,
        _("%(name)s must be a date and time with offset, e.g. 2026-01-31T12:00:00+01:00.") % {"name": name},
    )
    if match is None:
        raise error
    try:
        return datetime.datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError as failure:
        raise error from failure


@dataclass(frozen=True)
class ListParams:
    created_since: datetime.datetime | None = None
    created_until: datetime.datetime | None = None
    modified_since: datetime.datetime | None = None
    modified_until: datetime.datetime | None = None
    limit: int = DEFAULT_LIMIT
    default_limit: int = DEFAULT_LIMIT
    omit_internal: bool = False
    cursor: str = ""
    raw_filters: dict[str, str] = field(default_factory=dict)

    @property
    def include_deleted(self) -> bool:
        """Soft-deleted objects appear in lists only when the client asks what changed since a moment."""
        return self.modified_since is not None

    def query(self, *, cursor: str = "") -> str:
        """The query string of a link: the filters as given, `limit`, `omit_internal` and a cursor."""
        values = dict(self.raw_filters)
        if self.limit != self.default_limit:
            values["limit"] = str(self.limit)
        if self.omit_internal:
            values["omit_internal"] = "true"
        if cursor:
            values["cursor"] = cursor
        return f"?{urlencode(values)}" if values else ""


def list_params(query: QueryDict, *, kind: str = "") -> ListParams:
    """The parameters of a list request; `kind` (meeting, paper, …) picks the default and largest page."""
    default_limit, max_limit = LIST_LIMITS.get(kind, (DEFAULT_LIMIT, MAX_LIMIT))
    dates: dict[str, datetime.datetime | None] = {}
    raw: dict[str, str] = {}
    for name in DATE_FILTERS:
        value = query.get(name)
        if value is None:
            dates[name] = None
            continue
        parsed = parse_date_time(name, value)
        dates[name] = parsed
        raw[name] = parsed.isoformat()
    for low, high in (("created_since", "created_until"), ("modified_since", "modified_until")):
        start, end = dates[low], dates[high]
        if start is not None and end is not None and start > end:
            raise OparlError(400, _("%(low)s lies after %(high)s.") % {"low": low, "high": high})
    limit = default_limit
    if "limit" in query:
        text = query.get("limit", "")
        if not text.isdigit() or int(text) < 1:
            raise OparlError(400, _("limit must be a positive whole number."))
        limit = min(int(text), max_limit)
    omit = query.get("omit_internal")
    if omit is not None and omit.lower() not in ("true", "false", "1", "0"):
        raise OparlError(400, _("omit_internal must be true or false."))
    return ListParams(
        created_since=dates["created_since"],
        created_until=dates["created_until"],
        modified_since=dates["modified_since"],
        modified_until=dates["modified_until"],
        limit=limit,
        default_limit=default_limit,
        omit_internal=omit is not None and omit.lower() in ("true", "1"),
        cursor=query.get("cursor", ""),
        raw_filters=raw,
    )
