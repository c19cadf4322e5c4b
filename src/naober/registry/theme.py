"""A cooperation's own look: two colours that keep white text readable, and a logo that is only an image.

Colours are hex (`#1d4f91`) and must reach WCAG AA contrast (4.5:1) against white, because the portal puts
white text on them (the header, buttons). A logo is a PNG or an SVG, judged by its content like uploaded
documents (`meetings/files.py`); an SVG may not carry scripts, event handlers, external references or a
DOCTYPE (entity expansion), so it stays a picture wherever it is shown.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.core.files import File
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MINIMUM_CONTRAST = 4.5
LOGO_MAX_BYTES = 256 * 1024
PNG = "image/png"
SVG = "image/svg+xml"
LOGO_EXTENSIONS = {PNG: ("png",), SVG: ("svg",)}

_SVG_NS = "{http://www.w3.org/2000/svg}"
_FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "audio", "video", "image"}
_EXTERNAL_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a `#rrggbb` colour."""
    red, green, blue = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_theme_colour(value: str) -> None:
    """A `#rrggbb` colour on which white text reaches 4.5:1."""
    if not HEX_COLOUR.match(value):
        raise ValidationError(
            _("Give the colour as # followed by six hexadecimal digits, e.g. #1d4f91."), code="format"
        )
    ratio = contrast_ratio(value, "#ffffff")
    if ratio < MINIMUM_CONTRAST:
        raise ValidationError(
            _(
                "White text on %(colour)s has a contrast of %(ratio).1f:1; at least 4.5:1 is needed "
                "(WCAG AA). Choose a darker colour."
            ),
            params={"colour": value, "ratio": ratio},
            code="contrast",
        )


def logo_type(content: bytes) -> str | None:
    """PNG or SVG by content, or None."""
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    head = content[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") or head.startswith(b"<svg") or head.startswith(b"<!--"):
        return SVG
    return None


def _check_svg(content: bytes) -> None:
    unsafe = ValidationError(
        _("The SVG contains scripts, links or other active content; upload a plain drawing."), code="unsafe"
    )
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValidationError(_("The SVG is not UTF-8 text."), code="encoding") from error
    if "<!doctype" in text.lower() or "<!entity" in text.lower():
        raise unsafe
    try:
        # No DOCTYPE, so no entities to expand and nothing external to fetch.
        root = ElementTree.fromstring(text)  # noqa: S314
    except ElementTree.ParseError as error:
        raise ValidationError(_("The SVG is damaged and cannot be read."), code="damaged") from error
    if root.tag != f"{_SVG_NS}svg":
        raise ValidationError(_("This is not an SVG drawing."), code="not-svg")
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else ""
        if name in _FORBIDDEN_ELEMENTS:
            raise unsafe
        if name == "style" and (
            "@import" in (element.text or "") or _EXTERNAL_URL.search(element.text or "")
        ):
            raise unsafe
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                raise unsafe
            if local == "href" and not value.strip().startswith("#"):
                raise unsafe
            if _EXTERNAL_URL.search(value) or "javascript:" in value.lower():
                raise unsafe


def check_logo(*, filename: str, content: bytes) -> str:
    """The logo's MIME type; refuses anything but a small, plain PNG or SVG whose name agrees."""
    if not content:
        raise ValidationError(_("The file is empty."), code="empty")
    if len(content) > LOGO_MAX_BYTES:
        raise ValidationError(
            _("The logo is %(size)s; at most %(max)s is allowed.")
            % {"size": filesizeformat(len(content)), "max": filesizeformat(LOGO_MAX_BYTES)},
            code="size",
        )
    mime_type = logo_type(content)
    if mime_type is None:
        raise ValidationError(_("A logo is a PNG or SVG file."), code="type")
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in LOGO_EXTENSIONS[mime_type]:
        raise ValidationError(
            _("The file name ends in .%(extension)s but the content is a %(kind)s file.")
            % {"extension": extension or "?", "kind": LOGO_EXTENSIONS[mime_type][0].upper()},
            code="disguised",
        )
    if mime_type == SVG:
        _check_svg(content)
    return mime_type


def validate_logo(value: File) -> None:  # type: ignore[type-arg]
    """Model field validator for a new upload: reads it (at most one byte over the limit) and checks it.
    A stored logo was checked when it came in."""
    if getattr(value, "_committed", False):
        return
    value.open("rb")
    value.seek(0)
    content = value.read(LOGO_MAX_BYTES + 1)
    value.seek(0)
    check_logo(filename=value.name or "", content=content)
