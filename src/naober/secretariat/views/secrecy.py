"""Imposing and lifting secrecy on an agenda item. Only those who may see the item reach these pages: for a
secret item that means its recipients; everyone else gets a 404, like for an item that does not exist."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from naober.access.rules import agenda_items_visible_q
from naober.access.secrecy import secrecy_impose, secrecy_lift, secrecy_of
from naober.access.viewer import viewer_from_request
from naober.meetings.models import AgendaItem, Meeting
from naober.secretariat import selectors
from naober.secretariat.forms_access import LiftForm, SecrecyForm
from naober.secretariat.views.common import error_text, workspace_url


def _meeting_and_item(
    request: HttpRequest, cooperation: str, pk: int, item: int
) -> tuple[Meeting, AgendaItem]:
    coop = selectors.cooperation_for_editor(user=request.user, slug=cooperation)
    meeting = selectors.meeting_for_editor(user=request.user, cooperation=coop, pk=pk)
    agenda_item = (
        AgendaItem.objects.filter(
            agenda_items_visible_q(viewer_from_request(request)), pk=item, meeting=meeting
        )
        .select_related("meeting", "meeting__cooperation")
        .first()
    )
    if agenda_item is None:
        raise Http404
    return meeting, agenda_item


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def item_secrecy(request: HttpRequest, cooperation: str, pk: int, item: int) -> HttpResponse:
    meeting, agenda_item = _meeting_and_item(request, cooperation, pk, item)
    secrecy = secrecy_of(agenda_item)
    active = secrecy is not None and secrecy.is_active(on=timezone.localdate())
    initial = {}
    if secrecy is not None and active:
        initial = {
            "imposed_by": secrecy.imposed_by_id,
            "legal_ground": secrecy.legal_ground,
            "ground_text": secrecy.ground_text,
            "recipients": list(secrecy.recipients.values_list("pk", flat=True)),
            "lift_on": secrecy.lift_on,
        }
    else:
        initial = {"imposed_by": meeting.body_id}
    form = SecrecyForm(request.POST or None, cooperation=meeting.cooperation, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            secrecy_impose(
                item=agenda_item,
                imposed_by=data["imposed_by"],
                legal_ground=data["legal_ground"],
                ground_text=data["ground_text"],
                recipients=list(data["recipients"]),
                lift_on=data["lift_on"],
                imposed_on=secrecy.imposed_on if secrecy is not None and active else None,
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("Secrecy recorded."))
            return redirect(workspace_url(meeting) + f"#item-{agenda_item.pk}")
    context = {
        "cooperation": meeting.cooperation,
        "meeting": meeting,
        "item": agenda_item,
        "secrecy": secrecy if active else None,
        "recipients": list(secrecy.recipients.order_by("username")) if secrecy is not None and active else [],
        "form": form,
        "lift_form": LiftForm(cooperation=meeting.cooperation, initial={"lifted_by": meeting.body_id}),
        "crumb": _("Secrecy"),
    }
    return render(
        request, "secretariat/secrecy.html", context, status=422 if request.method == "POST" else 200
    )


@login_required
@require_POST
def item_secrecy_lift(request: HttpRequest, cooperation: str, pk: int, item: int) -> HttpResponse:
    meeting, agenda_item = _meeting_and_item(request, cooperation, pk, item)
    secrecy = secrecy_of(agenda_item)
    if secrecy is None:
        raise Http404
    form = LiftForm(request.POST, cooperation=meeting.cooperation)
    if not form.is_valid():
        messages.error(request, _("Choose the body that lifts the secrecy."))
        return redirect(workspace_url(meeting) + f"#item-{agenda_item.pk}")
    try:
        secrecy_lift(secrecy=secrecy, lifted_by=form.cleaned_data["lifted_by"], by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Secrecy lifted: the item is confidential now."))
    return redirect(workspace_url(meeting) + f"#item-{agenda_item.pk}")
