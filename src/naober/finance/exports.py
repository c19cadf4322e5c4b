"""The statement as CSV and XLSX: the same rows as the page's table, amounts as numbers."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.utils.translation import gettext as _

from naober.finance.selectors import Statement


def statement_rows(statement: Statement) -> list[list[str | Decimal | int | None]]:
    header: list[str | Decimal | int | None] = [
        _("Cooperation"),
        _("Line"),
        _("Kind"),
        _("Cost key"),
        _("Paid to"),
        _("Amount %(year)s") % {"year": statement.year},
        _("Amount %(year)s") % {"year": statement.year - 1},
        _("Difference"),
        _("Budget %(year)s") % {"year": statement.year},
        _("Population"),
        _("Population on"),
        _("Source"),
    ]
    rows = [header]
    for part in statement.parts:
        status = ""
        if part.budget_now is not None:
            status = f"{part.budget_now.display_title} ({part.budget_now.get_status_display()})"
        rows.extend(
            [
                part.cooperation.name,
                line.name,
                line.kind,
                line.key,
                line.host or part.cooperation.name,
                line.now,
                line.before,
                line.difference,
                status,
                part.population,
                part.figure_date.isoformat() if part.figure_date else "",
                part.source,
            ]
            for line in part.lines
        )
    rows.append(
        [
            _("Total"),
            "",
            "",
            "",
            "",
            statement.total_now,
            statement.total_before,
            statement.total_now - statement.total_before,
            "",
            None,
            "",
            "",
        ]
    )
    return rows


def statement_csv(statement: Statement) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for row in statement_rows(statement):
        writer.writerow(["" if value is None else str(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # the BOM makes spreadsheet programs read UTF-8


def statement_xlsx(statement: Statement) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(statement.year)
    for index, row in enumerate(statement_rows(statement)):
        sheet.append([float(value) if isinstance(value, Decimal) else value for value in row])
        if index == 0:
            for cell in sheet[1]:
                cell.font = Font(bold=True)
    for column in ("F", "G", "H"):
        for cell in sheet[column][1:]:
            cell.number_format = "#,##0.00"
    for column, width in zip("ABCDEFGHIJKL", (28, 36, 12, 30, 20, 16, 16, 14, 40, 12, 14, 12), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
