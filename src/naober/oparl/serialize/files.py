"""File: a document's current version, with where to read it (inline) and download it (attachment)."""

from __future__ import annotations

from django.utils import timezone

from naober.meetings.models import Document, DocumentVersion
from naober.oparl import ids
from naober.oparl.serialize.base import Json, deleted, latest, obj, vendor
from naober.portal.links import dossier_path, meeting_path


def current_version(document: Document) -> DocumentVersion | None:
    """Loaded with `selectors.current_versions()`."""
    versions: list[DocumentVersion] = getattr(document, "oparl_versions", [])
    return versions[0] if versions else None


def _web(document: Document) -> str:
    if document.agenda_item_id is not None and document.agenda_item is not None:
        return meeting_path(document.agenda_item.meeting) + f"#punt-{document.agenda_item_id}"
    if document.meeting is not None:
        return meeting_path(document.meeting)
    if document.dossier is not None:
        return dossier_path(document.dossier)
    return ""


def file_json(document: Document, *, visible_dossiers: set[int], embedded: bool = False) -> Json:
    """`visible_dossiers`: the dossiers the public may see (only those are linked as Paper)."""
    version = current_version(document)
    created = getattr(document, "oparl_created", document.created)
    modified = getattr(document, "oparl_modified", None) or latest(
        document.modified, version.modified if version else None
    )
    if document.deleted_at is not None:
        data = deleted(
            "File", ids.file(document.pk), created=created, modified=latest(modified, document.deleted_at)
        )
        data["accessUrl"] = ids.file_access(document.pk)  # answers 410 Gone
        return data
    meeting_id = document.agenda_item.meeting_id if document.agenda_item is not None else document.meeting_id
    data = obj(
        "File",
        ids.file(document.pk),
        created=created,
        modified=modified,
        web=_web(document),
        name=document.title,
        fileName=version.filename if version else None,
        mimeType=version.mime_type if version else None,
        date=timezone.localtime(version.created).date().isoformat() if version else None,
        size=version.size if version else None,
        sha512Checksum=version.sha512 if version else None,
        text=version.text if version else None,
        accessUrl=ids.file_access(document.pk),
        downloadUrl=ids.file_download(document.pk),
        meeting=None if embedded or meeting_id is None else [ids.meeting(meeting_id)],
        agendaItem=None
        if embedded or document.agenda_item_id is None
        else [ids.agenda_item(document.agenda_item_id)],
        paper=None
        if embedded or document.dossier_id not in visible_dossiers or document.dossier_id is None
        else [ids.paper(document.dossier_id)],
    )
    return vendor(
        data,
        kind=document.kind,
        version=version.number if version else None,
        sha256Checksum=version.sha256 if version else None,
    )
