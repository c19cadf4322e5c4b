"""The decision list (besluitenlijst) and the action list of a meeting: publishing, HTML and PDF.

What a reader sees is decided by `naober.access.rules` for the `Viewer` passed in: the public version is the
one for `ANONYMOUS`; editors who are no recipient of a secret item see it as a numbered placeholder.

The same templates serve the page (`meetings/partials/decision_list_body.html` inside a site page), the
standalone print document (`meetings/decision_list.html`, its stylesheet a static file so the page keeps to
the CSP) and the PDF, which WeasyPrint renders with that stylesheet passed in and every outside fetch refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.access.rules import agenda_items_visible_q, agenda_rows
from naober.access.viewer import Viewer
from naober.core.models import Channel
from naober.core.services import Actor, object_save
from naober.governance.models import Body
from naober.meetings.calendar import meeting_zone
from naober.meetings.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingStatus,
)
from naober.meetings.services.agenda import agenda_items_in_order

PRINT_CSS = Path(__file__).resolve().parent.parent / "static" / "meetings" / "print.css"


@dataclass(frozen=True)
class AttendanceSummary:
    present: list[str]
    excused: list[str]
    absent: list[str]


def decision_list_publish(*, meeting: Meeting, by: Actor, channel: str = Channel.SECRETARIAT) -> Meeting:
    """Publish the decision list of a held meeting; publishing again keeps the first date (Woo: when)."""
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(_("The decision list can only be published once the meeting has been held."))
    if meeting.decision_list_published_at is None:
        meeting.decision_list_published_at = timezone.now()
        object_save(instance=meeting, by=by, channel=channel)
    return meeting


def attendance_summary(*, meeting: Meeting) -> AttendanceSummary:
    present: list[str] = []
    excused: list[str] = []
    absent: list[str] = []
    attendances = Attendance.objects.filter(meeting=meeting).select_related("person", "replaced_by")
    for attendance in attendances.order_by("person__family_name", "person__given_name"):
        if attendance.status == AttendanceStatus.PRESENT:
            present.append(attendance.person.name)
        elif attendance.status == AttendanceStatus.REPLACED and attendance.replaced_by is not None:
            present.append(
                _("%(replacement)s (for %(person)s)")
                % {"replacement": attendance.replaced_by.name, "person": attendance.person.name}
            )
            excused.append(attendance.person.name)
        elif attendance.status == AttendanceStatus.EXCUSED:
            excused.append(attendance.person.name)
        else:
            absent.append(attendance.person.name)
    return AttendanceSummary(present=present, excused=excused, absent=absent)


def open_actions(*, body: Body, viewer: Viewer) -> list[Action]:
    """The body's open actions; those coming from an item the viewer may not see are left out."""
    visible = AgendaItem.objects.filter(agenda_items_visible_q(viewer)).values("pk")
    actions = (
        Action.objects.filter(
            Q(origin__isnull=True) | Q(origin__in=visible), body=body, status=ActionStatus.OPEN
        )
        .select_related(
            "owner_person",
            "owner_municipality",
            "owner_organisation",
            "origin",
            "origin__meeting",
        )
        .order_by(F("due_date").asc(nulls_last=True), "id")
    )
    return list(actions)


def decision_list_context(*, meeting: Meeting, viewer: Viewer) -> dict[str, Any]:
    """Everything `meetings/partials/decision_list_body.html` needs; include it in a page with this."""
    zone = meeting_zone(meeting)
    return {
        "meeting": meeting,
        "cooperation": meeting.cooperation,
        "body": meeting.body,
        "start": meeting.start.astimezone(zone),
        "end": meeting.end.astimezone(zone),
        "items": agenda_rows(viewer=viewer, meeting=meeting, items=agenda_items_in_order(meeting)),
        "attendance": attendance_summary(meeting=meeting),
        "actions": open_actions(body=meeting.body, viewer=viewer),
    }


def action_list_context(*, body: Body, viewer: Viewer) -> dict[str, Any]:
    """What `meetings/partials/action_list_body.html` needs for a body's action list on its own."""
    return {
        "body": body,
        "cooperation": body.cooperation,
        "actions": open_actions(body=body, viewer=viewer),
        "today": timezone.localdate(),
    }


def _render(template: str, context: dict[str, Any], zone_name: str, *, for_pdf: bool) -> str:
    with timezone.override(zone_name):
        return render_to_string(template, {**context, "for_pdf": for_pdf})


def decision_list_html(*, meeting: Meeting, viewer: Viewer) -> str:
    """The standalone print document; its stylesheet is the static file `meetings/print.css`."""
    context = decision_list_context(meeting=meeting, viewer=viewer)
    return _render("meetings/decision_list.html", context, meeting.cooperation.time_zone, for_pdf=False)


def action_list_html(*, body: Body, viewer: Viewer) -> str:
    context = action_list_context(body=body, viewer=viewer)
    return _render("meetings/action_list.html", context, body.cooperation.time_zone, for_pdf=False)


def html_to_pdf(html: str) -> bytes:
    """PDF from our own HTML with the print stylesheet; nothing is fetched from outside."""
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    no_fetching = URLFetcher(allowed_protocols=[])
    stylesheet = CSS(string=PRINT_CSS.read_text(encoding="utf-8"), url_fetcher=no_fetching)
    document = HTML(string=html, base_url=settings.NAOBER_SITE_URL, url_fetcher=no_fetching)
    pdf: bytes = document.write_pdf(stylesheets=[stylesheet])
    return pdf


def decision_list_pdf(*, meeting: Meeting, viewer: Viewer) -> bytes:
    context = decision_list_context(meeting=meeting, viewer=viewer)
    return html_to_pdf(
        _render("meetings/decision_list.html", context, meeting.cooperation.time_zone, for_pdf=True)
    )


def action_list_pdf(*, body: Body, viewer: Viewer) -> bytes:
    context = action_list_context(body=body, viewer=viewer)
    return html_to_pdf(
        _render("meetings/action_list.html", context, body.cooperation.time_zone, for_pdf=True)
    )
