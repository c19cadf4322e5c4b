"""The OParl endpoints: thin views over `selectors`, `lists` and `serialize`.

Every object answers at exactly one URL (`ids`); other spellings of it (a trailing slash, leading zeros)
answer 301 to that URL. Unknown or invisible objects are a 404 with the OParl error object.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Max, Min
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.councils.oparl import public_council_step
from naober.meetings.models import Dossier
from naober.oparl import ids, selectors
from naober.oparl.errors import NotFound, OparlError
from naober.oparl.lists import (
    body_sources,
    cooperation_sources,
    render_consultations,
    render_files,
    render_items,
    render_meetings,
    render_memberships,
    render_papers,
    render_persons,
)
from naober.oparl.paging import list_json, page
from naober.oparl.params import list_params
from naober.oparl.responses import canonical_redirect, json_response, oparl_view, redirect
from naober.oparl.serialize.base import Json
from naober.oparl.serialize.bodies import (
    body_json,
    body_organization_json,
    municipality_json,
    partner_json,
    system_json,
    term_json,
)
from naober.oparl.serialize.meetings import location_json
from naober.oparl.serialize.papers import council_consultation_json
from naober.oparl.terms import term_by_year
from naober.registry.models import Cooperation


def _object(request: HttpRequest, url: str, build: Any) -> HttpResponse:
    moved = canonical_redirect(request, url)
    if moved is not None:
        return moved
    data = build()
    if data is None:
        raise NotFound()
    return json_response(data)


def _first(rows: list[Json]) -> Json | None:
    return rows[0] if rows else None


def _cooperation(pk: str) -> Cooperation:
    found = selectors.cooperations().filter(pk=int(pk)).first()
    if found is None:
        raise NotFound()
    return found


@oparl_view
def system(request: HttpRequest) -> HttpResponse:
    moved = canonical_redirect(request, ids.system())
    if moved is not None:
        return moved
    moments = Cooperation.objects.aggregate(created=Min("created"), modified=Max("modified"))
    now = timezone.now()
    return json_response(
        system_json(created=moments["created"] or now, modified=moments["modified"] or now, name="naober")
    )


def _list(request: HttpRequest, url: str, sources: Any, kind: str = "") -> HttpResponse:
    moved = canonical_redirect(request, url, keep_query=True)
    if moved is not None:
        return moved
    params = list_params(request.GET, kind=kind)
    return json_response(list_json(url, params, page(sources(params), params)))


@oparl_view
def body_list(request: HttpRequest) -> HttpResponse:
    return _list(request, ids.bodies(), body_sources)


@oparl_view
def body(request: HttpRequest, pk: str) -> HttpResponse:
    cooperation = _cooperation(pk)
    return _object(request, ids.body(cooperation.pk), lambda: body_json(cooperation))


@oparl_view
def body_sublist(request: HttpRequest, pk: str, name: str) -> HttpResponse:
    if name not in ids.BODY_LISTS:
        raise NotFound()
    cooperation = _cooperation(pk)
    return _list(
        request,
        ids.body_list(cooperation.pk, name),
        lambda params: cooperation_sources(cooperation, name, params),
        name,
    )


@oparl_view
def organization(request: HttpRequest, pk: str) -> HttpResponse:
    found = selectors.bodies().filter(pk=int(pk)).first()
    return _object(request, ids.organization(int(pk)), lambda: found and body_organization_json(found))


@oparl_view
def municipality(request: HttpRequest, body_pk: str, pk: str) -> HttpResponse:
    cooperation = _cooperation(body_pk)
    found = selectors.municipalities(cooperation_id=cooperation.pk).filter(pk=int(pk)).first()
    return _object(
        request,
        ids.municipality(cooperation.pk, int(pk)),
        lambda: found and municipality_json(cooperation, found),
    )


@oparl_view
def partner(request: HttpRequest, body_pk: str, pk: str) -> HttpResponse:
    cooperation = _cooperation(body_pk)
    found = selectors.partners(cooperation_id=cooperation.pk).filter(pk=int(pk)).first()
    return _object(
        request, ids.partner(cooperation.pk, int(pk)), lambda: found and partner_json(cooperation, found)
    )


@oparl_view
def person(request: HttpRequest, body_pk: str, pk: str) -> HttpResponse:
    cooperation = _cooperation(body_pk)
    found = selectors.persons(cooperation_id=cooperation.pk).filter(pk=int(pk)).first()
    return _object(
        request,
        ids.person(cooperation.pk, int(pk)),
        lambda: found and render_persons(cooperation, [found])[0],
    )


@oparl_view
def legislative_term(request: HttpRequest, body_pk: str, year: str) -> HttpResponse:
    cooperation = _cooperation(body_pk)
    term = term_by_year(cooperation, int(year))
    return _object(
        request,
        ids.legislative_term(cooperation.pk, int(year)),
        lambda: term and term_json(cooperation, term),
    )


@oparl_view
def membership(request: HttpRequest, pk: str) -> HttpResponse:
    found = selectors.memberships().filter(pk=int(pk)).first()
    return _object(
        request,
        ids.membership(int(pk)),
        lambda: found and render_memberships(found.body.cooperation_id, [found])[0],
    )


@oparl_view
def meeting(request: HttpRequest, pk: str) -> HttpResponse:
    rows = list(selectors.meetings().filter(pk=int(pk)))
    return _object(request, ids.meeting(int(pk)), lambda: _first(render_meetings(rows)))


@oparl_view
def location(request: HttpRequest, pk: str) -> HttpResponse:
    found = selectors.located_meetings().filter(pk=int(pk)).first()
    return _object(request, ids.location(int(pk)), lambda: found and location_json(found))


@oparl_view
def agenda_item(request: HttpRequest, pk: str) -> HttpResponse:
    rows = list(selectors.agenda_items().filter(pk=int(pk)))
    return _object(request, ids.agenda_item(int(pk)), lambda: _first(render_items(rows)))


@oparl_view
def paper(request: HttpRequest, pk: str) -> HttpResponse:
    rows = list(selectors.papers().filter(pk=int(pk)))
    return _object(request, ids.paper(int(pk)), lambda: _first(render_papers(rows)))


@oparl_view
def consultation(request: HttpRequest, pk: str) -> HttpResponse:
    rows = list(selectors.consultations().filter(pk=int(pk)))
    return _object(request, ids.consultation(int(pk)), lambda: _first(render_consultations(rows)))


@oparl_view
def council_consultation(request: HttpRequest, pk: str) -> HttpResponse:
    def build() -> Json | None:
        step = public_council_step(int(pk))
        if step is None:
            return None
        dossier = selectors.papers().filter(pk=step.dossier_id).first()
        return council_consultation_json(step, dossier) if isinstance(dossier, Dossier) else None

    return _object(request, ids.council_consultation(int(pk)), build)


@oparl_view
def file(request: HttpRequest, pk: str) -> HttpResponse:
    rows = list(selectors.documents(include_deleted=True).filter(pk=int(pk)))
    return _object(request, ids.file(int(pk)), lambda: _first(render_files(rows)))


@oparl_view
def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Everything else under /oparl/: the old and short spellings of the entry point move, the rest is 404."""
    if request.path in ("/oparl", "/oparl/", "/oparl/v1.1", "/oparl/v1.1/"):
        return redirect(ids.system())
    raise OparlError(404, _("There is no such address in this OParl API."))
