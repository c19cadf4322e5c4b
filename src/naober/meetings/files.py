"""What an uploaded file really is, judged by its content; and the text inside it, for search.

Only a short list of types is accepted (PDF, DOCX, ODT, XLSX, PNG, JPEG, GIF, WebP). The name's extension must
agree with the content, so a disguised file (an executable named .pdf, a spreadsheet named .docx) is refused.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
PNG = "image/png"
JPEG = "image/jpeg"
GIF = "image/gif"
WEBP = "image/webp"

EXTENSIONS = {
    PDF: ("pdf",),
    DOCX: ("docx",),
    XLSX: ("xlsx",),
    ODT: ("odt",),
    PNG: ("png",),
    JPEG: ("jpg", "jpeg"),
    GIF: ("gif",),
    WEBP: ("webp",),
}
ALLOWED_EXTENSIONS = sorted({extension for extensions in EXTENSIONS.values() for extension in extensions})


@dataclass(frozen=True)
class Sniffed:
    mime_type: str
    extension: str


def _zip_type(content: bytes) -> str | None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        names = set(archive.namelist())
        if "mimetype" in names and archive.read("mimetype").strip() == ODT.encode():
            return ODT
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return None
    if "[Content_Types].xml" in names:
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
    return None


def sniff(content: bytes) -> str | None:
    """The MIME type of `content` by its signature, or None for anything not on the list."""
    if content.startswith(b"%PDF-"):
        return PDF
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if content.startswith(b"\xff\xd8\xff"):
        return JPEG
    if content[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return WEBP
    if content.startswith(b"PK\x03\x04"):
        return _zip_type(content)
    return None


def check_upload(*, filename: str, content: bytes, max_bytes: int) -> Sniffed:
    """Refuse empty, too large, unknown, disguised or corrupt files with a message that says why."""
    if not content:
        raise ValidationError(_("The file is empty."))
    if len(content) > max_bytes:
        raise ValidationError(
            _("The file is %(size)s; at most %(max)s is allowed.")
            % {"size": filesizeformat(len(content)), "max": filesizeformat(max_bytes)}
        )
    mime_type = sniff(content)
    if mime_type is None:
        raise ValidationError(
            _("This kind of file is not accepted. Allowed: %(types)s.")
            % {"types": ", ".join(ALLOWED_EXTENSIONS)}
        )
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in EXTENSIONS[mime_type]:
        raise ValidationError(
            _(
                "The file name ends in .%(extension)s but the content is a %(kind)s file; "
                "rename it or upload the right file."
            )
            % {"extension": extension or "?", "kind": EXTENSIONS[mime_type][0].upper()}
        )
    if mime_type == PDF:
        _check_pdf(content)
    return Sniffed(mime_type=mime_type, extension=EXTENSIONS[mime_type][0])


def _check_pdf(content: bytes) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            raise ValidationError(_("The PDF is protected with a password; upload an unprotected copy."))
        if len(reader.pages) == 0:
            raise ValidationError(_("The PDF has no pages."))
    except ValidationError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as error:
        raise ValidationError(_("The PDF is damaged and cannot be read.")) from error


def extract_text(*, content: bytes, mime_type: str) -> str:
    """Plain text of a document for search; images and unreadable parts give no text."""
    if mime_type == PDF:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(content), strict=False)
        return "\n".join((page.extract_text() or "") for page in reader.pages).strip()
    if mime_type == DOCX:
        import docx

        document = docx.Document(io.BytesIO(content))
        parts = [paragraph.text for paragraph in document.paragraphs]
        for table in document.tables:
            parts.extend(cell.text for row in table.rows for cell in row.cells)
        return "\n".join(part for part in parts if part).strip()
    if mime_type == XLSX:
        import openpyxl

        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        cells = [
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        ]
        return "\n".join(cells).strip()
    if mime_type == ODT:
        archive = zipfile.ZipFile(io.BytesIO(content))
        root = ElementTree.fromstring(archive.read("content.xml"))  # noqa: S314 - from an archive we just opened, no entities resolved
        text_ns = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
        paragraphs = [
            "".join(node.itertext()) for node in root.iter() if node.tag in (f"{text_ns}p", f"{text_ns}h")
        ]
        return "\n".join(paragraph for paragraph in paragraphs if paragraph).strip()
    return ""
