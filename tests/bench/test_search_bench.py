"""Smoke run of bench/search.py end to end on a tiny dataset, on the database the suite runs on.

The dataset is the search tests' world (a cooperation, a convened meeting with public, confidential, secret
and embargoed items, documents, dossiers, a member with an account) plus the labelled corpus's texts as
agenda items, so the vocabulary has rare and frequent words, phrases and prefixes.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.meetings.conftest import chain  # noqa: F401 - fixture used by world
from tests.search.conftest import World, add_item, search_directory, world  # noqa: F401 - fixtures
from tests.search.relevance_corpus import DOCS

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_search", ROOT / "bench" / "search.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.django_db
def test_search_benchmark_runs_end_to_end(world: World, settings: Any, tmp_path: Path) -> None:  # noqa: F811
    settings.DATA_DIR = tmp_path / "data"
    for title, text in list(DOCS.values())[:30]:
        add_item(world.convened, title, text)
    out = tmp_path / "out"
    bench = _bench()

    code = bench.main(
        ["--label", "smoke", "--out", str(out), "--queries", "21", "--rounds", "1", "--like-sample", "4"]
    )

    assert code == 0
    result = json.loads((out / "search-smoke.json").read_text())
    assert result["meta"]["db_vendor"] in ("sqlite", "postgresql")
    assert "member of" in result["meta"]["member_reader"]
    rows = result["rows"]
    sql_engine = "postgresql" if result["meta"]["db_vendor"] == "postgresql" else "sqlite_fts5"
    builds = {row["engine"] for row in rows if row["section"] == "build"}
    assert builds == {"tantivy", sql_engine}
    latency = {(row["engine"], row["class"]): row for row in rows if row["section"] == "latency"}
    for engine in ("naober", "tantivy", "tantivy_top10", sql_engine):
        for klass in bench.CLASSES:
            row = latency[(engine, klass)]
            assert row["p50_ms"] >= 0 and row["p95_ms"] >= row["p50_ms"]
    assert latency[("like", "all")]["queries"] == 4
    assert latency[("tantivy", "all")]["overlap_with_tantivy"] == 1.0
    recall = {row["engine"]: row["recall_at_10"] for row in rows if row["section"] == "recall"}
    assert recall["tantivy"] > 0.95
    assert 0 < recall["sqlite_fts5"] <= 1
    if sql_engine == "postgresql":
        assert 0 < recall["postgresql"] <= 1
    markdown = (out / "search-smoke.md").read_text()
    assert "| phrase |" in markdown and "recall@10" in markdown


def test_bad_input_is_one_line_and_nonzero(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        _bench().main(["--queries", "3"])
    assert exit_info.value.code == 2
    assert "--queries must be at least 7" in capsys.readouterr().err
