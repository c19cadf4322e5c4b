from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key)


@register.filter
def agenda_editable(status: str) -> bool:
    return status in ("planned", "convened")


@register.filter
def decidable(meeting: Any) -> bool:
    from django.utils import timezone

    return meeting.status in ("convened", "held", "planned") and meeting.start <= timezone.now()


@register.filter
def filetype(mime_type: str) -> str:
    from naober.meetings.files import EXTENSIONS

    extensions = EXTENSIONS.get(mime_type)
    return extensions[0].upper() if extensions else mime_type
