"""The roles page of a cooperation: its administrators grant and revoke roles, invite new accounts and link
accounts to the people in its bodies. Everyone else gets a 404, as if the page did not exist."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from naober.access.models import MunicipalityRole
from naober.access.roles import (
    clerk_revoke,
    person_link,
    person_unlink,
    role_grant_to,
    role_revoke,
    user_find,
)
from naober.access.selectors import (
    cooperation_for_admin,
    linkable_persons,
    participant_municipalities,
    role_overview,
)
from naober.access.viewer import viewer_from_request
from naober.accounts.models import CooperationRole
from naober.registry.models import Cooperation
from naober.secretariat.forms_access import GrantForm, LinkForm
from naober.secretariat.views.common import error_text, form_errors


def _cooperation(request: HttpRequest, slug: str) -> Cooperation:
    return cooperation_for_admin(viewer=viewer_from_request(request), slug=slug)


def _back(cooperation: Cooperation) -> HttpResponseRedirect:
    return redirect(reverse("secretariat:roles", args=[cooperation.slug]))


@login_required
@require_safe
def roles(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = _cooperation(request, cooperation)
    context = {
        "cooperation": coop,
        "rows": role_overview(cooperation=coop),
        "grant_form": GrantForm(cooperation=coop),
        "link_form": LinkForm(cooperation=coop),
        "persons": linkable_persons(cooperation=coop),
        "crumb": _("Roles"),
    }
    return render(request, "secretariat/roles.html", context)


@login_required
@require_POST
def role_grant_view(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = _cooperation(request, cooperation)
    form = GrantForm(request.POST, cooperation=coop)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return _back(coop)
    data = form.cleaned_data
    try:
        user, invited = role_grant_to(
            cooperation=coop,
            identifier=data["identifier"],
            role=data["role"],
            municipality=data["municipality"],
            by=request.user,
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        if invited:
            messages.success(
                request, _("Account %(user)s created and invited by e-mail.") % {"user": user.get_username()}
            )
        else:
            messages.success(request, _("Role granted to %(user)s.") % {"user": user.get_username()})
    return _back(coop)


@login_required
@require_POST
def role_revoke_view(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    coop = _cooperation(request, cooperation)
    role = CooperationRole.objects.filter(pk=pk, cooperation=coop).select_related("user").first()
    if role is None:
        raise Http404
    try:
        role_revoke(role=role, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Role revoked from %(user)s.") % {"user": role.user.get_username()})
    return _back(coop)


@login_required
@require_POST
def clerk_revoke_view(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    coop = _cooperation(request, cooperation)
    role = (
        MunicipalityRole.objects.filter(pk=pk, municipality__in=participant_municipalities(cooperation=coop))
        .select_related("user")
        .first()
    )
    if role is None:
        raise Http404
    clerk_revoke(role=role, by=request.user)
    messages.success(request, _("Role revoked from %(user)s.") % {"user": role.user.get_username()})
    return _back(coop)


@login_required
@require_POST
def person_link_view(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = _cooperation(request, cooperation)
    form = LinkForm(request.POST, cooperation=coop)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return _back(coop)
    user = user_find(identifier=form.cleaned_data["identifier"])
    if user is None:
        messages.error(request, _("No account with this user name or e-mail address."))
        return _back(coop)
    person = form.cleaned_data["person"]
    try:
        person_link(cooperation=coop, person=person, user=user, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("%(user)s is linked to %(person)s.") % {"user": user.get_username(), "person": person.name},
        )
    return _back(coop)


@login_required
@require_POST
def person_unlink_view(request: HttpRequest, cooperation: str, pk: int) -> HttpResponse:
    coop = _cooperation(request, cooperation)
    person = linkable_persons(cooperation=coop).filter(pk=pk, user__isnull=False).first()
    if person is None:
        raise Http404
    try:
        person_unlink(cooperation=coop, person=person, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request, _("%(person)s is no longer linked to an account.") % {"person": person.name}
        )
    return _back(coop)
