"""The committed .mo catalogues must match the .po sources, and Dutch must be complete."""

from __future__ import annotations

import gettext
from pathlib import Path

import polib
import pytest

import naober

LOCALE = Path(naober.__file__).parent / "locale"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_compiled_catalogue_matches_source(language: str) -> None:
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    with (LOCALE / language / "LC_MESSAGES" / "django.mo").open("rb") as handle:
        mo = gettext.GNUTranslations(handle)
    for entry in po.translated_entries():
        if entry.msgid_plural:
            assert mo.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgstr_plural[0], entry.msgid
        else:
            assert mo.gettext(entry.msgid) == entry.msgstr, f"{entry.msgid!r}: run `make messages`"


def test_every_dutch_message_is_translated() -> None:
    po = polib.pofile(str(LOCALE / "nl" / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in po.untranslated_entries() + po.fuzzy_entries()]
    assert missing == []
