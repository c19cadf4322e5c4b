"""Who may see which programme, project and event of the strategic agenda.

Programmes, projects and events are public unless marked confidential. Confidential ones are seen by the
cooperation's editors (and administrators) and platform administrators; a confidential project also by the
members (not guests, today) of its lead body. A project inside a confidential programme is as closed as the
programme. What a project *links to* — dossiers, decisions, the agenda item where a report was discussed —
is shown only as `naober.access.rules` allows the same viewer, so a public project never opens a closed
dossier or decision.
"""

from __future__ import annotations

from django.db.models import Q

from naober.access.viewer import Viewer
from naober.core.models import Confidentiality

PUBLIC = Confidentiality.PUBLIC


def _editor(viewer: Viewer, cooperation_field: str) -> Q:
    if viewer.is_platform_admin:
        return Q(pk__isnull=False)
    return Q(**{f"{cooperation_field}__in": sorted(viewer.editor_cooperation_ids)})


def programmes_visible_q(viewer: Viewer, p: str = "") -> Q:
    return Q(**{f"{p}confidentiality": PUBLIC}) | _editor(viewer, f"{p}cooperation_id")


def projects_visible_q(viewer: Viewer, p: str = "") -> Q:
    open_project = Q(**{f"{p}confidentiality": PUBLIC})
    members = sorted(viewer.member_body_ids)
    if members:
        open_project |= Q(**{f"{p}lead_body_id__in": members})
    open_programme = Q(**{f"{p}programme__confidentiality": PUBLIC})
    return (open_project & open_programme) | _editor(viewer, f"{p}programme__cooperation_id")


def events_visible_q(viewer: Viewer, p: str = "") -> Q:
    open_event = Q(**{f"{p}confidentiality": PUBLIC}) & (
        Q(**{f"{p}programme__isnull": True}) | Q(**{f"{p}programme__confidentiality": PUBLIC})
    )
    return open_event | _editor(viewer, f"{p}cooperation_id")


def attachments_visible_q(viewer: Viewer) -> Q:
    return (Q(project__isnull=False) & projects_visible_q(viewer, "project__")) | (
        Q(event__isnull=False) & events_visible_q(viewer, "event__")
    )
