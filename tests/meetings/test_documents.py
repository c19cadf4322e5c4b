from __future__ import annotations

import datetime
import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from naober.meetings.models import Document, DocumentVersion
from naober.meetings.services.agenda import agenda_item_add
from naober.meetings.services.documents import document_add, document_add_version
from tests.meetings.conftest import Chain, plan
from tests.samples import PNG_BYTES, docx_bytes, odt_bytes, pdf_bytes, xlsx_bytes

DAY = timezone.localdate() + datetime.timedelta(days=20)


@pytest.mark.parametrize(
    ("filename", "make", "mime", "text"),
    [
        (
            "voorstel.pdf",
            lambda: pdf_bytes("Regionale woondeal Eemland"),
            "application/pdf",
            "woondeal Eemland",
        ),
        (
            "voorstel.docx",
            lambda: docx_bytes("Huisvesting arbeidsmigranten"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "arbeidsmigranten",
        ),
        (
            "begroting.xlsx",
            lambda: xlsx_bytes("Bijdrage Soest"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Bijdrage Soest",
        ),
        (
            "notitie.odt",
            lambda: odt_bytes("Mobiliteitsvisie"),
            "application/vnd.oasis.opendocument.text",
            "Mobiliteitsvisie",
        ),
        ("kaart.png", lambda: PNG_BYTES, "image/png", ""),
    ],
)
def test_upload_sniffs_type_hashes_and_extracts_text(
    chain: Chain, django_capture_on_commit_callbacks, filename, make, mime, text
) -> None:
    meeting = plan(chain.bo, DAY)
    content = make()
    with django_capture_on_commit_callbacks(execute=True):
        document = document_add(title="Voorstel", filename=filename, content=content, meeting=meeting)
    version = DocumentVersion.objects.get(document=document)
    assert version.mime_type == mime
    assert version.size == len(content)
    assert version.sha256 == hashlib.sha256(content).hexdigest()
    assert version.sha512 == hashlib.sha512(content).hexdigest()
    with version.file.open("rb") as handle:
        assert handle.read() == content
    assert text in version.text  # extracted by the (immediate) background task after commit
    assert version.text_extracted_at is not None


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("leeg.pdf", b"", "leeg"),
        ("programma.pdf", b"MZ\x90\x00 executable", "niet geaccepteerd"),
        ("voorstel.pdf", docx_bytes(), "eindigt op .pdf"),
        ("kapot.pdf", b"%PDF-1.4\n garbage without structure", "beschadigd"),
        ("tekst.txt", b"platte tekst", "niet geaccepteerd"),
    ],
)
def test_bad_uploads_are_refused_and_nothing_is_stored(
    chain: Chain, filename: str, content: bytes, message: str
) -> None:
    meeting = plan(chain.bo, DAY)
    with pytest.raises(ValidationError, match=message):
        document_add(title="X", filename=filename, content=content, meeting=meeting)
    assert not Document.objects.exists()
    assert not DocumentVersion.objects.exists()


def test_too_large_upload_is_refused(chain: Chain, settings) -> None:
    settings.NAOBER_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(ValidationError, match="hoogstens"):
        document_add(
            title="X", filename="groot.pdf", content=pdf_bytes("x" * 2000), meeting=plan(chain.bo, DAY)
        )


def test_versions_are_kept(chain: Chain, django_capture_on_commit_callbacks) -> None:
    meeting = plan(chain.bo, DAY)
    item = agenda_item_add(meeting=meeting, title="Woondeal", expected_version=None)
    with django_capture_on_commit_callbacks(execute=True):
        document = document_add(
            title="Voorstel", filename="v1.pdf", content=pdf_bytes("eerste"), agenda_item=item
        )
        document_add_version(document=document, filename="v2.pdf", content=pdf_bytes("tweede"))
    assert document.meeting == meeting
    versions = list(document.versions.order_by("number"))
    assert [(version.number, version.text) for version in versions] == [(1, "eerste"), (2, "tweede")]
