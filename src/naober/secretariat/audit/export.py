"""The filtered audit trail as CSV (streamed) and XLSX (written to a temporary file, then streamed).

Both read the entries in batches, so a long trail never sits in memory at once, and both pass through the same
secrecy check as the pages. Cells that a spreadsheet would read as a formula are defused.
"""

from __future__ import annotations

import csv
import json
import tempfile
import zoneinfo
from collections.abc import Iterator
from typing import IO, Any

from django.db.models import QuerySet
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from naober.access.viewer import Viewer
from naober.core.models import AuditEntry
from naober.secretariat.audit.rows import EntryRow, entry_rows

BATCH = 500
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _header() -> list[str]:
    return [
        _("Time"),
        _("User"),
        _("Channel"),
        _("Action"),
        _("Kind of object"),
        _("Object id"),
        _("Object"),
        _("Changes"),
    ]


def _cell(value: str) -> str:
    """Text as text: a cell starting like a formula gets a leading apostrophe (CSV/formula injection)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _values(row: EntryRow, zone: zoneinfo.ZoneInfo) -> list[str]:
    entry = row.entry
    changes = str(row.object_text) if row.hidden else json.dumps(entry.changes, ensure_ascii=False)
    return [
        entry.at.astimezone(zone).isoformat(timespec="seconds"),
        _cell(entry.actor_name or "—"),
        capfirst(str(entry.get_channel_display())),
        capfirst(str(entry.get_action_display())),
        capfirst(row.type_label),
        _cell(entry.object_id),
        _cell(row.object_text),
        _cell(changes),
    ]


def _batches(entries: QuerySet[AuditEntry]) -> Iterator[list[AuditEntry]]:
    batch: list[AuditEntry] = []
    for entry in entries.order_by("-at", "-id").iterator(chunk_size=BATCH):
        batch.append(entry)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def export_rows(
    *, viewer: Viewer, entries: QuerySet[AuditEntry], time_zone: str, drop_hidden: bool = False
) -> Iterator[list[str]]:
    """The header, then one row per entry, newest first; `drop_hidden` leaves out the secret ones (after a
    search on object names, where their presence alone would tell that a secret name matched)."""
    zone = zoneinfo.ZoneInfo(time_zone)
    yield _header()
    for batch in _batches(entries):
        for row in entry_rows(viewer=viewer, entries=batch, time_zone=time_zone):
            if not (drop_hidden and row.hidden):
                yield _values(row, zone)


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterator[list[str]]) -> Iterator[str]:
    """CSV text line by line (UTF-8 with a byte order mark, so spreadsheets read the accents right)."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    for row in rows:
        yield writer.writerow(row)


def xlsx_file(rows: Iterator[list[str]], *, title: str) -> IO[bytes]:
    """An XLSX workbook in a temporary file, positioned at its start; the file is gone once closed."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet: Any = workbook.create_sheet(title=title[:31])
    for row in rows:
        sheet.append(row)
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - FileResponse closes it
    workbook.save(handle)
    handle.seek(0)
    return handle
