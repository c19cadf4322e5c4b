from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def form_errors(form: Any) -> str:
    parts = []
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        parts.append(f"{label}: {' '.join(errors)}" if label else " ".join(errors))
    return " ".join(parts)


def upload_of(file: UploadedFile[bytes] | None) -> tuple[str, bytes] | None:
    if not file:
        return None
    return (file.name or "", file.read())


def forbidden_with_message(view: Any) -> Any:
    """Answer a `PermissionDenied` with 403 and its own message (the site's 403 page says no more)."""
    from functools import wraps

    from django.core.exceptions import PermissionDenied
    from django.shortcuts import render

    @wraps(view)
    def wrapped(request: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as denied:
            return render(request, "councils/forbidden.html", {"message": str(denied)}, status=403)

    return wrapped
