"""A smoke run of the whole benchmark command (`bench/run.py --smoke`, what `make bench` runs in full): one
year of one generated region, indexed, the web and search benchmarks against it, the planner, the summary."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (apt-get install wrk)")
def test_the_benchmark_command_runs_end_to_end(tmp_path: Path) -> None:
    database = settings.DATABASES["default"]
    postgres = str(database["ENGINE"]).endswith("postgresql")
    command = [
        sys.executable,
        str(ROOT / "bench" / "run.py"),
        "--smoke",
        "--data-root",
        str(tmp_path / "data"),
    ]
    command += ["--out", str(tmp_path / "results"), "--databases", "postgresql" if postgres else "sqlite"]
    if postgres:
        host, port = database.get("HOST") or "127.0.0.1", database.get("PORT") or 5432
        command += ["--postgres-url", f"postgres://{database.get('USER') or 'postgres'}@{host}:{port}"]
    env = {key: value for key, value in os.environ.items() if not key.startswith(("NAOBER_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    results = tmp_path / "results"
    summary = json.loads((results / "summary.json").read_text())
    label = f"region-{'postgresql' if postgres else 'sqlite'}"
    assert summary["failures"] == []
    assert summary["datasets"][label]["meetings"] > 0
    assert summary["datasets"][label]["reindex"]["bytes"] > 0
    text = (results / "summary.md").read_text()
    for heading in ("### Datasets", "### Web", "### Search", "### Planner"):
        assert heading in text
    assert label in text
