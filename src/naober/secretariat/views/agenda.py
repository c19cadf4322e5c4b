"""Composing the agenda, one POST per change; each answers with the refreshed agenda (htmx) or a redirect."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naober.access.rules import agenda_items_visible_q
from naober.access.viewer import viewer_from_request
from naober.core.models import Confidentiality
from naober.meetings.models import AgendaItem, Meeting
from naober.meetings.services.agenda import (
    agenda_item_add,
    agenda_item_forward,
    agenda_item_move,
    agenda_item_remove,
    agenda_item_update,
    agenda_items_in_order,
    agenda_reorder,
)
from naober.meetings.services.decisions import decision_record
from naober.secretariat import selectors
from naober.secretariat.forms import AgendaItemEditForm, AgendaItemForm, DecisionForm, ForwardForm, MoveForm
from naober.secretariat.views.common import agenda_response, form_errors, run_agenda_change


def _meeting(request: HttpRequest, cooperation: str, pk: int) -> Meeting:
    coop = selectors.cooperation_for_editor(user=request.user, slug=cooperation)
    return selectors.meeting_for_editor(user=request.user, cooperation=coop, pk=pk)


def _item(request: HttpRequest, meeting: Meeting, item_id: int) -> AgendaItem:
    """The item, or 404 — also when it is secret and the editor is no recipient."""
    item = (
        AgendaItem.objects.filter(
            agenda_items_visible_q(viewer_from_request(request)), pk=item_id, meeting=meeting
        )
        .select_related("meeting", "dossier")
        .first()
    )
    if item is None:
        raise Http404
    return item


def _invalid(request: HttpRequest, meeting: Meeting, form: object) -> HttpResponse:
    return run_agenda_change(request, meeting, lambda: _raise(form_errors(form)), "")


def _raise(message: str) -> None:
    from django.core.exceptions import ValidationError

    raise ValidationError(message)


@login_required
@require_POST
def item_add(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, cooperation, pk)
    form = AgendaItemForm(request.POST)
    if not form.is_valid():
        return _invalid(request, meeting, form)
    data = form.cleaned_data
    parent = _item(request, meeting, data["parent"]) if data.get("parent") else None
    return run_agenda_change(
        request,
        meeting,
        lambda: agenda_item_add(
            meeting=meeting,
            title=data["title"],
            kind=data["kind"],
            confidentiality=data["confidentiality"],
            description=data["description"],
            parent=parent,
            expected_version=data["version"],
            by=request.user,
        ),
        _("Item added."),
    )


@login_required
@require_POST
def item_edit(request: HttpRequest, cooperation: str, pk: int, item: int) -> HttpResponse:
    meeting = _meeting(request, cooperation, pk)
    agenda_item = _item(request, meeting, item)
    form = AgendaItemEditForm(request.POST)
    if not form.is_valid():
        return _invalid(request, meeting, form)
    data = form.cleaned_data
    return run_agenda_change(
        request,
        meeting,
        lambda: agenda_item_update(
            item=agenda_item,
            expected_version=data["version"],
            by=request.user,
            title=data["title"],
            kind=data["kind"],
            confidentiality=_level_after_edit(agenda_item, data["confidentiality"]),
            description=data["description"],
        ),
        _("Item changed."),
    )


@login_required
@require_POST
def item_shift(request: HttpRequest, cooperation: str, pk: int, item: int, direction: str) -> HttpResponse:
    """Move a top-level item one place up or down (keyboard-friendly reordering)."""
    meeting = _meeting(request, cooperation, pk)
    agenda_item = _item(request, meeting, item)
    version = _version(request)
    top = [other.pk for other in agenda_items_in_order(meeting) if other.parent_id is None]
    if agenda_item.pk not in top:
        return _invalid_message(request, meeting, _("Sub-items move with their item."))
    index = top.index(agenda_item.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(top):
        top[index], top[target] = top[target], top[index]
    return run_agenda_change(
        request,
        meeting,
        lambda: agenda_reorder(meeting=meeting, item_ids=top, expected_version=version, by=request.user),
        _("Agenda reordered."),
    )


@login_required
@require_POST
def item_remove(request: HttpRequest, cooperation: str, pk: int, item: int) -> HttpResponse:
    meeting = _meeting(request, cooperation, pk)
    agenda_item = _item(request, meeting, item)
    version = _version(request)
    return run_agenda_change(
        request,
        meeting,
        lambda: agenda_item_remove(item=agenda_item, expected_version=version, by=request.user),
        _("Item removed."),
    )


@login_required
@require_POST
def item_move(request: HttpRequest, cooperation: str, pk: int, item: int) -> HttpResponse:
    meeting = _meeting(request, cooperation, pk)
    agenda_item = _item(request, meeting, item)
    form = MoveForm(request.POST, meeting=meeting)
    if not form.is_valid():
        return _invalid(request, meeting, form)
    data = form.cleaned_data
    return run_agenda_change(
        request,
        meeting,
        lambda: agenda_item_move(
            item=agenda_item, to_meeting=data["to_meeting"], expected_version=data["version"], by=request.user
        ),
        _("Item moved."),
    )


@login_required
@require_POST
def item_forward(request: HttpRequest, cooperation: str, pk: int, item: int) -> HttpResponse:
    meeting = _meeting(request, cooperation, pk)
    agenda_item = _item(request, meeting, item)
    form = ForwardForm(request.POST, meeting=meeting)
    if not form.is_valid():
        return _invalid(request, meeting, form)
    data = form.cleaned_data
    return run_agenda_change(
        request,
        meeting,
        lambda: agenda_item_forward(
            item=agenda_item, to_body=data["to_body"], role=data["role"], by=request.user
        ),
        _("Item forwarded to %(body)s.") % {"body": data["to_body"].display_name},
    )


@login_required
@require_POST
def item_decide(request: HttpRequest, cooperation: str, pk: int, item: int) -> HttpResponse:
    meeting = _meeting(request, cooperation, pk)
    agenda_item = _item(request, meeting, item)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _invalid(request, meeting, form)
    data = form.cleaned_data
    return run_agenda_change(
        request,
        meeting,
        lambda: decision_record(
            item=agenda_item,
            outcome=data["outcome"],
            text=data["text"],
            votes=data["votes"],
            expected_version=data["version"],
            by=request.user,
        ),
        _("Decision recorded."),
    )


def _version(request: HttpRequest) -> int | None:
    value = request.POST.get("version", "")
    if not value.isdigit():
        raise BadRequest(_("The form is incomplete; reload the page."))
    return int(value)


def _invalid_message(request: HttpRequest, meeting: Meeting, message: str) -> HttpResponse:
    return agenda_response(request, meeting, status=422, error=message)


@login_required
@require_POST
def item_minutes(request: HttpRequest, cooperation: str, pk: int, item: int) -> HttpResponse:
    """The minutes of one item, written during or after the meeting."""
    meeting = _meeting(request, cooperation, pk)
    agenda_item = _item(request, meeting, item)
    version = _version(request)
    minutes = request.POST.get("minutes", "")
    return run_agenda_change(
        request,
        meeting,
        lambda: agenda_item_update(
            item=agenda_item, expected_version=version, by=request.user, minutes=minutes
        ),
        _("Minutes saved."),
    )


def _level_after_edit(item: AgendaItem, chosen: str) -> str:
    """Secrecy is imposed and lifted on its own form; the edit form leaves a secret item's level alone."""
    if item.confidentiality == Confidentiality.SECRET or not chosen:
        return item.confidentiality
    return chosen
