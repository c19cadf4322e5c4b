"""Optimistic concurrency for agendas: two secretaries never silently overwrite each other.

Every write to a meeting or its agenda names the meeting version the editor saw. If someone else changed the
meeting since, the write is refused with a `ConcurrencyConflict` that lists the other person's changes, so the
second editor can look and make their change again. Each accepted write leaves a `MeetingChange`, which also
feeds the update e-mail after convening.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils.translation import gettext as _

from naober.core.services import Actor, user_or_none
from naober.meetings.models import Meeting, MeetingChange, MeetingStatus


class ConcurrencyConflict(ValidationError):
    def __init__(self, *, meeting: Meeting, changes: list[MeetingChange]) -> None:
        super().__init__(
            _(
                "Someone else changed this meeting while you were editing it. Review their change and make "
                "yours again."
            ),
            code="conflict",
        )
        self.meeting = meeting
        self.changes = changes


def meeting_claim_version(*, meeting: Meeting, expected_version: int | None, by: Actor, summary: str) -> None:
    """Raise the meeting's version and log `summary`, or refuse if it is no longer `expected_version`.

    `expected_version=None` means the caller takes no part in optimistic locking (imports, commands).
    Call inside the write's transaction.
    """
    rows = Meeting.objects.filter(pk=meeting.pk)
    if expected_version is not None:
        rows = rows.filter(version=expected_version)
    if rows.update(version=F("version") + 1, sequence=F("sequence") + 1) == 0:
        current = Meeting.objects.get(pk=meeting.pk)
        changes = list(
            MeetingChange.objects.filter(meeting=current, version__gt=expected_version or 0)
            .select_related("by")
            .order_by("version")
        )
        raise ConcurrencyConflict(meeting=current, changes=changes)
    meeting.version, meeting.sequence, status = Meeting.objects.values_list(
        "version", "sequence", "status"
    ).get(pk=meeting.pk)
    change = MeetingChange.objects.create(
        meeting=meeting,
        version=meeting.version,
        by=user_or_none(by),
        summary=summary[:500],
        after_convening=status == MeetingStatus.CONVENED,
    )
    if change.after_convening:
        # Participants hear of it after commit; imported here because convene builds on this module.
        from naober.meetings.services.convene import meeting_notify_changes

        meeting_notify_changes(meeting=meeting)
