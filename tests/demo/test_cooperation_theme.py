"""The demo regions' colours: read from the cooperation files, readable with white text, refused otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from naober.demo.loader import demo_load
from naober.registry.models import Cooperation
from naober.registry.theme import contrast_ratio
from tests.demo.conftest import assert_refused

pytestmark = pytest.mark.django_db


def test_every_demo_region_has_readable_colours() -> None:
    demo_load()
    cooperations = list(Cooperation.objects.order_by("slug"))
    assert len(cooperations) == 4
    for cooperation in cooperations:
        for colour in (cooperation.primary_colour, cooperation.accent_colour):
            assert colour.startswith("#") and contrast_ratio(colour, "#ffffff") >= 4.5, cooperation.slug
    assert Cooperation.objects.get(slug="regio-amersfoort").primary_colour == "#1d4f91"


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        ('primary_colour: "#ffcc00"', ['field "primary_colour": ', "contrast of 1.5:1"]),
        ('primary_colour: "blue"', ['field "primary_colour": ', "not a colour"]),
        ("primary_colour: #1d4f91", ['field "primary_colour": ', "in quotes"]),  # YAML: # starts a comment
    ],
)
def test_an_unreadable_or_malformed_colour_is_refused(data_copy: Path, new: str, expected: list[str]) -> None:
    assert_refused(
        data_copy,
        "regio-amersfoort.yaml",
        'primary_colour: "#1d4f91"',
        new,
        [r"regio-amersfoort\.yaml:\d+: ", r"cooperation: ", *expected],
    )
