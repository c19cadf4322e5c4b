"""The write path of the strategic agenda: every change validated, written atomically and audited.

Editors of the programme's cooperation (and platform administrators) may write; everyone else is refused with
`PermissionDenied`. `by=None` is the system itself (the demo loader, commands) and is not checked.
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Iterable
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils.translation import gettext as _

from naober.accounts.permissions import require_editor
from naober.core.models import Channel
from naober.core.services import Actor, object_delete, object_save
from naober.meetings.files import check_upload
from naober.meetings.models import AgendaItem, Dossier
from naober.registry.models import Municipality, Organisation
from naober.strategy.models import (
    Attachment,
    Event,
    FundingLine,
    Goal,
    Indicator,
    Measurement,
    Milestone,
    Programme,
    ProgressReport,
    Project,
    Theme,
    VideoLink,
)
from naober.strategy.models.event import content_sha256
from naober.strategy.models.project import is_member

M = TypeVar("M", bound=models.Model)


def _check(by: Actor, cooperation_id: int) -> None:
    if by is not None:
        require_editor(user=by, cooperation_id=cooperation_id)


def _save(instance: M, *, cooperation_id: int, by: Actor, channel: str, **m2m: Any) -> M:
    _check(by, cooperation_id)
    return object_save(instance=instance, by=by, channel=channel, many_to_many=m2m or None)


def programme_save(*, programme: Programme, by: Actor, channel: str = Channel.SECRETARIAT) -> Programme:
    """Create or change a programme. Shrinking its period is refused while milestones lie outside it."""
    if programme.pk is not None and programme.start_date and programme.end_date:
        outside = Milestone.objects.filter(project__programme=programme).exclude(
            due_on__range=(programme.start_date, programme.end_date)
        )
        if outside.exists():
            raise ValidationError(
                _("Milestones would fall outside the new period; move them first: %(titles)s.")
                % {"titles": ", ".join(outside.values_list("title", flat=True)[:5])}
            )
    return _save(programme, cooperation_id=programme.cooperation_id, by=by, channel=channel)


def theme_save(*, theme: Theme, by: Actor, channel: str = Channel.SECRETARIAT) -> Theme:
    return _save(theme, cooperation_id=theme.programme.cooperation_id, by=by, channel=channel)


def goal_save(*, goal: Goal, by: Actor, channel: str = Channel.SECRETARIAT) -> Goal:
    return _save(goal, cooperation_id=goal.programme.cooperation_id, by=by, channel=channel)


def _members_check(project: Project, municipalities: Iterable[Municipality]) -> None:
    outsiders = [
        m.name for m in municipalities if not is_member(municipality_id=m.pk, programme=project.programme)
    ]
    if outsiders:
        raise ValidationError(
            {
                "participants": _("Not a member of %(cooperation)s during the programme period: %(names)s.")
                % {"cooperation": project.programme.cooperation, "names": ", ".join(outsiders)}
            }
        )


def project_save(
    *,
    project: Project,
    by: Actor,
    goals: Iterable[Goal] | None = None,
    participants: Iterable[Municipality] | None = None,
    partners: Iterable[Organisation] | None = None,
    channel: str = Channel.SECRETARIAT,
) -> Project:
    """Create or change a project with (when given) its goals, participating members and partners.

    Goals must be of the project's programme and participants members of its cooperation."""
    m2m: dict[str, list[Any]] = {}
    if goals is not None:
        goal_list = list(goals)
        if any(goal.programme_id != project.programme_id for goal in goal_list):
            raise ValidationError({"goals": _("A goal of another programme was chosen.")})
        m2m["goals"] = goal_list
    if participants is not None:
        members = list(participants)
        _members_check(project, members)
        m2m["participants"] = members
    if partners is not None:
        m2m["partners"] = list(partners)
    return _save(project, cooperation_id=project.programme.cooperation_id, by=by, channel=channel, **m2m)


def project_link(
    *,
    project: Project,
    by: Actor,
    dossiers: Iterable[Dossier] | None = None,
    decisions: Iterable[AgendaItem] | None = None,
    channel: str = Channel.SECRETARIAT,
) -> Project:
    """Set the dossiers and decisions a project is carried by; all of its own cooperation."""
    cooperation_id = project.programme.cooperation_id
    m2m: dict[str, list[Any]] = {}
    if dossiers is not None:
        dossier_list = list(dossiers)
        if any(dossier.cooperation_id != cooperation_id for dossier in dossier_list):
            raise ValidationError(_("A dossier of another cooperation cannot carry this project."))
        m2m["dossiers"] = dossier_list
    if decisions is not None:
        item_list = list(decisions)
        if any(item.meeting.cooperation_id != cooperation_id for item in item_list):
            raise ValidationError(_("A decision of another cooperation cannot carry this project."))
        m2m["decisions"] = item_list
    return _save(project, cooperation_id=cooperation_id, by=by, channel=channel, **m2m)


def funding_line_save(*, line: FundingLine, by: Actor, channel: str = Channel.SECRETARIAT) -> FundingLine:
    return _save(line, cooperation_id=line.project.programme.cooperation_id, by=by, channel=channel)


def milestone_save(*, milestone: Milestone, by: Actor, channel: str = Channel.SECRETARIAT) -> Milestone:
    return _save(milestone, cooperation_id=milestone.project.programme.cooperation_id, by=by, channel=channel)


def indicator_save(*, indicator: Indicator, by: Actor, channel: str = Channel.SECRETARIAT) -> Indicator:
    return _save(indicator, cooperation_id=indicator.project.programme.cooperation_id, by=by, channel=channel)


def measurement_record(
    *,
    indicator: Indicator,
    measured_on: datetime.date,
    value: decimal.Decimal,
    note: str = "",
    by: Actor,
    channel: str = Channel.SECRETARIAT,
) -> Measurement:
    """Record (or correct) the indicator's value on a date."""
    measurement = Measurement.objects.filter(indicator=indicator, measured_on=measured_on).first()
    if measurement is None:
        measurement = Measurement(indicator=indicator, measured_on=measured_on)
    measurement.value, measurement.note = value, note
    cooperation_id = indicator.project.programme.cooperation_id
    return _save(measurement, cooperation_id=cooperation_id, by=by, channel=channel)


def progress_report_write(
    *, report: ProgressReport, by: Actor, channel: str = Channel.SECRETARIAT
) -> ProgressReport:
    """A progress report; its author defaults to the project lead, and its progress becomes the project's."""
    project = report.project
    if report.author_id is None and project.lead_person_id is not None:
        report.author_id = project.lead_person_id
    with transaction.atomic():
        saved = _save(report, cooperation_id=project.programme.cooperation_id, by=by, channel=channel)
        latest = ProgressReport.objects.filter(project=project).order_by("-period_end", "-id").first()
        if latest is not None and latest.pk == saved.pk and project.progress != saved.progress:
            project.progress = saved.progress
            object_save(instance=project, by=by, channel=channel)
    return saved


def event_save(*, event: Event, by: Actor, channel: str = Channel.SECRETARIAT) -> Event:
    return _save(event, cooperation_id=event.cooperation_id, by=by, channel=channel)


def video_link_save(*, video: VideoLink, by: Actor, channel: str = Channel.SECRETARIAT) -> VideoLink:
    return _save(video, cooperation_id=video.event.cooperation_id, by=by, channel=channel)


def attachment_add(
    *,
    title: str,
    filename: str,
    content: bytes,
    project: Project | None = None,
    event: Event | None = None,
    by: Actor,
    channel: str = Channel.SECRETARIAT,
) -> Attachment:
    """Attach a document after checking what it really is (the meetings' sniffing: type, size, damage)."""
    sniffed = check_upload(filename=filename, content=content, max_bytes=settings.NAOBER_MAX_UPLOAD_BYTES)
    owner_cooperation = project.programme.cooperation_id if project is not None else None
    if event is not None:
        owner_cooperation = event.cooperation_id
    if owner_cooperation is None:
        raise ValidationError(_("An attachment belongs to exactly one project or event."))
    attachment = Attachment(
        project=project,
        event=event,
        title=(title or filename)[:300],
        filename=filename[:200],
        mime_type=sniffed.mime_type,
        size=len(content),
        sha256=content_sha256(content),
    )
    attachment.file.save(filename, ContentFile(content), save=False)
    try:
        return _save(attachment, cooperation_id=owner_cooperation, by=by, channel=channel)
    except Exception:
        attachment.file.delete(save=False)
        raise


def strategy_object_delete(*, instance: models.Model, cooperation_id: int, by: Actor) -> None:
    """Remove a theme, goal, milestone, funding line, indicator, value, report, video or attachment."""
    _check(by, cooperation_id)
    object_delete(instance=instance, by=by, channel=Channel.SECRETARIAT)
