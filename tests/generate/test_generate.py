"""`naober generate`: the synthetic dataset keeps the invariants of the product's services."""

from __future__ import annotations

import datetime
import hashlib
import os
import shutil
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import Count, Max, Min
from django.test import Client

from naober.access.models import Secrecy
from naober.core.models import Confidentiality
from naober.finance.models import Budget
from naober.generate import plan as plans
from naober.generate import registry
from naober.generate.scales import SCALES
from naober.governance.models import Body, BodyKind, Membership
from naober.meetings.models import (
    AgendaItem,
    Consultation,
    ConsultationRole,
    Document,
    DocumentVersion,
    Meeting,
    MeetingStatus,
)
from naober.registry.models import Cooperation, Municipality, PopulationFigure

NAOBER = shutil.which("naober") or str(Path(__file__).resolve().parents[2] / ".venv" / "bin" / "naober")


def _generate(*args: str) -> str:
    out = StringIO()
    call_command("generate", "--scale", "region", "--years", "2", "--quiet", *args, stdout=out)
    return out.getvalue()


def _digest() -> str:
    rows = AgendaItem.objects.order_by("meeting__start", "meeting__body__slug", "position").values_list(
        "meeting__start", "meeting__body__slug", "title", "confidentiality", "outcome"
    )
    return hashlib.sha256(repr(list(rows)).encode()).hexdigest()


@pytest.mark.django_db
def test_a_generated_region_keeps_the_invariants() -> None:
    summary = _generate("--seed", "3")
    assert "1 cooperations written" in summary
    cooperation = Cooperation.objects.get()
    assert Municipality.objects.count() == 9
    assert PopulationFigure.objects.count() == 9

    # Every AO prepares the BO of its topic and meets two weeks before it.
    for ao in Body.objects.filter(kind=BodyKind.CIVIL_SERVANTS_MEETING):
        assert ao.prepares is not None and ao.prepares.topic_id == ao.topic_id
        bo_days = {m.start.date() for m in Meeting.objects.filter(body=ao.prepares)}
        for meeting in Meeting.objects.filter(body=ao):
            assert meeting.start.date() + datetime.timedelta(days=14) in bo_days
    # Routes: steps numbered 1..n, AO steps prepare, the last step decides, all in the dossier's cooperation.
    for dossier_id, steps in _routes().items():
        assert [step.position for step in steps] == list(range(1, len(steps) + 1)), dossier_id
        assert steps[-1].role == ConsultationRole.DECIDE
        for step in steps:
            assert step.agenda_item is not None and step.agenda_item.dossier_id == dossier_id
            if step.body.kind == BodyKind.CIVIL_SERVANTS_MEETING:
                assert step.role == ConsultationRole.PREPARE
    # Secret items and documents have a secrecy record (else they would be closed to everyone, even members).
    secret_items = AgendaItem.objects.filter(confidentiality=Confidentiality.SECRET)
    assert Secrecy.objects.filter(agenda_item__in=secret_items).count() == secret_items.count()
    # At most one open chair per body; memberships act on behalf of members of the cooperation.
    chairs = (
        Membership.objects.filter(role="chair", end_date__isnull=True).values("body").annotate(n=Count("pk"))
    )
    assert max(row["n"] for row in chairs) == 1
    # Planned meetings are not published and have no documents; the past is held or cancelled after convening.
    now = datetime.datetime.now(datetime.UTC)
    assert not Document.objects.filter(meeting__status=MeetingStatus.PLANNED).exists()
    assert (
        not Meeting.objects.filter(start__lt=now - datetime.timedelta(days=1))
        .exclude(status__in=(MeetingStatus.HELD, MeetingStatus.CANCELLED))
        .exists()
    )
    assert not Meeting.objects.filter(status=MeetingStatus.CANCELLED, convened_at__isnull=True).exists()
    assert Meeting.objects.aggregate(last=Max("created"))["last"] <= now
    # Documents: one version each, the file on disk is the text, 1-8 kB.
    sizes = DocumentVersion.objects.aggregate(low=Min("size"), high=Max("size"))
    assert sizes["low"] >= 1000 and sizes["high"] <= 8192  # 8,000 characters, a few of them two bytes
    version = DocumentVersion.objects.order_by("pk").first()
    assert version is not None
    content = (Path(settings.MEDIA_ROOT) / version.file.name).read_bytes()
    assert hashlib.sha256(content).hexdigest() == version.sha256 and content.decode() == version.text
    # A budget for next year made through the finance services, with lines and keys.
    budget = Budget.objects.get(cooperation=cooperation)
    assert budget.lines.count() >= 3


def _routes() -> dict[int, list[Consultation]]:
    routes: dict[int, list[Consultation]] = {}
    for step in Consultation.objects.select_related("body", "agenda_item").order_by("dossier", "position"):
        routes.setdefault(step.dossier_id, []).append(step)
    return routes


@pytest.mark.django_db(transaction=True)
def test_a_second_run_carries_on_and_the_same_seed_gives_the_same_data() -> None:
    _generate("--seed", "5")
    first = _digest()
    assert "0 cooperations written, 1 already there" in _generate("--seed", "5")
    assert _digest() == first
    call_command("flush", "--no-input", verbosity=0)
    _generate("--seed", "5")
    assert _digest() == first


def test_the_plan_depends_on_the_seed_only() -> None:
    scale = SCALES["province"]
    one = plans.cooperations(scale, registry.plan(scale, 1), 1)
    again = plans.cooperations(scale, registry.plan(scale, 1), 1)
    other = plans.cooperations(scale, registry.plan(scale, 2), 2)
    assert [(c.slug, [m.code for m in c.members]) for c in one] == [
        (c.slug, [m.code for m in c.members]) for c in again
    ]
    assert [c.slug for c in one] != [c.slug for c in other]
    assert len({c.slug for c in one}) == scale.cooperations


@pytest.mark.django_db
def test_confidential_items_stay_off_the_public_meeting_page() -> None:
    _generate("--seed", "3")
    item = (
        AgendaItem.objects.filter(
            confidentiality=Confidentiality.CONFIDENTIAL, meeting__status=MeetingStatus.HELD
        )
        .select_related("meeting")
        .first()
    )
    assert item is not None, "seed 3 has confidential items"
    public_titles = set(item.meeting.agenda_items.exclude(pk=item.pk).values_list("title", flat=True))
    assert item.title not in public_titles
    meeting = item.meeting
    year_page = Client().get(f"/{meeting.cooperation.slug}/vergaderingen/{meeting.start.year}/")
    assert year_page.status_code == 200
    url = next(
        link
        for link in year_page.content.decode().split('"')
        if link.startswith(f"/{meeting.cooperation.slug}/") and f"/{meeting.pk}-" in link
    )
    page = Client().get(url)
    assert page.status_code == 200
    assert item.title not in page.content.decode()


@pytest.mark.django_db(False)
def test_bad_input_is_one_line_and_a_non_zero_exit(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("NAOBER_", "DJANGO_"))}
    env["NAOBER_DATA_DIR"] = str(tmp_path / "var")
    result = subprocess.run(  # noqa: S603 - our own command with fixed arguments
        [NAOBER, "generate", "--years", "0"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == ["naober generate: --years must lie between 1 and 30."]
