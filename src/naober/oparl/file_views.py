"""A File's content: `accessUrl` shows it in the browser, `downloadUrl` saves it under its file name.

Only documents the public may see; a deleted one answers 410 Gone. ETag (the SHA-256 of the content) and
Last-Modified make conditional requests cheap; crawlers fetch a file again only when it changed.
"""

from __future__ import annotations

from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseNotModified
from django.http.response import HttpResponseBase
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import gettext as _

from naober.meetings.models import Document, DocumentVersion
from naober.oparl import ids, selectors
from naober.oparl.errors import NotFound, OparlError
from naober.oparl.responses import canonical_redirect, oparl_view
from naober.oparl.serialize.files import current_version


def _public_file(pk: int) -> tuple[Document, DocumentVersion]:
    document = selectors.documents(include_deleted=True).filter(pk=pk).first()
    if document is None:
        raise NotFound()
    version = current_version(document)
    if document.deleted_at is not None or version is None:
        raise OparlError(410, _("This file has been deleted."))
    return document, version


def _not_modified(request: HttpRequest, etag: str, last_modified: int) -> bool:
    match = request.headers.get("If-None-Match")
    if match is not None:
        return etag in {tag.strip() for tag in match.split(",")} or match.strip() == "*"
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and last_modified <= since


def _serve(request: HttpRequest, pk: str, *, attachment: bool) -> HttpResponseBase:
    url = ids.file_download(int(pk)) if attachment else ids.file_access(int(pk))
    moved = canonical_redirect(request, url)
    if moved is not None:
        return moved
    _document, version = _public_file(int(pk))
    etag = f'"{version.sha256}"'
    last_modified = int(version.created.timestamp())
    response: HttpResponse | FileResponse
    if _not_modified(request, etag, last_modified):
        response = HttpResponseNotModified()
    else:
        response = FileResponse(
            version.file.open("rb"),
            as_attachment=attachment,
            filename=version.filename,
            content_type=version.mime_type,
        )
        response["Content-Length"] = str(version.size)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "public, no-cache"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@oparl_view
def file_access(request: HttpRequest, pk: str) -> HttpResponseBase:
    return _serve(request, pk, attachment=False)


@oparl_view
def file_download(request: HttpRequest, pk: str) -> HttpResponseBase:
    return _serve(request, pk, attachment=True)
