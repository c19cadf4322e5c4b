"""Documents: upload a file as a new document or a new version; text extraction runs after commit."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.core.models import Channel, Confidentiality
from naober.core.services import Actor, object_save, user_or_none
from naober.meetings.files import check_upload
from naober.meetings.models import AgendaItem, Document, DocumentKind, DocumentVersion, Dossier, Meeting


def document_add(
    *,
    title: str,
    filename: str,
    content: bytes,
    meeting: Meeting | None = None,
    agenda_item: AgendaItem | None = None,
    dossier: Dossier | None = None,
    kind: str = DocumentKind.ANNEX,
    confidentiality: str = Confidentiality.PUBLIC,
    by: Actor = None,
    channel: str = Channel.SECRETARIAT,
    extract_now: bool = False,
) -> Document:
    """A new document with its first version, attached to a meeting, an agenda item and/or a dossier.

    Its text is extracted after commit by the background worker, or at once with `extract_now` (imports).
    """
    if agenda_item is not None:
        meeting = meeting or agenda_item.meeting
        dossier = dossier or agenda_item.dossier
    owner = meeting or dossier
    if owner is None:
        raise ValidationError(_("A document belongs to a meeting, an agenda item or a dossier."))
    sniffed = check_upload(filename=filename, content=content, max_bytes=settings.NAOBER_MAX_UPLOAD_BYTES)
    with transaction.atomic():
        document = Document(
            cooperation_id=owner.cooperation_id,
            title=title.strip() or filename,
            kind=kind,
            confidentiality=confidentiality,
            meeting=meeting,
            agenda_item=agenda_item,
            dossier=dossier,
        )
        object_save(instance=document, by=by, channel=channel)
        _store_version(
            document=document,
            filename=filename,
            content=content,
            mime_type=sniffed.mime_type,
            by=by,
            channel=channel,
            extract_now=extract_now,
        )
    return document


def document_add_version(
    *, document: Document, filename: str, content: bytes, by: Actor = None, channel: str = Channel.SECRETARIAT
) -> DocumentVersion:
    if document.deleted_at is not None:
        raise ValidationError(_("This document has been deleted."))
    sniffed = check_upload(filename=filename, content=content, max_bytes=settings.NAOBER_MAX_UPLOAD_BYTES)
    with transaction.atomic():
        version = _store_version(
            document=document,
            filename=filename,
            content=content,
            mime_type=sniffed.mime_type,
            by=by,
            channel=channel,
        )
        object_save(instance=document, by=by, channel=channel)  # touches `modified` for feeds and crawlers
    return version


def _store_version(
    *,
    document: Document,
    filename: str,
    content: bytes,
    mime_type: str,
    by: Actor,
    channel: str,
    extract_now: bool = False,
) -> DocumentVersion:
    number = (
        DocumentVersion.objects.filter(document=document).aggregate(last=Max("number"))["last"] or 0
    ) + 1
    sha256 = hashlib.sha256(content).hexdigest()
    version = DocumentVersion(
        document=document,
        number=number,
        filename=filename[-200:],
        size=len(content),
        mime_type=mime_type,
        sha256=sha256,
        sha512=hashlib.sha512(content).hexdigest(),
        uploaded_by=user_or_none(by),
    )
    version.file.save(sha256, ContentFile(content), save=False)
    object_save(instance=version, by=by, channel=channel)
    if extract_now:
        _fill_text(version, content)
    else:
        transaction.on_commit(lambda: _enqueue_extraction(version.pk))
    return version


def _enqueue_extraction(version_id: int) -> None:
    from naober.meetings.tasks import document_extract_text

    document_extract_text.enqueue(version_id=version_id)


def document_version_extract_text(*, version: DocumentVersion) -> DocumentVersion:
    """Fill the version's text from its file (idempotent; run by the background worker)."""
    with version.file.open("rb") as handle:
        content = handle.read()
    return _fill_text(version, content)


def _fill_text(version: DocumentVersion, content: bytes) -> DocumentVersion:
    from naober.meetings.files import extract_text

    try:
        text = extract_text(content=content, mime_type=version.mime_type)
    except Exception:  # noqa: BLE001 - a file we cannot read yields no text, never a failed queue
        text = ""
    DocumentVersion.objects.filter(pk=version.pk).update(text=text, text_extracted_at=timezone.now())
    version.text = text
    return version


def document_delete(*, document: Document, by: Actor = None, channel: str = Channel.SECRETARIAT) -> Document:
    """Soft delete: the document disappears everywhere, but open-data clients learn it is gone (410)."""
    document.deleted_at = timezone.now()
    return object_save(instance=document, by=by, channel=channel)


def document_download_record(
    *, document: Document, version: DocumentVersion, by: Actor, channel: str = Channel.WEB
) -> None:
    """Leave a trace of who downloaded a non-public document, and when; never its title (it may be closed)."""
    from naober.core.models import AuditEntry
    from naober.core.services import audit_record

    audit_record(
        instance=document,
        action=AuditEntry.Action.DOWNLOAD,
        by=by,
        channel=channel,
        changes={"version": version.number},
        object_repr=f"document {document.pk} v{version.number}",
    )
