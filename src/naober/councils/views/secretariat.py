"""The secretariat's pages for consultation rounds: open from a dossier, the matrix, outcomes, the
reactienota; and the information memo of a meeting. Editors of the cooperation only (404 otherwise)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from naober.access.viewer import viewer_from_request
from naober.councils import memo as memo_services
from naober.councils import response as response_services
from naober.councils import selectors, services
from naober.councils.forms import MemoForm, OutcomeForm, PlanForm, RoundOpenForm
from naober.councils.models import ConsultationRound, InformationMemo, RoundMember
from naober.councils.views.common import error_text, form_errors, upload_of
from naober.registry.models import Cooperation
from naober.secretariat.selectors import cooperation_for_editor, dossier_for_editor, meeting_for_editor


def _round(request: HttpRequest, cooperation: str, pk: int) -> tuple[Cooperation, ConsultationRound]:
    coop = cooperation_for_editor(user=request.user, slug=cooperation)
    return coop, selectors.round_for_editor(viewer=viewer_from_request(request), cooperation=coop, pk=pk)


def _round_url(item: ConsultationRound) -> str:
    return reverse("councils:round", args=[item.cooperation.slug, item.pk])


@login_required
@require_safe
def round_list(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = cooperation_for_editor(user=request.user, slug=cooperation)
    rounds = selectors.round_list_for_editor(viewer=viewer_from_request(request), cooperation=coop)
    return render(
        request,
        "councils/round_list.html",
        {"cooperation": coop, "rounds": rounds, "today": timezone.localdate(), "crumb": _("Council rounds")},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def round_new(request: HttpRequest, cooperation: str, dossier: int) -> HttpResponse:
    coop = cooperation_for_editor(user=request.user, slug=cooperation)
    found = dossier_for_editor(viewer=viewer_from_request(request), cooperation=coop, pk=dossier)
    today = timezone.localdate()
    proposed = services.topic_municipalities_on(dossier=found, on=today)
    form = RoundOpenForm(
        request.POST or None,
        request.FILES or None,
        municipalities=services.member_municipalities_on(cooperation=coop, on=today),
        initial={"sent_on": today, "members": proposed},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                opened = services.round_open(
                    dossier=found,
                    kind=data["kind"],
                    sent_on=data["sent_on"],
                    deadline=data["deadline"],
                    members=list(data["members"]),
                    addressee=data["addressee"],
                    regional_text=data["regional_text"],
                    note=data["note"],
                    regional_document=upload_of(data["regional_document"]),
                    by=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error_text(error))
            else:
                messages.success(request, _("The round has been opened and sent to the councils."))
                return redirect(_round_url(opened))
        status = 422
    return render(
        request,
        "councils/round_new.html",
        {"cooperation": coop, "dossier": found, "form": form, "crumb": _("Open a council round")},
        status=status,
    )


def regional_document_response(item: ConsultationRound) -> FileResponse:
    if not item.regional_document:
        raise Http404
    name = (item.regional_document.name or "voorstel").rsplit("/", 1)[-1]
    response = FileResponse(item.regional_document.open("rb"), as_attachment=True, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_safe
def round_document(request: HttpRequest, cooperation: str, pk: int) -> FileResponse:
    _coop, item = _round(request, cooperation, pk)
    return regional_document_response(item)


@login_required
@require_safe
def round_detail(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    coop, item = _round(request, cooperation, pk)
    view = selectors.round_view(consultation_round=item, today=timezone.localdate())
    return render(
        request,
        "councils/round.html",
        {
            "cooperation": coop,
            "view": view,
            "round": item,
            "outcome_form": OutcomeForm(initial={"decided_on": timezone.localdate()}),
            "response": getattr(item, "response", None) if hasattr(item, "response") else None,
            "crumb": f"{item.dossier.reference} — {item.get_kind_display()}",
        },
    )


def _member(item: ConsultationRound, request: HttpRequest) -> RoundMember:
    member = (
        item.members.select_related("municipality", "round")
        .filter(pk=request.POST.get("member") or 0)
        .first()
    )
    if member is None:
        raise ValidationError(_("Choose a member of this round."))
    return member


@login_required
@require_POST
def member_outcome(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    _coop, item = _round(request, cooperation, pk)
    form = OutcomeForm(request.POST, request.FILES)
    try:
        member = _member(item, request)
        if not form.is_valid():
            raise ValidationError(form_errors(form))
        data = form.cleaned_data
        services.outcome_record(
            member=member,
            outcome=data["outcome"],
            decided_on=data["decided_on"],
            text=data["text"],
            document=upload_of(data["document"]),
            correction_reason=data["correction_reason"],
            by=request.user,
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect(_round_url(item))
    messages.success(
        request, _("Outcome of %(municipality)s recorded.") % {"municipality": member.municipality.name}
    )
    return redirect(_round_url(item))


@login_required
@require_POST
def member_plan(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    _coop, item = _round(request, cooperation, pk)
    form = PlanForm(request.POST)
    try:
        member = _member(item, request)
        if not form.is_valid():
            raise ValidationError(form_errors(form))
        services.member_plan(
            member=member, planned_council_date=form.cleaned_data["planned_council_date"], by=request.user
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Planned council date saved."))
    return redirect(_round_url(item))


@login_required
@require_POST
def round_close(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    _coop, item = _round(request, cooperation, pk)
    try:
        services.round_close(consultation_round=item, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The round is closed."))
    return redirect(_round_url(item))


@login_required
@require_POST
def response_save(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    _coop, item = _round(request, cooperation, pk)
    answers: dict[int, str] = {}
    for key in request.POST:
        if key.startswith("answer-") and key[7:].isdigit():
            answers[int(key[7:])] = request.POST.get(key, "")
    try:
        response_services.response_save(
            consultation_round=item,
            introduction=request.POST.get("introduction", ""),
            answers=answers,
            by=request.user,
        )
        if request.POST.get("send"):
            response_services.response_send(consultation_round=item, by=request.user)
            messages.success(request, _("The response has been sent to the councils."))
        else:
            messages.success(request, _("Response saved."))
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect(_round_url(item) + "#response")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def memo_edit(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    coop = cooperation_for_editor(user=request.user, slug=cooperation)
    meeting = meeting_for_editor(user=request.user, cooperation=coop, pk=pk)
    memo: InformationMemo | None = InformationMemo.objects.filter(meeting=meeting).first()
    form = MemoForm(
        request.POST or None, initial={"subject": memo.subject, "text": memo.text} if memo else None
    )
    status = 200
    try:
        if request.method == "POST":
            if request.POST.get("action") == "draft":
                memo = memo_services.memo_draft(meeting=meeting, by=request.user)
                return redirect(request.path)
            if memo is None:
                raise ValidationError(_("Draft the memo first."))
            if not form.is_valid():
                raise ValidationError(form_errors(form))
            memo = memo_services.memo_update(
                memo=memo,
                subject=form.cleaned_data["subject"],
                text=form.cleaned_data["text"],
                by=request.user,
            )
            if request.POST.get("action") == "send":
                skipped = memo_services.memo_send(memo=memo, by=request.user)
                messages.success(request, _("The memo has been sent to the member councils."))
                if skipped:
                    messages.warning(
                        request,
                        _("No council address for: %(names)s.") % {"names": ", ".join(skipped)},
                    )
            else:
                messages.success(request, _("Memo saved."))
            return redirect(request.path)
    except ValidationError as error:
        messages.error(request, error_text(error))
        status = 422
    deliveries = list(memo.deliveries.select_related("municipality")) if memo else []
    return render(
        request,
        "councils/memo.html",
        {
            "cooperation": coop,
            "meeting": meeting,
            "memo": memo,
            "form": form,
            "deliveries": deliveries,
            "crumb": _("Information memo"),
        },
        status=status,
    )
