"""Bad data is refused with a precise message, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from naober.demo.loader import DemoDataError, demo_load
from tests.demo.conftest import REFUSED_BY_THE_MODEL, assert_refused

pytestmark = pytest.mark.django_db


# (file, text in it, its replacement, what the message must contain)
BROKEN = {
    "unknown prepares": (
        "regio-amersfoort.yaml",
        "prepares: bo-wonen, chair_rule",
        "prepares: bo-wonne, chair_rule",
        [
            r"regio-amersfoort\.yaml:\d+: ",
            r'bodies\[\d+\] "ao-wonen": ',
            'field "prepares": ',
            'unknown body "bo-wonne"',
        ],
    ),
    "bad CBS code": (
        "municipalities.yaml",
        'code: "GM0313"',
        'code: "GM313"',
        [r"municipalities\.yaml:\d+: ", r'municipalities\[2\] "GM313": ', 'field "code": ', "CBS code"],
    ),
    "NIS code written as a number": (
        "municipalities.yaml",
        'code: "41002"',
        "code: 41002",
        [r"municipalities\.yaml:\d+: ", r'municipalities\[\d+\] "Aalst": ', 'field "code": ', "quotes"],
    ),
    "participation ends before it starts": (
        "regio-achterhoek.yaml",
        "left_on: 2015-01-01",
        "left_on: 2004-12-31",
        [
            r"regio-achterhoek\.yaml:\d+: ",
            r'participations\[7\] "montferland": ',
            'field "left_on": ',
            "not after",
        ],
    ),
    "membership ends before it starts": (
        "twente.yaml",
        "[algemeen-bestuur]}\n  - {key: a.dommerholt",
        "[algemeen-bestuur: {end_date: 2021-01-01}]}\n  - {key: a.dommerholt",
        [r'persons\[9\] "p\.beld": memberships\[0\] "algemeen-bestuur": ', 'field "end_date": '],
    ),
    "YAML syntax error": (
        "denderregio.yaml",
        "{municipality: lede, joined_on: 2022-02-04}",
        "{municipality: lede, joined_on: 2022-02-04",
        [r"denderregio\.yaml:\d+: YAML syntax error"],
    ),
    "missing required field": (
        "organisations.yaml",
        "    kind: housing\n",
        "",
        [
            r"organisations\.yaml:\d+: ",
            r'organisations\[4\] "swev": ',
            'field "kind": ',
            "required field is missing",
        ],
    ),
    "misspelt field": (
        "twente.yaml",
        "    established_on: 2021-07-07",
        "    established: 2021-07-07",
        [r'bodies\[2\] "twente-board": ', 'field "established": ', "unknown field"],
    ),
    "duplicate key": (
        "twente.yaml",
        "  name: SamenTwente\n",
        "  name: SamenTwente\n  name: Regio Twente\n",
        [r"twente\.yaml:\d+: ", 'duplicate key "name"'],
    ),
    "member on behalf of a municipality outside the cooperation": (
        "twente.yaml",
        "on_behalf_of: wierden",
        "on_behalf_of: zele",
        [r'persons\[13\] "g\.oosterhof": ', 'field "on_behalf_of": ', '"zele" does not take part'],
    ),
    "a second chair": (
        "regio-amersfoort.yaml",
        "memberships: [bora, bo-wonen: chair, bo-sociaal-domein: chair]",
        "memberships: [bora: chair, bo-wonen: chair, bo-sociaal-domein: chair]",
        [r'memberships\[0\] "bora": ', 'field "role": ', "already has a chair"],
    ),
}


@pytest.mark.parametrize("case", BROKEN.values(), ids=BROKEN.keys())
def test_bad_data_is_refused_with_file_record_and_field_and_nothing_is_written(
    data_copy: Path, case: tuple[str, str, str, list[str]]
) -> None:
    assert_refused(data_copy, *case)


def test_a_refusal_while_writing_rolls_back_the_files_already_written(data_copy: Path) -> None:
    (data_copy / "regio-amersfoort.yaml").unlink()  # not needed to show it, and the largest file to load
    assert_refused(data_copy, *REFUSED_BY_THE_MODEL)


def test_a_data_directory_without_files_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DemoDataError, match="no \\*.yaml data files"):
        demo_load(data_dir=tmp_path)
