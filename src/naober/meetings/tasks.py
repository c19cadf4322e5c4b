"""Background work of the meeting cycle, run by `naober db_worker` (or immediately in tests)."""

from __future__ import annotations

from django_tasks import task

from naober.meetings.models import DocumentVersion


@task()
def document_extract_text(*, version_id: int) -> None:
    version = DocumentVersion.objects.filter(pk=version_id).first()
    if version is None:
        return
    from naober.meetings.services.documents import document_version_extract_text

    document_version_extract_text(version=version)


@task()
def meeting_send_invitations(*, meeting_id: int) -> None:
    from naober.meetings.services.convene import invitations_send

    invitations_send(meeting_id=meeting_id)


@task()
def meeting_send_updates(*, meeting_id: int) -> None:
    from naober.meetings.services.convene import updates_send

    updates_send(meeting_id=meeting_id)
