"""Downloading a meeting document: the one place files leave the system, checked against the reader."""

from __future__ import annotations

import logging

from django.http import FileResponse, Http404, HttpRequest
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from naober.access.viewer import viewer_from_request
from naober.meetings.selectors import document_for_download, document_public
from naober.meetings.services.documents import document_download_record

logger = logging.getLogger("naober.documents")


@require_safe
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    """The current version as an attachment; 404 alike for a missing and a forbidden document."""
    found = document_for_download(viewer=viewer_from_request(request), pk=pk)
    if found is None:
        raise Http404
    document, version = found.document, found.version
    response = FileResponse(
        version.file.open("rb"), as_attachment=True, filename=version.filename, content_type=version.mime_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    if not document_public(document):
        # Who read what stays traceable; the title stays out of the log, it may be confidential itself.
        document_download_record(document=document, version=version, by=request.user)
        logger.info(
            "document download: user=%s document=%s version=%s", request.user.pk, document.pk, version.number
        )
        patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ("Cookie",))
    return response
