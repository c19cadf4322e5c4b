"""A cooperation's colours as a tiny stylesheet and its logo as a file of its own.

The CSP forbids inline styles (`style=` and `<style>`), so the colours reach the page as
`/<cooperation>/thema.css`, which sets the `--naober-*` custom properties for `.theme-<slug>` (the class of
the body on that cooperation's pages). Both are linked with `?v=<version>`: cached for a year, and a new
version whenever the cooperation changes; without it, or with an old one, for five minutes with an ETag.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from naober.portal.selectors.common import cooperation_get_or_404
from naober.registry.models import Cooperation
from naober.registry.theme import logo_type

YEAR = 365 * 24 * 60 * 60
SHORT = 5 * 60


def theme_css_text(cooperation: Cooperation) -> str:
    """The stylesheet; the values were validated as `#rrggbb` and the slug as a slug, so nothing escapes."""
    lines = [f".theme-{cooperation.slug} {{"]
    if cooperation.primary_colour:
        lines.append(f"  --naober-primary: {cooperation.primary_colour};")
    if cooperation.accent_colour:
        lines.append(f"  --naober-accent: {cooperation.accent_colour};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _cached(request: HttpRequest, response: HttpResponse, version: str, etag: str) -> HttpResponse:
    response["ETag"] = etag
    if request.GET.get("v") == version:
        patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=SHORT)
    return response


@require_safe
def theme_css(request: HttpRequest, cooperation: str) -> HttpResponse:
    coop = cooperation_get_or_404(slug=cooperation)
    version = coop.theme_version
    etag = f'"theme-{coop.slug}-{version}"'
    if request.headers.get("If-None-Match") == etag:
        return _cached(request, HttpResponseNotModified(), version, etag)
    response = HttpResponse(theme_css_text(coop), content_type="text/css; charset=utf-8")
    return _cached(request, response, version, etag)


@require_safe
def logo(request: HttpRequest, cooperation: str) -> HttpResponse:
    """The logo as an image that can do nothing but show itself: a sandboxing CSP for an SVG opened on its
    own, and no content sniffing."""
    coop = cooperation_get_or_404(slug=cooperation)
    if not coop.logo:
        raise Http404
    version = coop.theme_version
    etag = f'"logo-{coop.slug}-{version}"'
    if request.headers.get("If-None-Match") == etag:
        return _cached(request, HttpResponseNotModified(), version, etag)
    try:
        handle = coop.logo.open("rb")
    except OSError as error:
        raise Http404 from error
    content = handle.read()
    handle.close()
    mime_type = logo_type(content)
    if mime_type is None:
        raise Http404
    response = HttpResponse(content, content_type=mime_type)
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return _cached(request, response, version, etag)
