"""The write path: validation with clear messages, permissions, atomic writes and the audit trail."""

from __future__ import annotations

import datetime
import decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from naober.core.models import AuditEntry
from naober.strategy import services
from naober.strategy.models import Goal, Milestone, ProgressReport, Project
from tests.factories import CooperationFactory, UserFactory
from tests.strategy.factories import Agenda, programme_make, project_make

pytestmark = pytest.mark.django_db


def test_progress_outside_0_to_100_is_refused(agenda: Agenda) -> None:
    project = Project.objects.get(pk=agenda.project.pk)
    project.progress = 101
    with pytest.raises(ValidationError) as error:
        services.project_save(project=project, by=agenda.editor)
    assert "progress" in error.value.message_dict
    assert Project.objects.get(pk=project.pk).progress == 40


def test_milestone_outside_the_programme_period_is_refused(agenda: Agenda) -> None:
    late = agenda.programme.end_date + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.milestone_save(
            milestone=Milestone(project=agenda.project, title="Te laat", due_on=late), by=None
        )
    assert "buiten de looptijd van het programma" in " ".join(error.value.message_dict["due_on"])
    assert not Milestone.objects.exists()


def test_lead_member_must_be_a_member(agenda: Agenda) -> None:
    project = Project.objects.get(pk=agenda.project.pk)
    project.lead_member = agenda.outsider
    with pytest.raises(ValidationError) as error:
        services.project_save(project=project, by=None)
    assert "is geen lid van" in " ".join(error.value.message_dict["lead_member"])


def test_participants_must_be_members(agenda: Agenda) -> None:
    project = Project.objects.get(pk=agenda.project.pk)
    with pytest.raises(ValidationError) as error:
        services.project_save(project=project, by=None, participants=[agenda.member, agenda.outsider])
    assert "Elders" in " ".join(error.value.messages)
    services.project_save(project=project, by=None, participants=[agenda.member])
    assert list(project.participants.all()) == [agenda.member]


def test_goal_of_another_programme_is_refused(agenda: Agenda) -> None:
    other = programme_make(agenda.cooperation, slug="ander")
    stranger = services.goal_save(goal=Goal(programme=other, number=1, title="Elders"), by=None)
    with pytest.raises(ValidationError):
        services.project_save(project=agenda.project, by=None, goals=[stranger])


def test_dossier_of_another_cooperation_cannot_carry_a_project(agenda: Agenda) -> None:
    from naober.meetings.services.dossier import dossier_create

    foreign = dossier_create(cooperation=CooperationFactory(), title="Elders")
    with pytest.raises(ValidationError):
        services.project_link(project=agenda.project, by=None, dossiers=[foreign])


def test_only_editors_write_and_every_write_is_audited(agenda: Agenda) -> None:
    project = Project.objects.get(pk=agenda.project.pk)
    project.progress = 55
    with pytest.raises(PermissionDenied):
        services.project_save(project=project, by=UserFactory())
    services.project_save(project=project, by=agenda.editor)
    entry = AuditEntry.objects.filter(object_type="strategy.project", object_id=str(project.pk)).first()
    assert entry is not None and entry.actor == agenda.editor
    assert entry.changes["progress"] == [40, 55]
    assert entry.cooperation_id is None or entry.cooperation_id == agenda.cooperation.pk


def test_programme_period_cannot_shrink_past_its_milestones(agenda: Agenda) -> None:
    due = agenda.programme.end_date - datetime.timedelta(days=10)
    services.milestone_save(
        milestone=Milestone(project=agenda.project, title="Oplevering", due_on=due), by=None
    )
    programme = agenda.programme
    programme.end_date = due - datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="Oplevering"):
        services.programme_save(programme=programme, by=None)


def test_a_report_defaults_to_the_project_lead_and_moves_the_progress(agenda: Agenda) -> None:
    from tests.factories import PersonFactory

    lead = PersonFactory()
    project = Project.objects.get(pk=agenda.project.pk)
    project.lead_person = lead
    services.project_save(project=project, by=None)
    today = timezone.localdate()
    report = services.progress_report_write(
        report=ProgressReport(
            project=project,
            period_start=today - datetime.timedelta(days=90),
            period_end=today,
            text="Op schema.",
            progress=70,
            agenda_item=agenda.decision,
        ),
        by=agenda.editor,
    )
    assert report.author == lead
    assert Project.objects.get(pk=project.pk).progress == 70


def test_a_report_with_progress_above_100_writes_nothing(agenda: Agenda) -> None:
    today = timezone.localdate()
    with pytest.raises(ValidationError):
        services.progress_report_write(
            report=ProgressReport(
                project=agenda.project, period_start=today, period_end=today, text="x", progress=150
            ),
            by=None,
        )
    assert not ProgressReport.objects.exists()


def test_measurement_is_recorded_once_per_day(agenda: Agenda) -> None:
    day = timezone.localdate()
    services.measurement_record(
        indicator=agenda.indicator, measured_on=day, value=decimal.Decimal(1), by=None
    )
    services.measurement_record(
        indicator=agenda.indicator, measured_on=day, value=decimal.Decimal(2), by=None
    )
    assert agenda.indicator.measurements.filter(measured_on=day).get().value == 2


def test_attachments_are_sniffed(agenda: Agenda) -> None:
    from tests.samples import pdf_bytes

    with pytest.raises(ValidationError, match="PDF"):
        services.attachment_add(
            title="Plan", filename="plan.docx", content=pdf_bytes(), project=agenda.project, by=None
        )
    attachment = services.attachment_add(
        title="Plan", filename="plan.pdf", content=pdf_bytes(), project=agenda.project, by=None
    )
    assert attachment.mime_type == "application/pdf" and attachment.size > 0


def test_project_slug_is_unique_per_programme(agenda: Agenda) -> None:
    with pytest.raises(ValidationError):
        project_make(agenda.programme, slug="woondeal")
