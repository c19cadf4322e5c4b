"""Load the demo regions' strategic agendas (`demo_data.PROGRAMMES`) through the services; idempotent.

Every record is found again by its natural key (programme slug, theme name, goal number, project slug,
milestone title, …) and only missing ones are written, so a second run writes nothing. Projects are linked to
the dossiers of the generated meeting history, so a visitor can follow goal → project → dossier and decisions.
"""

from __future__ import annotations

import datetime
import decimal
from typing import Any

from naober.core.models import Channel
from naober.demo.history.regions import REGIONS
from naober.governance.models import Body, Membership, Person
from naober.meetings.models import AgendaItem, Dossier
from naober.registry.models import Cooperation, Municipality, Organisation
from naober.strategy import services
from naober.strategy.demo_data import PROGRAMMES
from naober.strategy.models import (
    Event,
    FundingLine,
    Goal,
    Indicator,
    Milestone,
    Programme,
    ProgressReport,
    Project,
    Theme,
    VideoLink,
)

IMPORT = Channel.IMPORT


class _Counter:
    def __init__(self) -> None:
        self.created = 0

    def add(self, created: bool) -> None:
        self.created += int(created)


def load(*, today: datetime.date) -> list[str]:
    counter = _Counter()
    programmes = 0
    for cooperation_slug, spec in PROGRAMMES.items():
        cooperation = Cooperation.objects.filter(slug=cooperation_slug).first()
        if cooperation is None:
            continue
        _programme(cooperation, spec, today, counter)
        programmes += 1
    state = f"{counter.created} records new" if counter.created else "already there, unchanged"
    return [f"Strategic agendas: {programmes} programmes ({state})"]


def _day(today: datetime.date, offset: int, programme: Programme) -> datetime.date:
    """`today + offset`, kept inside the programme period."""
    day = today + datetime.timedelta(days=offset)
    return min(max(day, programme.start_date), programme.end_date)


def _programme(
    cooperation: Cooperation, spec: dict[str, Any], today: datetime.date, counter: _Counter
) -> None:
    programme = Programme.objects.filter(cooperation=cooperation, slug=spec["slug"]).first()
    if programme is None:
        first, last = spec["years"]
        start = datetime.date(today.year + first, 1, 1)
        end = datetime.date(today.year + last, 12, 31)
        programme = services.programme_save(
            programme=Programme(
                cooperation=cooperation,
                slug=spec["slug"],
                title=f"{spec['title']} {start.year}–{end.year}",
                summary=spec["summary"],
                start_date=start,
                end_date=end,
            ),
            by=None,
            channel=IMPORT,
        )
        counter.add(True)
    themes: dict[str, Theme] = {}
    for position, (name, topic_slug, description) in enumerate(spec["themes"]):
        theme = Theme.objects.filter(programme=programme, name=name).first()
        if theme is None:
            theme = services.theme_save(
                theme=Theme(
                    programme=programme,
                    name=name,
                    description=description,
                    topic=cooperation.topics.filter(slug=topic_slug).first(),
                    position=position,
                ),
                by=None,
                channel=IMPORT,
            )
            counter.add(True)
        themes[name] = theme
    goals: dict[int, Goal] = {}
    for number, theme_name, title, description in spec["goals"]:
        goal = Goal.objects.filter(programme=programme, number=number).first()
        if goal is None:
            goal = services.goal_save(
                goal=Goal(
                    programme=programme,
                    number=number,
                    title=title,
                    description=description,
                    theme=themes.get(theme_name),
                ),
                by=None,
                channel=IMPORT,
            )
            counter.add(True)
        goals[number] = goal
    for project_spec in spec["projects"]:
        _project(programme, project_spec, goals, today, counter)
    for event_spec in spec.get("events", []):
        _event(programme, event_spec, themes, today, counter)


def _dossiers(cooperation: Cooperation, keys: list[str]) -> list[Dossier]:
    region = REGIONS.get(cooperation.slug)
    if region is None:
        return []
    titles = [dossier.title for dossier in region.dossiers if dossier.key in keys]
    return list(Dossier.objects.filter(cooperation=cooperation, title__in=titles))


def _lead_person(body: Body | None) -> Person | None:
    if body is None:
        return None
    membership = (
        Membership.objects.filter(body=body).select_related("person").order_by("start_date", "pk").first()
    )
    return membership.person if membership is not None else None


def _project(
    programme: Programme,
    spec: dict[str, Any],
    goals: dict[int, Goal],
    today: datetime.date,
    counter: _Counter,
) -> None:
    cooperation = programme.cooperation
    project = Project.objects.filter(programme=programme, slug=spec["slug"]).first()
    if project is None:
        body = Body.objects.filter(cooperation=cooperation, slug=spec.get("lead_body", "")).first()
        project = Project(
            programme=programme,
            slug=spec["slug"],
            title=spec["title"],
            kind=spec.get("kind", "project"),
            summary=spec.get("summary", ""),
            status=spec.get("status", "idea"),
            progress=spec.get("progress", 0),
            confidentiality=spec.get("confidentiality", "public"),
            lead_body=body,
            lead_member=Municipality.objects.filter(slug=spec.get("lead_member", "")).first(),
            lead_person=_lead_person(body),
            budget=decimal.Decimal(spec["budget"]) if spec.get("budget") else None,
            position=spec.get("position", ""),
            lobby_targets=spec.get("targets", ""),
            lobby_actions=spec.get("actions", ""),
            lobby_results=spec.get("results", ""),
        )
        project = services.project_save(
            project=project,
            by=None,
            goals=[goals[number] for number in spec.get("goals", []) if number in goals],
            participants=Municipality.objects.filter(slug__in=spec.get("participants", [])),
            partners=Organisation.objects.filter(slug__in=spec.get("partners", [])),
            channel=IMPORT,
        )
        dossiers = _dossiers(cooperation, spec.get("dossiers", []))
        if dossiers:
            services.project_link(project=project, by=None, dossiers=dossiers, channel=IMPORT)
        counter.add(True)
    for source, description, amount in spec.get("funding", []):
        if not FundingLine.objects.filter(project=project, source=source, description=description).exists():
            line = FundingLine(
                project=project, source=source, description=description, amount=decimal.Decimal(amount)
            )
            services.funding_line_save(line=line, by=None, channel=IMPORT)
            counter.add(True)
    for offset, title, reached in spec.get("milestones", []):
        if not Milestone.objects.filter(project=project, title=title).exists():
            due = _day(today, offset, programme)
            milestone = Milestone(
                project=project, title=title, due_on=due, reached_on=due if reached else None
            )
            services.milestone_save(milestone=milestone, by=None, channel=IMPORT)
            counter.add(True)
    for name, unit, target, values in spec.get("indicators", []):
        indicator = Indicator.objects.filter(project=project, name=name).first()
        if indicator is None:
            indicator = services.indicator_save(
                indicator=Indicator(
                    project=project,
                    name=name,
                    unit=unit,
                    target=decimal.Decimal(target),
                    target_on=programme.end_date,
                ),
                by=None,
                channel=IMPORT,
            )
            counter.add(True)
        for offset, value in values:
            measured_on = _day(today, offset, programme)
            if not indicator.measurements.filter(measured_on=measured_on).exists():
                services.measurement_record(
                    indicator=indicator,
                    measured_on=measured_on,
                    value=decimal.Decimal(value),
                    by=None,
                    channel=IMPORT,
                )
                counter.add(True)
    for start, end, progress, text in spec.get("reports", []):
        period_start, period_end = _day(today, start, programme), _day(today, end, programme)
        if ProgressReport.objects.filter(project=project, period_end=period_end).exists():
            continue
        discussed = (
            AgendaItem.objects.filter(
                dossier__in=project.dossiers.all(),
                meeting__start__date__lte=period_end + datetime.timedelta(days=30),
            )
            .order_by("-meeting__start")
            .first()
        )
        report = ProgressReport(
            project=project,
            period_start=period_start,
            period_end=period_end,
            text=text,
            progress=progress,
            agenda_item=discussed,
        )
        services.progress_report_write(report=report, by=None, channel=IMPORT)
        counter.add(True)


def _event(
    programme: Programme,
    spec: dict[str, Any],
    themes: dict[str, Theme],
    today: datetime.date,
    counter: _Counter,
) -> None:
    day = _day(today, spec["offset"], programme)
    title = f"{spec['title']} {day.year}" if spec["kind"] == "regional-day" else spec["title"]
    event = Event.objects.filter(cooperation=programme.cooperation, title=title).first()
    if event is None:
        event = services.event_save(
            event=Event(
                cooperation=programme.cooperation,
                programme=programme,
                theme=themes.get(spec["theme"]),
                kind=spec["kind"],
                title=title,
                date=day,
                location=spec["location"],
                report=spec["report"],
            ),
            by=None,
            channel=IMPORT,
        )
        counter.add(True)
    for video_title, url in spec["videos"]:
        if not VideoLink.objects.filter(event=event, url=url).exists():
            services.video_link_save(
                video=VideoLink(event=event, title=video_title, url=url), by=None, channel=IMPORT
            )
            counter.add(True)
