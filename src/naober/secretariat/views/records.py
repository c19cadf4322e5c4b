"""During and after the meeting: documents, attendance, actions, convening, decision list; and dossiers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from naober.access.rules import agenda_items_visible_q, documents_visible_q
from naober.access.viewer import viewer_from_request
from naober.governance.models import Person
from naober.meetings.models import Action, AgendaItem, AttendanceStatus, Document
from naober.meetings.services.concurrency import ConcurrencyConflict
from naober.meetings.services.decisions import action_complete, action_create, attendance_record
from naober.meetings.services.documents import document_add
from naober.registry.models import Municipality
from naober.secretariat import selectors
from naober.secretariat.forms import ActionForm, DocumentUploadForm
from naober.secretariat.views.common import error_text, form_errors, workspace_url


def _meeting(request: HttpRequest, cooperation: str, pk: int):  # type: ignore[no-untyped-def]
    coop = selectors.cooperation_for_editor(user=request.user, slug=cooperation)
    return selectors.meeting_for_editor(user=request.user, cooperation=coop, pk=pk)


@login_required
@require_POST
def document_upload(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, cooperation, pk)
    form = DocumentUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect(workspace_url(meeting) + "#documenten")
    data = form.cleaned_data
    item = None
    if data.get("agenda_item"):
        item = AgendaItem.objects.filter(
            agenda_items_visible_q(viewer_from_request(request)), pk=data["agenda_item"], meeting=meeting
        ).first()
        if item is None:
            raise Http404
    upload = data["file"]
    try:
        document_add(
            title=data["title"] or upload.name,
            filename=upload.name,
            content=upload.read(),
            meeting=meeting,
            agenda_item=item,
            kind=data["kind"],
            confidentiality=data["confidentiality"],
            by=request.user,
        )
    except ValidationError as error:
        messages.error(
            request,
            _("%(file)s was not added: %(reason)s") % {"file": upload.name, "reason": error_text(error)},
        )
    else:
        messages.success(request, _("%(file)s added.") % {"file": upload.name})
    return redirect(workspace_url(meeting) + (f"#item-{item.pk}" if item else "#documenten"))


@login_required
@require_POST
def attendance_save(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, cooperation, pk)
    members = selectors.meeting_workspace(meeting=meeting, viewer=viewer_from_request(request)).members
    valid = set(AttendanceStatus.values)
    people = {membership.person_id for membership in members}
    try:
        for membership in members:
            status = request.POST.get(f"attendance-{membership.person_id}", "")
            if not status:
                continue
            if status not in valid:
                raise ValidationError(_("Unknown attendance status."))
            replacement = None
            if status == AttendanceStatus.REPLACED:
                replaced_by = request.POST.get(f"replaced-by-{membership.person_id}", "")
                replacement = (
                    Person.objects.filter(pk=int(replaced_by)).first() if replaced_by.isdigit() else None
                )
                if (
                    replacement is None
                    or replacement.pk not in people
                    or replacement.pk == membership.person_id
                ):
                    raise ValidationError(
                        _("Choose who replaced %(name)s.") % {"name": membership.person.name}
                    )
            attendance_record(
                meeting=meeting,
                person=membership.person,
                status=status,
                replaced_by=replacement,
                by=request.user,
            )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Attendance saved."))
    return redirect(workspace_url(meeting) + "#aanwezigheid")


def _owner(value: str) -> Person | Municipality | None:
    kind, _sep, pk = value.partition(":")
    if not pk.isdigit():
        return None
    if kind == "person":
        return Person.objects.filter(pk=int(pk)).first()
    if kind == "municipality":
        return Municipality.objects.filter(pk=int(pk)).first()
    return None


@login_required
@require_POST
def action_add(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, cooperation, pk)
    form = ActionForm(request.POST, owners=selectors.action_owner_choices(meeting=meeting))
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect(workspace_url(meeting) + "#acties")
    data = form.cleaned_data
    origin = None
    if data.get("origin"):
        origin = AgendaItem.objects.filter(
            agenda_items_visible_q(viewer_from_request(request)), pk=data["origin"], meeting=meeting
        ).first()
        if origin is None:
            raise Http404
    try:
        action_create(
            body=meeting.body,
            description=data["description"],
            kind=data["kind"],
            owner=_owner(data["owner"]),
            due_date=data["due_date"],
            origin=origin,
            by=request.user,
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Action added."))
    return redirect(workspace_url(meeting) + "#acties")


@login_required
@require_POST
def action_done(request: HttpRequest, cooperation: str, pk: int, action: int) -> HttpResponse:
    meeting = _meeting(request, cooperation, pk)
    item = Action.objects.filter(pk=action, body__cooperation=meeting.cooperation).first()
    if item is None:
        raise Http404
    try:
        action_complete(action=item, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Action completed."))
    return redirect(workspace_url(meeting) + "#acties")


@login_required
@require_POST
def convene(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    from naober.meetings.services.convene import meeting_convene

    meeting = _meeting(request, cooperation, pk)
    version = request.POST.get("version", "")
    try:
        meeting_convene(
            meeting=meeting, expected_version=int(version) if version.isdigit() else None, by=request.user
        )
    except (ConcurrencyConflict, ValidationError) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Meeting convened: the invitations are being sent."))
    return redirect(workspace_url(meeting))


@login_required
@require_safe
def decision_list(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    from naober.meetings.services.decision_list import decision_list_context, decision_list_pdf

    meeting = _meeting(request, cooperation, pk)
    viewer = viewer_from_request(request)
    if request.GET.get("format") == "pdf":
        response = HttpResponse(
            decision_list_pdf(meeting=meeting, viewer=viewer), content_type="application/pdf"
        )
        filename = f"besluitenlijst-{meeting.body.slug}-{meeting.start:%Y-%m-%d}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    context = decision_list_context(meeting=meeting, viewer=viewer)
    return render(
        request,
        "secretariat/decision_list.html",
        {**context, "cooperation": meeting.cooperation, "meeting": meeting, "crumb": _("Decision list")},
    )


@login_required
@require_POST
def decision_list_publish_view(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    from naober.meetings.services.decision_list import decision_list_publish

    meeting = _meeting(request, cooperation, pk)
    try:
        decision_list_publish(meeting=meeting, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Decision list published."))
    return redirect(workspace_url(meeting))


@login_required
@require_safe
def dossier_detail(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    coop = selectors.cooperation_for_editor(user=request.user, slug=cooperation)
    viewer = viewer_from_request(request)
    dossier = selectors.dossier_for_editor(viewer=viewer, cooperation=coop, pk=pk)
    route = list(
        dossier.consultations.select_related(
            "body", "body__topic", "agenda_item", "agenda_item__meeting"
        ).order_by("position")
    )
    visible_items = set(
        AgendaItem.objects.filter(
            agenda_items_visible_q(viewer),
            pk__in=[step.agenda_item_id for step in route if step.agenda_item_id],
        ).values_list("pk", flat=True)
    )
    documents = Document.objects.filter(documents_visible_q(viewer), dossier=dossier).order_by("title")
    return render(
        request,
        "secretariat/dossier.html",
        {
            "cooperation": coop,
            "dossier": dossier,
            "route": route,
            "visible_items": visible_items,
            "documents": documents,
            "now": timezone.now(),
            "crumb": dossier.reference,
        },
    )


@login_required
@require_POST
def minutes_approve_view(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    """Approve, in this meeting, the minutes of the body's previous meeting."""
    from naober.meetings.services.decisions import minutes_approve

    meeting = _meeting(request, cooperation, pk)
    previous = selectors.previous_meeting_awaiting_minutes(meeting=meeting)
    if previous is None:
        raise Http404
    try:
        minutes_approve(meeting=previous, in_meeting=meeting, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("Minutes of %(date)s approved.")
            % {"date": date_format(timezone.localtime(previous.start).date(), "j F Y")},
        )
    return redirect(workspace_url(meeting))


@login_required
@require_safe
def action_list(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    """The body's action list as PDF, for the meeting's participants."""
    from naober.meetings.services.decision_list import action_list_pdf

    meeting = _meeting(request, cooperation, pk)
    response = HttpResponse(
        action_list_pdf(body=meeting.body, viewer=viewer_from_request(request)),
        content_type="application/pdf",
    )
    filename = f"actielijst-{meeting.body.slug}-{timezone.localdate():%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
