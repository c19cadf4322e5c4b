"""A readable difference between the regional text of an identical decision and a member's own text."""

from __future__ import annotations

import difflib
from typing import Any


def text_diff(member: Any) -> list[tuple[str, str]]:
    """Lines as (kind, text): kind is "same", "removed" (regional only) or "added" (member only); empty
    when the texts are identical or the round asks for no identical decision."""
    if member.identical_text is not False:
        return []
    regional = member.round.regional_text.splitlines()
    own = (member.opinion_text or "").splitlines()
    rows: list[tuple[str, str]] = []
    for line in difflib.ndiff(regional, own):
        code, text = line[:2], line[2:]
        if code == "  ":
            rows.append(("same", text))
        elif code == "- ":
            rows.append(("removed", text))
        elif code == "+ ":
            rows.append(("added", text))
    return rows
