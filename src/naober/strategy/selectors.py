"""The read path of the strategic agenda: each page's data in a fixed number of queries, filtered for the
viewer by `naober.strategy.visibility` (programmes, projects, events) and `naober.access.rules` (the
dossiers, decisions and agenda items they link to)."""

from __future__ import annotations

import decimal
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from naober.access.rules import agenda_items_visible_q, dossiers_visible_q
from naober.access.viewer import Viewer
from naober.meetings.models import AgendaItem, Dossier
from naober.registry.models import Cooperation
from naober.strategy.charts import IndicatorChart, indicator_chart
from naober.strategy.models import (
    Attachment,
    Event,
    Goal,
    Indicator,
    Measurement,
    Programme,
    ProgressReport,
    Project,
    ProjectStatus,
    Theme,
)
from naober.strategy.visibility import (
    attachments_visible_q,
    events_visible_q,
    programmes_visible_q,
    projects_visible_q,
)

ITEM_RELATED = ("meeting", "meeting__cooperation", "meeting__body", "meeting__body__topic")


def programme_list(*, cooperation: Cooperation, viewer: Viewer) -> QuerySet[Programme]:
    return Programme.objects.filter(programmes_visible_q(viewer), cooperation=cooperation).order_by(
        "-start_date", "title"
    )


def programme_get(*, cooperation: Cooperation, viewer: Viewer, slug: str) -> Programme | None:
    return (
        programme_list(cooperation=cooperation, viewer=viewer)
        .select_related("cooperation")
        .filter(slug=slug)
        .first()
    )


def _projects(viewer: Viewer) -> QuerySet[Project]:
    return Project.objects.filter(projects_visible_q(viewer)).select_related(
        "lead_body", "lead_member", "programme"
    )


def _indicators() -> Prefetch[str]:
    return Prefetch(
        "indicators",
        queryset=Indicator.objects.prefetch_related(
            Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on"))
        ),
    )


@dataclass(frozen=True)
class GoalRow:
    goal: Goal
    projects: list[Project]


@dataclass(frozen=True)
class ThemeBlock:
    theme: Theme | None
    goals: list[GoalRow]


@dataclass(frozen=True)
class ProgrammePage:
    programme: Programme
    blocks: list[ThemeBlock]
    projects: list[Project]
    status_counts: list[tuple[str, str, int]]  # (status, label, count)
    charts: list[IndicatorChart]
    events: list[Event]
    goal_count: int


def programme_page(*, programme: Programme, viewer: Viewer) -> ProgrammePage:
    """Themes with their goals, the visible projects (by goal), status at a glance, indicator charts."""
    projects = list(
        _projects(viewer)
        .filter(programme=programme)
        .prefetch_related("goals", _indicators())
        .order_by("title")
    )
    by_goal: dict[int, list[Project]] = {}
    for project in projects:
        for goal in project.goals.all():
            by_goal.setdefault(goal.pk, []).append(project)
    goals = [
        GoalRow(goal, by_goal.get(goal.pk, []))
        for goal in Goal.objects.filter(programme=programme).order_by("number")
    ]
    themes = list(Theme.objects.filter(programme=programme).order_by("position", "name"))
    blocks = [ThemeBlock(theme, [row for row in goals if row.goal.theme_id == theme.pk]) for theme in themes]
    loose = [row for row in goals if row.goal.theme_id is None]
    if loose or not blocks:
        blocks.append(ThemeBlock(None, loose))
    counts = Counter(project.status for project in projects)
    status_counts = [(value, str(label), counts[value]) for value, label in ProjectStatus.choices]
    charts = [indicator_chart(indicator) for project in projects for indicator in project.indicators.all()]
    events = list(Event.objects.filter(events_visible_q(viewer), programme=programme).order_by("-date")[:5])
    return ProgrammePage(programme, blocks, projects, status_counts, charts, events, len(goals))


def goal_get(*, programme: Programme, pk: int) -> Goal | None:
    return Goal.objects.filter(programme=programme, pk=pk).select_related("theme").first()


def goal_projects(*, goal: Goal, viewer: Viewer) -> list[Project]:
    return list(_projects(viewer).filter(goals=goal).order_by("title"))


def project_get(*, programme: Programme, viewer: Viewer, slug: str) -> Project | None:
    return (
        _projects(viewer)
        .filter(programme=programme, slug=slug)
        .select_related("lead_person", "programme__cooperation")
        .prefetch_related(
            Prefetch("goals", queryset=Goal.objects.select_related("theme").order_by("number")),
            "participants",
            "partners",
            "funding_lines",
            "milestones",
            _indicators(),
        )
        .first()
    )


@dataclass
class ReportRow:
    report: ProgressReport
    item: AgendaItem | None = None


@dataclass
class ProjectPage:
    project: Project
    dossiers: list[Dossier]
    decisions: list[AgendaItem]
    reports: list[ReportRow]
    charts: list[IndicatorChart]
    attachments: list[Attachment]
    funding_total: decimal.Decimal


def project_decisions(*, project: Project, viewer: Viewer) -> list[AgendaItem]:
    """The decisions that carry the project: agenda items with an outcome, linked directly or on the route of
    one of its dossiers — only those the viewer may see."""
    dossier_ids = Project.dossiers.through.objects.filter(project_id=project.pk).values("dossier_id")
    direct = Project.decisions.through.objects.filter(project_id=project.pk).values("agendaitem_id")
    return list(
        AgendaItem.objects.filter(agenda_items_visible_q(viewer))
        .filter(Q(pk__in=direct) | Q(dossier_id__in=dossier_ids))
        .exclude(outcome="")
        .select_related(*ITEM_RELATED)
        .order_by("meeting__start", "position")
    )


def project_page(*, project: Project, viewer: Viewer) -> ProjectPage:
    dossiers = list(
        Dossier.objects.filter(dossiers_visible_q(viewer))
        .filter(pk__in=Project.dossiers.through.objects.filter(project_id=project.pk).values("dossier_id"))
        .select_related("cooperation", "topic")
        .order_by("reference")
    )
    reports = list(
        ProgressReport.objects.filter(project=project).select_related("author").order_by("-period_end", "-id")
    )
    item_ids = [report.agenda_item_id for report in reports if report.agenda_item_id]
    items = (
        {
            item.pk: item
            for item in AgendaItem.objects.filter(
                agenda_items_visible_q(viewer), pk__in=item_ids
            ).select_related(*ITEM_RELATED)
        }
        if item_ids
        else {}
    )
    rows = [ReportRow(report, items.get(report.agenda_item_id or 0)) for report in reports]
    attachments = list(Attachment.objects.filter(project=project).order_by("title"))
    charts = [indicator_chart(indicator) for indicator in project.indicators.all()]
    total = sum((line.amount for line in project.funding_lines.all()), start=decimal.Decimal(0))
    return ProjectPage(
        project=project,
        dossiers=dossiers,
        decisions=project_decisions(project=project, viewer=viewer),
        reports=rows,
        charts=charts,
        attachments=attachments,
        funding_total=total,
    )


def event_list(*, cooperation: Cooperation, viewer: Viewer) -> QuerySet[Event]:
    return (
        Event.objects.filter(events_visible_q(viewer), cooperation=cooperation)
        .select_related("programme", "theme")
        .order_by("-date", "title")
    )


def event_get(*, cooperation: Cooperation, viewer: Viewer, pk: int) -> Event | None:
    return (
        event_list(cooperation=cooperation, viewer=viewer)
        .filter(pk=pk)
        .prefetch_related("videos", Prefetch("attachments", queryset=Attachment.objects.order_by("title")))
        .first()
    )


def attachment_for_download(*, viewer: Viewer, cooperation: Cooperation, pk: int) -> Attachment | None:
    return (
        Attachment.objects.filter(attachments_visible_q(viewer), pk=pk)
        .filter(Q(project__programme__cooperation=cooperation) | Q(event__cooperation=cooperation))
        .first()
    )


# Traceability back: which goals and projects a decision or a dossier serves.


@dataclass(frozen=True)
class Served:
    project: Project
    goals: list[Goal]


def _served(projects: Iterable[Project]) -> list[Served]:
    return [Served(project, list(project.goals.all())) for project in projects]


def _serving_projects(viewer: Viewer, ids: Iterable[int]) -> dict[int, Project]:
    found = (
        _projects(viewer)
        .filter(pk__in=sorted(set(ids)))
        .select_related("programme__cooperation")
        .prefetch_related(Prefetch("goals", queryset=Goal.objects.order_by("number")))
    )
    return {project.pk: project for project in found}


def served_by_decisions(*, viewer: Viewer, items: Sequence[AgendaItem]) -> dict[int, list[Served]]:
    """For each decision (agenda item) the visible projects it serves, directly or through its dossier."""
    if not items:
        return {}
    direct = Project.decisions.through.objects.filter(agendaitem_id__in=[item.pk for item in items])
    dossier_ids = {item.dossier_id for item in items if item.dossier_id}
    via = Project.dossiers.through.objects.filter(dossier_id__in=sorted(dossier_ids))
    links: dict[int, set[int]] = {}
    for project_id, item_id in direct.values_list("project_id", "agendaitem_id"):
        links.setdefault(item_id, set()).add(project_id)
    by_dossier: dict[int, set[int]] = {}
    for project_id, dossier_id in via.values_list("project_id", "dossier_id") if dossier_ids else ():
        by_dossier.setdefault(dossier_id, set()).add(project_id)
    for item in items:
        if item.dossier_id in by_dossier:
            links.setdefault(item.pk, set()).update(by_dossier[item.dossier_id])
    if not links:
        return {}
    projects = _serving_projects(viewer, (pk for found in links.values() for pk in found))
    return {
        item_id: _served(projects[pk] for pk in sorted(found) if pk in projects)
        for item_id, found in links.items()
        if any(pk in projects for pk in found)
    }


def served_by_dossier(*, viewer: Viewer, dossier: Dossier) -> list[Served]:
    links = Project.dossiers.through.objects.filter(dossier_id=dossier.pk)
    projects = _serving_projects(viewer, [link.project_id for link in links.only("project_id")])
    return _served(sorted(projects.values(), key=lambda project: project.title))
