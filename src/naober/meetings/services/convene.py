"""Convening a meeting, and keeping its participants informed after that.

`meeting_convene` fixes the meeting and, after commit, has the invitations sent in the background. Every
later change (any write through `meeting_claim_version` on a convened meeting) queues `meeting_send_updates`,
which sends all not yet notified changes at once, so several quick edits make one mail; a cancellation sends a
cancellation instead. Each mail to each person leaves a `Delivery`, sent or failed.
"""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.core.models import Channel
from naober.core.services import Actor, object_save, user_or_none
from naober.meetings.models import (
    AgendaItem,
    Delivery,
    DeliveryKind,
    DeliveryStatus,
    Meeting,
    MeetingChange,
    MeetingStatus,
)
from naober.meetings.services.concurrency import meeting_claim_version

logger = logging.getLogger("naober.meetings.mail")
ERROR_LIMIT = 1000


def _check_can_convene(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("This meeting has been cancelled; it cannot be convened."))
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError(_("This meeting has already been held; it cannot be convened."))
    if meeting.status == MeetingStatus.CONVENED:
        raise ValidationError(_("This meeting has already been convened."))
    if meeting.start <= timezone.now():
        raise ValidationError(
            _("This meeting starts in the past; move it to a later time before convening it.")
        )
    if not AgendaItem.objects.filter(meeting=meeting).exists():
        raise ValidationError(_("This meeting has no agenda items; add them before convening it."))


def meeting_convene(
    *,
    meeting: Meeting,
    expected_version: int | None,
    by: Actor,
    channel: str = Channel.SECRETARIAT,
) -> Meeting:
    """Convene the meeting; the invitations go out after commit, one mail per participant."""
    with transaction.atomic():
        # Judge and write the stored meeting, not the caller's copy, which may miss someone else's change.
        current = Meeting.objects.select_for_update().get(pk=meeting.pk)
        _check_can_convene(current)
        meeting_claim_version(
            meeting=current, expected_version=expected_version, by=by, summary=_("Meeting convened")
        )
        current.status = MeetingStatus.CONVENED
        current.convened_at = timezone.now()
        current.convened_by = user_or_none(by)
        object_save(instance=current, by=by, channel=channel)
        meeting_id = current.pk
        transaction.on_commit(lambda: _enqueue("meeting_send_invitations", meeting_id))
    meeting.refresh_from_db()
    return meeting


def meeting_notify_changes(*, meeting: Meeting) -> None:
    """Have the participants told about the meeting's changes since the last mail, after commit."""
    meeting_id = meeting.pk
    transaction.on_commit(lambda: _enqueue("meeting_send_updates", meeting_id))


def _enqueue(task_name: str, meeting_id: int) -> None:
    from naober.meetings import tasks

    getattr(tasks, task_name).enqueue(meeting_id=meeting_id)


def _deliver(*, meeting: Meeting, kind: str, changes: list[str] | None = None) -> list[Delivery]:
    """Send one mail of `kind` to each participant; one failure is recorded and the others still go out."""
    from naober.access.rules import secrecy_snapshot
    from naober.meetings.mail import MeetingView, meeting_message, meeting_view_of
    from naober.meetings.selectors import (
        agenda_for,
        change_summaries_for,
        documents_for,
        hidden_titles,
        item_titles,
        meeting_recipients,
    )

    recipients = meeting_recipients(meeting=meeting)
    if kind == DeliveryKind.INVITATION:
        already = set(
            Delivery.objects.filter(
                meeting=meeting, kind=kind, status=DeliveryStatus.SENT, person__isnull=False
            ).values_list("person_id", flat=True)
        )
        recipients = [recipient for recipient in recipients if recipient.person.pk not in already]
    # Recipients who see the same items and documents share one rendered view (a few queries per kind of
    # reader, not per person).
    views: dict[tuple[object, ...], tuple[MeetingView, set[int]]] = {}
    snapshot = secrecy_snapshot()
    titles = item_titles(meeting=meeting) if changes else None
    deliveries: list[Delivery] = []
    for recipient in recipients:
        key = recipient.view_key
        if key not in views:
            items = agenda_for(meeting=meeting, viewer=recipient.viewer, snapshot=snapshot)
            documents = documents_for(
                meeting=meeting, viewer=recipient.viewer, items=items, snapshot=snapshot
            )
            views[key] = (meeting_view_of(items=items, documents=documents), {item.pk for item in items})
        view, visible_items = views[key]
        visible_changes: list[str] | None = None
        if changes and titles is not None:
            hidden = hidden_titles(
                titles, visible_item_ids=visible_items, may_see_confidential=recipient.may_see_confidential
            )
            visible_changes = change_summaries_for(summaries=changes, hidden=hidden)
            if not visible_changes:
                continue  # nothing this person may see changed
        status, error = DeliveryStatus.SENT, ""
        try:
            meeting_message(
                kind=kind,
                meeting=meeting,
                recipient=recipient,
                view=view,
                changes=visible_changes,
            ).send()
        except Exception as exc:  # one bad address or a hiccup of the mail server must not stop the rest
            status, error = DeliveryStatus.FAILED, f"{type(exc).__name__}: {exc}"[:ERROR_LIMIT]
            logger.warning(
                "%s mail for meeting %s to person %s failed: %s",
                kind,
                meeting.pk,
                recipient.person.pk,
                type(exc).__name__,
            )
        deliveries.append(
            Delivery.objects.create(
                meeting=meeting,
                person=recipient.person,
                email=recipient.email,
                kind=kind,
                status=status,
                sent_at=timezone.now(),
                error=error,
                meeting_version=meeting.version,
            )
        )
    logger.info(
        "%s mails for meeting %s: %s sent, %s failed",
        kind,
        meeting.pk,
        sum(1 for delivery in deliveries if delivery.status == DeliveryStatus.SENT),
        sum(1 for delivery in deliveries if delivery.status == DeliveryStatus.FAILED),
    )
    return deliveries


def _meeting_for_mail(meeting_id: int) -> Meeting | None:
    return Meeting.objects.select_related("cooperation", "body", "body__topic").filter(pk=meeting_id).first()


def invitations_send(*, meeting_id: int) -> list[Delivery]:
    """Send the invitation to every participant who has not had it yet (run by the background worker)."""
    meeting = _meeting_for_mail(meeting_id)
    if meeting is None or meeting.status != MeetingStatus.CONVENED or meeting.start <= timezone.now():
        return []
    return _deliver(meeting=meeting, kind=DeliveryKind.INVITATION)


def _claim_pending_changes(meeting: Meeting) -> list[MeetingChange]:
    """Take the changes not yet notified, marking them, so a second worker cannot send them again."""
    with transaction.atomic():
        Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
        pending = list(
            MeetingChange.objects.filter(
                meeting=meeting, after_convening=True, notified_at__isnull=True
            ).order_by("version")
        )
        MeetingChange.objects.filter(pk__in=[change.pk for change in pending]).update(
            notified_at=timezone.now()
        )
    return pending


def updates_send(*, meeting_id: int) -> list[Delivery]:
    """Send the changes since the last mail, or a cancellation (run by the background worker).

    Nothing is sent once the meeting is over, nor updates once it has started (a change recorded during or
    after the meeting is no news to its participants); such changes stay marked as not notified.
    """
    meeting = _meeting_for_mail(meeting_id)
    if meeting is None or meeting.convened_at is None or meeting.end <= timezone.now():
        return []
    cancelled = meeting.status == MeetingStatus.CANCELLED
    if not cancelled and (meeting.status != MeetingStatus.CONVENED or meeting.start <= timezone.now()):
        return []
    pending = _claim_pending_changes(meeting)
    if not pending:
        return []
    if cancelled:
        return _deliver(meeting=meeting, kind=DeliveryKind.CANCELLATION)
    return _deliver(meeting=meeting, kind=DeliveryKind.UPDATE, changes=[change.summary for change in pending])
