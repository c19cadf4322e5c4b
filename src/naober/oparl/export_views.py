"""CSV downloads per cooperation: streamed, UTF-8, a header row, a file name, open to everyone."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.http import Http404, HttpRequest, StreamingHttpResponse
from django.views.decorators.http import require_safe

from naober.oparl.exports import EXPORTS, export_rows
from naober.oparl.responses import with_cors
from naober.registry.models import Cooperation


class _Echo:
    def write(self, value: str) -> str:
        return value


@require_safe
def csv_export(request: HttpRequest, cooperation: str, name: str) -> StreamingHttpResponse:
    export = EXPORTS.get(name)
    found = Cooperation.objects.filter(slug=cooperation).first()
    if export is None or found is None:
        raise Http404
    writer = csv.writer(_Echo(), lineterminator="\r\n")

    def lines() -> Iterator[bytes]:
        for row in export_rows(export, found):
            yield writer.writerow(row).encode("utf-8")

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{found.slug}-{export.name}.csv"'
    response["X-Content-Type-Options"] = "nosniff"
    return with_cors(response)
