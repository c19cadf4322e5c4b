"""A smoke run of the web benchmark (bench/web.py) end to end: a small SQLite database built here, a real
production server, wrk, one short round of a few arms. The benchmark itself is not part of the test suite."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARMS = ("floor", "best-case", "meeting", "oparl-meeting")

# Builds the portal test world (tests/portal/world.py: a region with held, cancelled and upcoming meetings,
# dossiers and documents) in a fresh SQLite file, in its own process: the server must read a real file.
BUILD = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from tests.portal.world import build_portal_world
build_portal_world()
"""


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NAOBER_", "DJANGO_", "DATABASE_"))}
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'naober.sqlite3'}",
        NAOBER_DATA_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="naober.config.settings",
        NAOBER_TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "src")]),
        LOG_LEVEL="WARNING",
    )
    return env


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (apt-get install wrk)")
def test_the_web_benchmark_measures_its_arms_against_a_small_database(tmp_path: Path) -> None:
    env = _env(tmp_path)
    subprocess.run([sys.executable, "-c", BUILD], env=env, cwd=ROOT, check=True, timeout=120)  # noqa: S603
    out = tmp_path / "results"
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, str(ROOT / "bench" / "web.py")]
        + ["--database-url", env["DATABASE_URL"], "--data-dir", str(tmp_path), "--label", "smoke"]
        + [
            "--out",
            str(out),
            "--duration",
            "1",
            "--rounds",
            "1",
            "--warmup",
            "1",
            "--connections",
            "4",
            "--arms",
            ",".join(ARMS),
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr + done.stdout
    result = json.loads((out / "web-smoke.json").read_text())
    rows = {row["arm"]: row for row in result["rows"]}
    assert set(rows) == set(ARMS)
    for name in ARMS:
        assert rows[name]["status"] == "ok", rows[name]
        assert rows[name]["rps"] > 0
    assert rows["meeting"]["paths"] > 1
    assert rows["best-case"]["share_of_best_case"] == 1.0
    assert result["meta"]["db_vendor"] == "sqlite"
    assert (out / "web-smoke.md").read_text().startswith("# Web benchmark — smoke")
