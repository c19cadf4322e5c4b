"""The demo regions' meeting history: realistic, deterministic, idempotent, and written through the services.

The full history of all four regions takes about fifteen seconds to write on SQLite; these tests write one
region once per module (Regio Amersfoort, the largest and most intricate: the Regiomiddag, the AOs, the
stuurgroep) and check the plans of all four without writing them.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import pickle
import subprocess
import sys
import zoneinfo
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.utils import timezone
from pytest_django import DjangoDbBlocker

from naober.core.models import AuditEntry
from naober.demo.history import RegionReport, history_generate, plan_history, region_context
from naober.demo.history.dates import can_meet, easter_sunday
from naober.demo.history.documents import docx_document
from naober.demo.history.pdf import pdf_document
from naober.demo.history.records import Plan
from naober.demo.loader import demo_load
from naober.governance.models import BodyKind
from naober.meetings.files import DOCX, PDF, check_upload, extract_text, sniff
from naober.meetings.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    ConsultationRole,
    DecisionOutcome,
    Document,
    Dossier,
    DossierStatus,
    Meeting,
    MeetingStatus,
)
from naober.registry.models import Cooperation

REGIONS = ("regio-amersfoort", "regio-achterhoek", "twente", "denderregio")
WRITTEN = ("regio-amersfoort",)
DUTCH_ACCENTS = "Overleg over de coördinatie: ideeën, financiële reünie, één café, € 25.000 – ‘naïef’"


@dataclass
class Loaded:
    today: datetime.date
    first: list[RegionReport]
    second: list[RegionReport]
    counts_after_first: dict[str, int]
    counts_after_second: dict[str, int]
    plans: dict[str, Plan]


def _counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Meeting, AgendaItem, Dossier, Document, Attendance, Action, AuditEntry)
    }


@pytest.fixture(scope="module")
def loaded(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[Loaded]:
    """The demo data with the history of Regio Amersfoort, written once and rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo_load()
        today = timezone.localdate()
        # The documents' text extraction is queued after commit; run it (tests use the immediate backend).
        with TestCase.captureOnCommitCallbacks(execute=True):
            first = history_generate(today=today, slugs=WRITTEN)
        counts_after_first = _counts()
        second = history_generate(today=today, slugs=WRITTEN)
        plans = {
            slug: plan_history(region_context(Cooperation.objects.get(slug=slug)), today) for slug in REGIONS
        }
        yield Loaded(today, first, second, counts_after_first, _counts(), plans)
        transaction.set_rollback(True)


def _local(meeting: Meeting) -> datetime.datetime:
    return meeting.start.astimezone(zoneinfo.ZoneInfo(meeting.cooperation.time_zone))


def _meetings(slug: str) -> list[Meeting]:
    return list(
        Meeting.objects.filter(cooperation__slug=slug).select_related("body", "cooperation").order_by("start")
    )


# --- the plan ----------------------------------------------------------------------------------------------


def test_the_plan_is_the_same_every_time(loaded: Loaded) -> None:
    for slug in REGIONS:
        context = region_context(Cooperation.objects.get(slug=slug))
        assert plan_history(context, loaded.today) == loaded.plans[slug]
        assert loaded.plans[slug].fingerprint() == plan_history(context, loaded.today).fingerprint()


def test_the_plan_does_not_depend_on_hash_order(loaded: Loaded, tmp_path: Path) -> None:
    """Another interpreter with another string-hash seed makes exactly the same plan."""
    context = region_context(Cooperation.objects.get(slug="regio-amersfoort"))
    (tmp_path / "context.pickle").write_bytes(pickle.dumps((context, loaded.today)))
    script = (
        "import hashlib, pickle, sys, django; django.setup()\n"
        "from naober.demo.history import plan_history\n"
        "context, today = pickle.loads(open(sys.argv[1], 'rb').read())\n"
        "print(hashlib.sha256(repr(plan_history(context, today)).encode()).hexdigest())\n"
    )
    environment = {
        **os.environ,
        "PYTHONHASHSEED": "12345",
        "DJANGO_SETTINGS_MODULE": "naober.config.test_settings",
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script, str(tmp_path / "context.pickle")],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    expected = hashlib.sha256(repr(loaded.plans["regio-amersfoort"]).encode()).hexdigest()
    assert result.stdout.strip() == expected


def test_every_region_has_about_a_year_of_meetings(loaded: Loaded) -> None:
    for slug, plan in loaded.plans.items():
        dates = [meeting.date for meeting in plan.meetings]
        assert min(dates) >= loaded.today - datetime.timedelta(days=310), slug
        assert max(dates) <= loaded.today + datetime.timedelta(days=95), slug
        assert max(dates) - min(dates) > datetime.timedelta(days=300), slug
        states = Counter(meeting.state for meeting in plan.meetings)
        assert states["held"] >= 8 and states["planned"] >= 3 and states["cancelled"] == 1, (slug, states)


def test_no_meeting_falls_on_a_weekend_holiday_or_recess(loaded: Loaded) -> None:
    for slug, plan in loaded.plans.items():
        country = "BE" if slug == "denderregio" else "NL"
        for meeting in plan.meetings:
            assert meeting.start.weekday() < 5, meeting.key
            assert can_meet(meeting.date, country), meeting.key
            assert meeting.start.utcoffset() is not None
    assert easter_sunday(2026) == datetime.date(2026, 4, 5)
    assert not can_meet(datetime.date(2026, 5, 14), "NL")  # Ascension Day
    assert not can_meet(datetime.date(2026, 7, 21), "BE")  # Belgian national day, and the summer recess


@pytest.mark.parametrize("slug", REGIONS)
def test_the_plan_holds_on_any_day_of_the_year(loaded: Loaded, slug: str) -> None:
    """Whatever today is: one cancelled meeting, a dossier decided along its whole route, an amended and a
    postponed decision, one or two secret items, and meetings only on working days."""
    context = region_context(Cooperation.objects.get(slug=slug))
    for offset in range(-364, 365, 21):
        today = loaded.today + datetime.timedelta(days=offset)
        plan = plan_history(context, today)
        assert Counter(meeting.state for meeting in plan.meetings)["cancelled"] == 1, today
        for meeting in plan.meetings:
            assert can_meet(meeting.date, context.country), (today, meeting.key)
            assert (meeting.state == "planned") == (meeting.date >= today), (today, meeting.key)
        items = [item for meeting in plan.meetings for item in meeting.items]
        assert {DecisionOutcome.ADOPTED_AS_AMENDED, DecisionOutcome.POSTPONED} <= {
            i.outcome for i in items
        }, today
        assert 1 <= sum(1 for item in items if item.confidentiality == "secret") <= 2, today
        assert any(
            len(dossier.route) >= 2
            and {body for body, _ in dossier.route}
            <= {
                meeting.body
                for meeting in plan.meetings
                for item in meeting.items
                if item.dossier == dossier.key
            }
            and any(
                item.dossier == dossier.key
                and item.role == ConsultationRole.DECIDE
                and item.outcome in (DecisionOutcome.ADOPTED, DecisionOutcome.ADOPTED_AS_AMENDED)
                for item in items
            )
            for dossier in plan.dossiers
        ), today


def test_each_ao_meets_two_to_four_weeks_before_a_bo_it_prepares(loaded: Loaded) -> None:
    meetings = _meetings("regio-amersfoort")
    preparing = [m for m in meetings if m.body.prepares_id and m.body.kind != BodyKind.SECRETARIES_GROUP]
    assert len(preparing) >= 15
    for ao in preparing:
        gaps = [
            (bo.start.date() - ao.start.date()).days for bo in meetings if bo.body_id == ao.body.prepares_id
        ]
        assert any(14 <= gap <= 28 for gap in gaps), (ao, gaps)
    regiomiddag = Counter(m.meeting_day_id for m in meetings if m.meeting_day_id)
    assert all(3 <= count <= 4 for count in regiomiddag.values()), regiomiddag
    dender = loaded.plans["denderregio"].meetings
    for dado in (m for m in dender if m.body == "dado"):
        gaps = [(dbo.date - dado.date).days for dbo in dender if dbo.body == "dbo"]
        assert any(13 <= gap <= 21 for gap in gaps), dado.key


def test_every_region_has_a_dossier_decided_along_its_whole_route(loaded: Loaded) -> None:
    for slug, plan in loaded.plans.items():
        complete = []
        for dossier in plan.dossiers:
            items = [
                item for meeting in plan.meetings for item in meeting.items if item.dossier == dossier.key
            ]
            decisions = [item for item in items if item.role == ConsultationRole.DECIDE and item.outcome]
            if len(items) >= len(dossier.route) >= 2 and any(
                item.outcome in (DecisionOutcome.ADOPTED, DecisionOutcome.ADOPTED_AS_AMENDED)
                for item in decisions
            ):
                complete.append(dossier.key)
        assert complete, slug
        outcomes = {item.outcome for meeting in plan.meetings for item in meeting.items if item.dossier}
        assert {DecisionOutcome.ADOPTED_AS_AMENDED, DecisionOutcome.POSTPONED} <= outcomes, slug
    for slug in WRITTEN:
        plan = loaded.plans[slug]
        adopted = {
            item.dossier
            for meeting in plan.meetings
            for item in meeting.items
            if item.role == ConsultationRole.DECIDE
            and item.outcome in (DecisionOutcome.ADOPTED, DecisionOutcome.ADOPTED_AS_AMENDED)
        }
        decided = Dossier.objects.filter(cooperation__slug=slug, status=DossierStatus.DECIDED)
        assert {d.title for d in decided} == {d.title for d in plan.dossiers if d.key in adopted}
        assert decided.count() >= 2
        for written in decided:
            steps = list(written.consultations.select_related("agenda_item__meeting").order_by("position"))
            assert all(step.agenda_item is not None for step in steps), written
            assert [step.agenda_item.meeting.start for step in steps if step.agenda_item] == sorted(
                step.agenda_item.meeting.start for step in steps if step.agenda_item
            )
            last = steps[-1].agenda_item
            assert last is not None and last.forwarded_from is not None
            assert steps[-1].role == ConsultationRole.DECIDE
            assert last.outcome in (DecisionOutcome.ADOPTED, DecisionOutcome.ADOPTED_AS_AMENDED)
        forwarded = {
            item.dossier for meeting in plan.meetings for item in meeting.items if item.forwarded_from
        }
        in_progress = Dossier.objects.filter(cooperation__slug=slug, status=DossierStatus.IN_PROGRESS)
        assert {d.title for d in in_progress} == {
            d.title for d in plan.dossiers if d.key in forwarded and d.key not in adopted
        }
    amersfoort = Dossier.objects.filter(cooperation__slug="regio-amersfoort")
    assert amersfoort.count() >= 6
    # A planned step without a meeting yet: the route ahead.
    assert amersfoort.filter(consultations__agenda_item__isnull=True).exists()


# --- what was written -------------------------------------------------------------------------------------


def test_a_second_run_adds_nothing(loaded: Loaded) -> None:
    assert [report.skipped for report in loaded.first] == [False]
    assert [report.skipped for report in loaded.second] == [True]
    assert loaded.counts_after_second == loaded.counts_after_first
    first = {report.name: (report.meetings, report.dossiers, report.documents) for report in loaded.first}
    again = {report.name: (report.meetings, report.dossiers, report.documents) for report in loaded.second}
    assert first == again


def test_the_written_meetings_follow_the_plan(loaded: Loaded) -> None:
    for slug in WRITTEN:
        plan = loaded.plans[slug]
        written = [(m.body.slug, m.start, m.status) for m in _meetings(slug)]
        assert written == [(m.body, m.start, m.state) for m in plan.meetings]
        items = AgendaItem.objects.filter(meeting__cooperation__slug=slug).select_related("meeting__body")
        titles = {(item.meeting.body.slug, item.meeting.start, item.title) for item in items}
        for meeting in plan.meetings:
            for item in meeting.items:
                assert (meeting.body, meeting.start, item.title) in titles


def test_past_meetings_were_held_or_cancelled_and_future_ones_are_planned(loaded: Loaded) -> None:
    for slug in WRITTEN:
        meetings = _meetings(slug)
        for meeting in meetings:
            day = _local(meeting).date()
            if day < loaded.today:
                assert meeting.status in (MeetingStatus.HELD, MeetingStatus.CANCELLED), meeting
            elif day > loaded.today:
                assert meeting.status == MeetingStatus.PLANNED, meeting
            assert meeting.convened_at is None  # the demo never convenes (that would send e-mail)
        cancelled = [m for m in meetings if m.status == MeetingStatus.CANCELLED]
        assert len(cancelled) == 1 and cancelled[0].cancelled_reason
        assert not cancelled[0].agenda_items.exclude(
            kind__in=["opening", "minutes", "actions", "aob", "closing"]
        )
    decided_items = AgendaItem.objects.exclude(outcome="")
    assert decided_items.exists()
    assert not decided_items.exclude(meeting__status=MeetingStatus.HELD).exists()
    # The agendas of the next three weeks are drawn up; later meetings have only the standard items so far.
    for meeting in _meetings("regio-amersfoort"):
        if meeting.status == MeetingStatus.PLANNED:
            soon = _local(meeting).date() <= loaded.today + datetime.timedelta(days=21)
            assert (meeting.agenda_items.count() > 5) == soon, meeting


def test_standard_and_topical_items(loaded: Loaded) -> None:
    for meeting in _meetings("regio-amersfoort"):
        kinds = list(meeting.agenda_items.order_by("position").values_list("kind", flat=True))
        assert kinds[:3] == ["opening", "minutes", "actions"] and kinds[-2:] == ["aob", "closing"]
        if meeting.status == MeetingStatus.HELD:
            assert 2 <= len(kinds) - 5 <= 6, (meeting, kinds)
    held = Meeting.objects.filter(cooperation__slug="regio-amersfoort", status=MeetingStatus.HELD)
    approved = held.exclude(minutes_approved_in=None).select_related("minutes_approved_in")
    assert approved.count() >= held.count() // 2
    for meeting in approved:
        assert meeting.minutes_approved_in is not None
        assert meeting.minutes_approved_in.body_id == meeting.body_id
        assert meeting.minutes_approved_in.start > meeting.start


def test_confidential_and_secret_items(loaded: Loaded) -> None:
    everything: Counter[str] = Counter()
    for slug in REGIONS:
        levels = Counter(
            item.confidentiality for meeting in loaded.plans[slug].meetings for item in meeting.items
        )
        assert levels["confidential"] >= 1 and 1 <= levels["secret"] <= 2, (slug, levels)
        everything += levels
    share = (everything["confidential"] + everything["secret"]) / sum(everything.values())
    assert 0.08 <= share <= 0.2, everything
    assert AgendaItem.objects.filter(confidentiality="confidential").count() >= 10
    for document in Document.objects.exclude(agenda_item=None).select_related("agenda_item"):
        assert document.agenda_item is not None
        item_level = document.agenda_item.confidentiality
        # a secret item's secrecy covers its documents, which are confidential themselves
        assert document.confidentiality == ("confidential" if item_level == "secret" else item_level)
    from naober.access.models import Secrecy

    secret_items = AgendaItem.objects.filter(confidentiality="secret")
    assert secret_items.exists()
    assert Secrecy.objects.filter(agenda_item__in=secret_items).count() == secret_items.count()


def test_documents_are_real_pdf_and_docx_files_with_dutch_text(loaded: Loaded) -> None:
    documents = Document.objects.filter(cooperation__slug__in=WRITTEN).prefetch_related("versions")
    kinds = Counter(document.kind for document in documents)
    assert kinds["proposal"] >= 50 and kinds["annex"] >= 10 and kinds["minutes"] >= 40, kinds
    assert len(documents) < 400
    types: Counter[str] = Counter()
    for document in documents:
        version = document.versions.get()
        with version.file.open("rb") as handle:
            content = handle.read()
        assert sniff(content) == version.mime_type
        types[version.mime_type] += 1
        assert any(word in version.text for word in ("vergadering", "voorstel", "Voorstel", "gemeente")), (
            document
        )
    assert types[PDF] > types[DOCX] > 0
    held = Meeting.objects.filter(cooperation__slug__in=WRITTEN, status=MeetingStatus.HELD)
    assert all(meeting.documents.filter(kind="minutes").exists() for meeting in held)
    minutes = Document.objects.filter(kind="minutes", cooperation__slug="regio-amersfoort").first()
    assert minutes is not None
    assert "Verslag" in minutes.versions.get().text and "Sluiting" in minutes.versions.get().text


def test_the_pdf_writer_gets_dutch_text_right_over_several_pages() -> None:
    blocks = [("title", "Voorstel: coördinatie"), *[("text", DUTCH_ACCENTS)] * 60]
    content = pdf_document(title="Voorstel – één", blocks=blocks)
    check_upload(filename="voorstel.pdf", content=content, max_bytes=1_000_000)
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content), strict=True)
    assert len(reader.pages) > 1
    assert reader.metadata is not None and reader.metadata.title == "Voorstel – één"
    text = extract_text(content=content, mime_type=PDF)
    assert "ë" in text and DUTCH_ACCENTS in text.replace("\n", " ")
    assert pdf_document(title="x", blocks=blocks) == pdf_document(title="x", blocks=blocks)  # no timestamps
    docx = docx_document(
        title="Bijlage", blocks=[("title", "Bijlage"), ("text", DUTCH_ACCENTS)], table=[["a", "b"]]
    )
    assert sniff(docx) == DOCX and DUTCH_ACCENTS in extract_text(content=docx, mime_type=DOCX)


def test_attendance_only_in_meetings_that_were_held(loaded: Loaded) -> None:
    attendance = Attendance.objects.filter(meeting__cooperation__slug__in=WRITTEN)
    assert not attendance.exclude(meeting__status=MeetingStatus.HELD).exists()
    held = Meeting.objects.filter(cooperation__slug__in=WRITTEN, status=MeetingStatus.HELD)
    assert all(meeting.attendances.exists() for meeting in held)
    statuses = Counter(attendance.values_list("status", flat=True))
    assert statuses[AttendanceStatus.PRESENT] > 5 * statuses[AttendanceStatus.EXCUSED] > 0
    replaced = attendance.filter(
        status=AttendanceStatus.REPLACED, meeting__cooperation__slug="regio-amersfoort"
    )
    assert replaced.exists() and all(row.replaced_by_id for row in replaced)


def test_actions_most_done_some_still_open(loaded: Loaded) -> None:
    actions = Action.objects.filter(body__cooperation__slug__in=WRITTEN)
    statuses = Counter(actions.values_list("status", flat=True))
    assert statuses[ActionStatus.DONE] > statuses[ActionStatus.OPEN] > 0, statuses
    assert not actions.filter(status=ActionStatus.DONE, completed_on__gte=loaded.today).exists()
    assert actions.exclude(owner_municipality=None).exists() and actions.exclude(owner_person=None).exists()
    assert all(action.origin is not None for action in actions)


def test_votes_only_in_boards_that_vote(loaded: Loaded) -> None:
    assert (
        not AgendaItem.objects.exclude(votes_for=None).filter(meeting__cooperation__slug__in=WRITTEN).exists()
    )
    voted = [
        (meeting.body, item.votes)
        for slug in ("regio-achterhoek", "twente")
        for meeting in loaded.plans[slug].meetings
        for item in meeting.items
        if item.votes
    ]
    assert voted and {body for body, _ in voted} <= {"algemeen-bestuur", "achterhoek-raad", "twenteraad"}


def test_the_command_can_leave_the_history_out(data_copy: Path, db: Any) -> None:
    for name in ("regio-achterhoek.yaml", "regio-amersfoort.yaml", "twente.yaml"):
        (data_copy / name).unlink()
    out = io.StringIO()
    call_command("demo", "--data-dir", str(data_copy), "--no-history", stdout=out)
    assert "Meeting history" not in out.getvalue()
    assert not Meeting.objects.exists()
