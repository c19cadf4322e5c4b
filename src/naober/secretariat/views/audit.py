"""The audit trail of a cooperation, for its administrators: the list, per object, per dossier and meeting.

Read-only by construction: every view answers GET and HEAD only (anything else is 405), and nothing here
writes. Everyone who is not an administrator of the cooperation (or a platform administrator) gets a 404.
"""

from __future__ import annotations

import logging
import zoneinfo
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from naober.access.viewer import viewer_from_request
from naober.core.models import AuditEntry
from naober.core.selectors import (
    Cursor,
    audit_actor_choices,
    audit_filtered,
    audit_object_type_choices,
    audit_page,
    audit_trail,
    object_type_label,
)
from naober.meetings.models import Dossier
from naober.registry.models import Cooperation
from naober.secretariat.audit.export import csv_lines, export_rows, xlsx_file
from naober.secretariat.audit.forms import AuditFilterForm
from naober.secretariat.audit.rows import HIDDEN, entry_rows
from naober.secretariat.audit.secrecy import hidden_entries, subject_hidden
from naober.secretariat.audit.selectors import (
    cooperation_for_auditor,
    dossier_history_keys,
    dossier_of,
    history_entries,
    meeting_history_keys,
    meeting_of,
)

logger = logging.getLogger(__name__)
PAGE_SIZE = 50
HISTORY_PAGE_SIZE = 100
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filter_form(request: HttpRequest, trail: QuerySet[AuditEntry]) -> AuditFilterForm:
    return AuditFilterForm(
        request.GET or None,
        object_types=audit_object_type_choices(trail),
        actors=audit_actor_choices(trail),
    )


def _filter_query(request: HttpRequest) -> str:
    """The filters of the current request as a query string, without the page cursor."""
    pairs = [(key, str(value)) for key, value in request.GET.items() if key != "na" and value]
    return urlencode(pairs)


def _page(request: HttpRequest, entries: QuerySet[AuditEntry], *, size: int) -> dict[str, Any]:
    """One page of `entries` with the links to the first and the next page, filters kept."""
    after = Cursor.decode(request.GET.get("na", ""))
    rows, following = audit_page(entries, after=after, size=size)
    base = _filter_query(request)

    def link(*parts: str) -> str:
        query = "&".join(part for part in parts if part)
        return f"{request.path}?{query}" if query else request.path

    return {
        "entries": rows,
        "first_page": link(base) if after is not None else "",
        "next_page": link(base, urlencode({"na": following.encode()})) if following is not None else "",
    }


@login_required
@require_safe
def audit_list(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = cooperation_for_auditor(user=request.user, slug=cooperation)
    trail = audit_trail(cooperation_id=coop.pk)
    form = _filter_form(request, trail)
    criteria = form.criteria()
    page = _page(request, audit_filtered(trail, criteria=criteria, time_zone=coop.time_zone), size=PAGE_SIZE)
    rows = entry_rows(viewer=viewer_from_request(request), entries=page["entries"], time_zone=coop.time_zone)
    if criteria.text:
        # A secret object's name is no answer to a search: hide that it matched at all.
        rows = [row for row in rows if not row.hidden]
    return render(
        request,
        "secretariat/audit.html",
        {
            **page,
            "cooperation": coop,
            "form": form,
            "rows": rows,
            "filtered": criteria.active,
            "query": _filter_query(request),
            "crumb": _("Audit trail"),
        },
    )


@login_required
@require_safe
def audit_export(request: HttpRequest, cooperation: str, fmt: str) -> HttpResponseBase:
    """The filtered list as CSV or XLSX, every entry of it, newest first."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    coop = cooperation_for_auditor(user=request.user, slug=cooperation)
    trail = audit_trail(cooperation_id=coop.pk)
    criteria = _filter_form(request, trail).criteria()
    entries = audit_filtered(trail, criteria=criteria, time_zone=coop.time_zone)
    rows = export_rows(
        viewer=viewer_from_request(request),
        entries=entries,
        time_zone=coop.time_zone,
        drop_hidden=bool(criteria.text),
    )
    today = timezone.localdate(timezone=zoneinfo.ZoneInfo(coop.time_zone))
    filename = f"audit-{coop.slug}-{today:%Y-%m-%d}.{fmt}"
    logger.info("audit trail export (%s) of cooperation %s by user %s", fmt, coop.pk, request.user.pk)
    response: HttpResponseBase
    if fmt == "csv":
        response = StreamingHttpResponse(csv_lines(rows), content_type="text/csv; charset=utf-8")
    else:
        response = FileResponse(xlsx_file(rows, title=_("Audit trail")), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _history(
    request: HttpRequest,
    coop: Cooperation,
    entries: QuerySet[AuditEntry],
    *,
    title: str,
    heading: str,
    back: str,
) -> HttpResponse:
    page = _page(request, entries, size=HISTORY_PAGE_SIZE)
    rows = entry_rows(
        viewer=viewer_from_request(request), entries=page["entries"], time_zone=coop.time_zone, detailed=True
    )
    return render(
        request,
        "secretariat/audit_history.html",
        {
            **page,
            "cooperation": coop,
            "rows": rows,
            "title": title,
            "heading": heading,
            "back": back,
            "crumb": title,
        },
    )


@login_required
@require_safe
def audit_object(request: HttpRequest, cooperation: str, object_type: str, object_id: str) -> HttpResponse:
    """Every entry of one object, with its changes field by field."""
    coop = cooperation_for_auditor(user=request.user, slug=cooperation)
    entries = history_entries(cooperation=coop, keys={(object_type, object_id)})
    latest = entries.order_by("-at", "-id").first()
    if latest is None:
        raise Http404
    hidden = hidden_entries(viewer=viewer_from_request(request), entries=[latest])
    name = str(HIDDEN) if hidden else latest.object_repr
    label = object_type_label(object_type)
    return _history(
        request,
        coop,
        entries,
        title=_("History of %(object)s") % {"object": name},
        heading=f"{label[:1].upper()}{label[1:]} · {name}",
        back=reverse("secretariat:audit", args=[coop.slug]),
    )


@login_required
@require_safe
def audit_dossier(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    """The full history of a dossier along its route: steps, agenda items, decisions, documents."""
    coop = cooperation_for_auditor(user=request.user, slug=cooperation)
    dossier = dossier_of(cooperation=coop, pk=pk)
    entries = history_entries(cooperation=coop, keys=dossier_history_keys(dossier=dossier))
    secret = subject_hidden(
        viewer=viewer_from_request(request), key=(Dossier._meta.label_lower, str(dossier.pk))
    )
    return _history(
        request,
        coop,
        entries,
        title=_("History of dossier %(reference)s") % {"reference": dossier.reference},
        heading=f"{dossier.reference} {HIDDEN if secret else dossier.title}",
        back=reverse("secretariat:dossier", args=[coop.slug, dossier.pk]),
    )


@login_required
@require_safe
def audit_meeting(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    """The history of a meeting: the meeting, its agenda items, documents, attendance and actions."""
    coop = cooperation_for_auditor(user=request.user, slug=cooperation)
    meeting = meeting_of(cooperation=coop, pk=pk)
    entries = history_entries(cooperation=coop, keys=meeting_history_keys(meeting=meeting))
    start = meeting.start.astimezone(zoneinfo.ZoneInfo(coop.time_zone))
    return _history(
        request,
        coop,
        entries,
        title=_("History of the meeting"),
        heading=f"{meeting.display_title}, {date_format(start, 'j F Y')}",
        back=reverse("secretariat:meeting", args=[coop.slug, meeting.pk]),
    )
