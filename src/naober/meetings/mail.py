"""The e-mails about a meeting: invitation, update and cancellation, each with its iCalendar attachment.

Every message is built for one recipient from what that person may see (`naober.meetings.selectors`, which
applies `naober.access.rules`): a guest's mail, its HTML alternative and its .ics never carry a confidential
title, and a secret item reaches only its named recipients. Mails are in the product's
language and show times in the cooperation's zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from email.mime.text import MIMEText
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from naober.access.viewer import Viewer
from naober.meetings.calendar import Method, meeting_ical, meeting_local_start, meeting_zone
from naober.meetings.models import AgendaItem, DeliveryKind, Meeting
from naober.meetings.selectors import MeetingDocument, Recipient, agenda_for, documents_for

TEMPLATES = {
    DeliveryKind.INVITATION: "meetings/email/invitation",
    DeliveryKind.UPDATE: "meetings/email/update",
    DeliveryKind.CANCELLATION: "meetings/email/cancellation",
}


@dataclass(frozen=True)
class DocumentLink:
    title: str
    filename: str
    url: str


@dataclass
class AgendaEntry:
    item: AgendaItem
    documents: list[DocumentLink] = field(default_factory=list)


@dataclass
class MeetingView:
    """What one recipient may see of a meeting, ready for the templates."""

    agenda: list[AgendaEntry]
    other_documents: list[DocumentLink]


def document_url(pk: int) -> str:
    try:
        return settings.NAOBER_SITE_URL + reverse("meetings:document-download", kwargs={"pk": pk})
    except NoReverseMatch:  # the download view is not wired in this installation: no link, still a mail
        return ""


def _link(entry: MeetingDocument) -> DocumentLink:
    return DocumentLink(
        title=entry.document.title, filename=entry.version.filename, url=document_url(entry.document.pk)
    )


def meeting_view(*, meeting: Meeting, viewer: Viewer) -> MeetingView:
    return meeting_view_of(
        items=agenda_for(meeting=meeting, viewer=viewer),
        documents=documents_for(meeting=meeting, viewer=viewer),
    )


def meeting_view_of(*, items: list[AgendaItem], documents: list[MeetingDocument]) -> MeetingView:
    """The view from what a viewer may see, as `agenda_for` and `documents_for` found it."""
    agenda = [AgendaEntry(item=item) for item in items]
    by_item = {entry.item.pk: entry for entry in agenda}
    other: list[DocumentLink] = []
    for document in documents:
        entry = by_item.get(document.agenda_item_id) if document.agenda_item_id is not None else None
        (entry.documents if entry is not None else other).append(_link(document))
    return MeetingView(agenda=agenda, other_documents=other)


def _subject(kind: str, meeting: Meeting) -> str:
    values = {
        "body": meeting.body.display_name,
        "date": date_format(meeting_local_start(meeting), "j F Y"),
    }
    if kind == DeliveryKind.CANCELLATION:
        return _("Cancelled: %(body)s %(date)s") % values
    if kind == DeliveryKind.UPDATE:
        return _("Change: %(body)s %(date)s") % values
    return _("Invitation: %(body)s %(date)s") % values


def _ics_part(ics: bytes, method: Method) -> MIMEText:
    part = MIMEText(ics.decode(), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename="vergadering.ics")
    return part


def meeting_message(
    *,
    kind: str,
    meeting: Meeting,
    recipient: Recipient,
    view: MeetingView | None = None,
    changes: list[str] | None = None,
) -> EmailMultiAlternatives:
    """One mail to one recipient. Pass `view` to reuse what was computed for a recipient who sees the same."""
    if view is None:
        view = meeting_view(meeting=meeting, viewer=recipient.viewer)
    zone = meeting_zone(meeting)
    method: Method = "CANCEL" if kind == DeliveryKind.CANCELLATION else "REQUEST"
    with translation.override(settings.LANGUAGE_CODE), timezone.override(zone):
        context: dict[str, Any] = {
            "meeting": meeting,
            "body_name": meeting.body.display_name,
            "cooperation": meeting.cooperation,
            "start": meeting.start.astimezone(zone),
            "end": meeting.end.astimezone(zone),
            "recipient": recipient,
            "agenda": view.agenda,
            "other_documents": view.other_documents,
            "changes": changes or [],
            "site_url": settings.NAOBER_SITE_URL,
        }
        template = TEMPLATES[DeliveryKind(kind)]
        subject = _subject(kind, meeting)
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[recipient.email]
    )
    message.attach_alternative(html, "text/html")
    ics = meeting_ical(meeting=meeting, method=method, attendee=(recipient.name, recipient.email))
    message.attach(_ics_part(ics, method))
    return message
