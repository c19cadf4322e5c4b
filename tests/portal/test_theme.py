"""Theming per cooperation: readable colours only, a logo that is only a picture, no inline CSS."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from naober.core.services import object_save
from naober.portal.links import meeting_path
from naober.registry.models import Cooperation
from naober.registry.theme import check_logo, contrast_ratio, validate_theme_colour
from tests.portal.conftest import Region
from tests.portal.world import PortalWorld
from tests.samples import PNG_BYTES

pytestmark = pytest.mark.django_db

CLEAN_SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs>'
    b'<rect width="10" height="10" fill="url(#g)"/><use href="#g"/></svg>'
)


def test_contrast_ratio_follows_wcag() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("colour", ["#1d4f91", "#154273", "#000000", "#767676"])
def test_dark_enough_colours_are_accepted(colour: str) -> None:
    validate_theme_colour(colour)


@pytest.mark.parametrize(
    ("colour", "message"),
    [
        ("#ffcc00", "contrast"),
        ("#777777", "4.5:1"),  # 4.48:1: just too light
        ("1d4f91", "hexadecimal"),
        ("#1d4f9", "hexadecimal"),
        ("red", "hexadecimal"),
        ("#1d4f91;}", "hexadecimal"),  # nothing can break out of the stylesheet
    ],
)
def test_unreadable_or_malformed_colours_are_refused_with_a_reason(colour: str, message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_theme_colour(colour)
    assert message in " ".join(refused.value.messages).lower() or message in str(refused.value)


def test_the_model_refuses_a_light_primary_colour(region: Region) -> None:
    cooperation = region.cooperation
    cooperation.primary_colour = "#ffcc00"
    with pytest.raises(ValidationError) as refused:
        object_save(instance=cooperation)
    assert "primary_colour" in refused.value.message_dict


@pytest.mark.parametrize(
    ("filename", "content"),
    [("logo.png", PNG_BYTES), ("logo.svg", CLEAN_SVG)],
)
def test_plain_png_and_svg_logos_are_accepted(filename: str, content: bytes) -> None:
    assert check_logo(filename=filename, content=content) in ("image/png", "image/svg+xml")


@pytest.mark.parametrize(
    ("filename", "content", "code"),
    [
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "unsafe"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "unsafe"),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"/></svg>',
            "unsafe",
        ),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://x.example/a.png"/></svg>',
            "unsafe",
        ),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://x.example/#a)"/></svg>',
            "unsafe",
        ),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://x";</style></svg>',
            "unsafe",
        ),
        (
            "logo.svg",
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
            "unsafe",
        ),
        ("logo.svg", b"<svg><unclosed></svg>", "damaged"),
        ("logo.svg", b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>', "not-svg"),
        ("logo.png", CLEAN_SVG, "disguised"),
        ("logo.svg", PNG_BYTES, "disguised"),
        ("logo.gif", b"GIF89a....", "type"),
        ("logo.png", b"", "empty"),
        ("logo.png", PNG_BYTES + b"\0" * 300_000, "size"),
    ],
)
def test_unsafe_disguised_or_large_logos_are_refused(filename: str, content: bytes, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        check_logo(filename=filename, content=content)
    assert refused.value.code == code


def _theme(cooperation: Cooperation, *, logo: tuple[str, bytes] | None = None) -> Cooperation:
    cooperation.primary_colour = "#1d4f91"
    cooperation.accent_colour = "#9b2f1b"
    if logo is not None:
        cooperation.logo = SimpleUploadedFile(logo[0], logo[1])
    return object_save(instance=cooperation)


def test_theme_stylesheet_sets_the_colours_and_is_cached_by_version(client: Client, region: Region) -> None:
    cooperation = _theme(region.cooperation)
    path = f"/{cooperation.slug}/thema.css"
    response = client.get(f"{path}?v={cooperation.theme_version}")
    assert response["Content-Type"] == "text/css; charset=utf-8"
    css = response.content.decode()
    assert css == (
        f".theme-{cooperation.slug} {{\n  --naober-primary: #1d4f91;\n  --naober-accent: #9b2f1b;\n}}\n"
    )
    assert "immutable" in response["Cache-Control"] and "max-age=31536000" in response["Cache-Control"]
    unversioned = client.get(path)
    assert "max-age=300" in unversioned["Cache-Control"]
    again = client.get(path, headers={"if-none-match": unversioned["ETag"]})
    assert again.status_code == 304


def test_cooperation_pages_are_themed_without_inline_styles(client: Client, world: PortalWorld) -> None:
    cooperation = _theme(world.region.cooperation)
    world.held.cooperation = cooperation
    for path in (f"/{cooperation.slug}/", meeting_path(world.held), f"/{cooperation.slug}/besluiten/"):
        html = client.get(path).content.decode()
        assert (
            f'<link rel="stylesheet" href="/{cooperation.slug}/thema.css?v={cooperation.theme_version}">'
            in html
        )
        assert re.search(rf'<body class="[^"]*\btheme-{cooperation.slug}\b', html)
        assert not re.search(r"<[^>]+\sstyle=", html) and "<style" not in html


def test_pages_of_an_unthemed_cooperation_link_no_theme(client: Client, region: Region) -> None:
    html = client.get(f"/{region.cooperation.slug}/").content.decode()
    assert "thema.css" not in html


def test_logo_is_shown_in_the_header_and_served_as_an_inert_image(client: Client, region: Region) -> None:
    cooperation = _theme(region.cooperation, logo=("logo.svg", CLEAN_SVG))
    html = client.get(f"/{cooperation.slug}/").content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    assert f'src="/{cooperation.slug}/logo?v={cooperation.theme_version}" alt="{cooperation.name}"' in header
    response = client.get(f"/{cooperation.slug}/logo")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content == CLEAN_SVG


def test_a_cooperation_without_logo_has_none(client: Client, region: Region) -> None:
    assert client.get(f"/{region.cooperation.slug}/logo").status_code == 404


def test_the_model_refuses_an_unsafe_logo(region: Region) -> None:
    cooperation = region.cooperation
    cooperation.logo = SimpleUploadedFile(
        "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>'
    )
    with pytest.raises(ValidationError) as refused:
        object_save(instance=cooperation)
    assert "logo" in refused.value.message_dict
