"""JSON out: UTF-8, CORS for everyone, the error object for every failure, no cookies, one language.

OParl is anonymous and public: every view runs as the anonymous viewer, whoever asks, and in the site's
default language so that everyone gets the same bytes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.http.response import HttpResponseBase
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from naober.oparl import ids
from naober.oparl.errors import OparlError

R = TypeVar("R", bound=HttpResponseBase)
JSON_TYPE = "application/json; charset=utf-8"
View = Callable[..., HttpResponseBase]


def with_cors(response: R) -> R:
    response["Access-Control-Allow-Origin"] = "*"
    return response


def json_response(data: dict[str, Any], *, status: int = 200) -> HttpResponse:
    response = JsonResponse(
        data, status=status, json_dumps_params={"ensure_ascii": False, "separators": (",", ":")}
    )
    response["Content-Type"] = JSON_TYPE
    return with_cors(response)


def error_response(status: int, message: str) -> HttpResponse:
    return json_response({"type": "https://schema.oparl.org/1.1/Error", "message": message}, status=status)


def redirect(url: str) -> HttpResponse:
    return with_cors(HttpResponsePermanentRedirect(url))


def canonical_redirect(request: HttpRequest, url: str, *, keep_query: bool = False) -> HttpResponse | None:
    """A 301 to `url` when the request used another spelling of it (a trailing slash, leading zeros)."""
    if request.path == ids.path_of(url):
        return None
    query = request.META.get("QUERY_STRING", "")
    return redirect(url + (f"?{query}" if keep_query and query else ""))


def oparl_view(view: View) -> View:
    """GET and HEAD only; OparlError becomes its status with the error object; CORS on every answer."""

    @csrf_exempt  # anonymous and read-only: a POST gets the error object, not the CSRF page
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "*"
            return with_cors(response)
        if request.method not in ("GET", "HEAD"):
            response = error_response(405, _("Only GET and HEAD are supported."))
            response["Allow"] = "GET, HEAD, OPTIONS"
            return response
        with translation.override(settings.LANGUAGE_CODE):
            try:
                answer = view(request, *args, **kwargs)
            except OparlError as error:
                return error_response(error.status, error.message)
        return with_cors(answer)

    return wrapped
