"""A small PDF writer for the demo documents: A4 pages of wrapped text in Helvetica with WinAnsiEncoding.

Enough for Dutch text (ë, é, ï, €, ‘quotes’ and the en dash are in WinAnsi), several pages, a bold font for
headings, document information and the language for screen readers. Text extraction (pypdf) reads it back.
No timestamps are written, so the same text always gives the same bytes.
"""

from __future__ import annotations

import functools
import io
import unicodedata
import zlib

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 64
# (font resource, size, leading, space after the paragraph)
STYLES = {
    "title": ("F2", 16.0, 21.0, 8.0),
    "heading": ("F2", 11.5, 15.0, 3.0),
    "text": ("F1", 10.0, 13.5, 6.0),
    "meta": ("F1", 9.0, 12.0, 1.0),
}
# Advance widths of Helvetica (Adobe AFM) for ASCII 32–126, in 1/1000 em; Helvetica-Bold is about 5% wider.
_WIDTHS = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 "
    "556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 "
    "722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 556 500 556 556 278 556 556 222 222 "
    "500 222 833 556 556 556 556 333 500 278 556 500 722 500 500 500 334 260 334 584"
)
WIDTHS = {chr(32 + index): int(width) for index, width in enumerate(_WIDTHS.split())}
EXTRA_WIDTHS = {"€": 556, "–": 556, "—": 1000, "‘": 222, "’": 222, "“": 333, "”": 333, "•": 350, "…": 1000}

Block = tuple[str, str]  # (style, text)


@functools.cache
def _char_width(char: str) -> int:
    """An accented letter is as wide as its base letter (é as e); other characters as a digit."""
    return WIDTHS.get(unicodedata.normalize("NFD", char)[0]) or EXTRA_WIDTHS.get(char, 556)


def text_width(text: str, font: str, size: float) -> float:
    units = sum(map(_char_width, text))
    return units * size / 1000 * (1.05 if font == "F2" else 1.0)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [""]


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _info_string(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _layout(blocks: list[Block]) -> list[list[tuple[str, float, float, str]]]:
    """Lines placed on pages: (font, size, baseline y, text)."""
    pages: list[list[tuple[str, float, float, str]]] = [[]]
    y: float = PAGE_HEIGHT - MARGIN
    for style, text in blocks:
        font, size, leading, after = STYLES[style]
        if style == "heading" and y < MARGIN + 3 * leading:  # keep a heading with its first lines
            pages.append([])
            y = PAGE_HEIGHT - MARGIN
        for line in wrap(text, font, size, PAGE_WIDTH - 2 * MARGIN):
            if y - leading < MARGIN:
                pages.append([])
                y = PAGE_HEIGHT - MARGIN
            y -= leading
            pages[-1].append((font, size, y, line))
        y -= after
    return pages


def pdf_document(*, title: str, blocks: list[Block], author: str = "", language: str = "nl-NL") -> bytes:
    pages = _layout(blocks)
    objects: list[bytes] = []  # object n is objects[n - 1]

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below, once the pages object exists
    pages_ref = add(b"")
    regular = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    resources = f"<< /Font << /F1 {regular} 0 R /F2 {bold} 0 R >> >>".encode()
    kids = []
    for number, lines in enumerate(pages, start=1):
        footer = ("F1", 8.0, MARGIN / 2, f"{title} — pagina {number} van {len(pages)}")
        operations = [
            b"BT /%s %.1f Tf 1 0 0 1 %d %.2f Tm " % (font.encode(), size, MARGIN, y)
            + _pdf_string(text)
            + b" Tj ET"
            for font, size, y, text in [*lines, footer]
        ]
        stream = zlib.compress(b"\n".join(operations))
        content = add(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"
        )
        kids.append(
            add(
                f"<< /Type /Page /Parent {pages_ref} 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
                f"/Resources {resources.decode()} /Contents {content} 0 R >>".encode()
            )
        )
    objects[pages_ref - 1] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{kid} 0 R' for kid in kids)}] /Count {len(kids)} >>".encode()
    )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_ref} 0 R /Lang ({language}) >>".encode()
    info = add(
        b"<< /Title "
        + _info_string(title)
        + b" /Author "
        + _info_string(author)
        + b" /Producer (naober demo) >>"
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, catalog, info, xref)
    )
    return out.getvalue()
