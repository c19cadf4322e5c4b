"""The installed `naober` command, run the way an operator runs it: in a subprocess, from the environment."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

NAOBER = shutil.which("naober", path=str(Path(sys.executable).parent)) or shutil.which("naober")


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A clean environment: none of the test run's Django settings leak into the command."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG")
        and not key.startswith(("NAOBER_", "DJANGO_"))
    }
    env["NAOBER_DATA_DIR"] = str(tmp_path / "data")
    env.update(extra)
    return env


def _run(
    args: list[str], env: dict[str, str], cwd: Path, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    assert NAOBER is not None, "the naober command is not installed (pip install -e '.[dev]')"
    return subprocess.run(  # noqa: S603 - our own command with fixed arguments
        [NAOBER, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )


def _production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return _env(
        tmp_path,
        NAOBER_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(48)[:64],
        ALLOWED_HOSTS="naober.example.org",
        **extra,
    )


def test_help_lists_the_product_commands(tmp_path: Path) -> None:
    result = _run(["--help"], _env(tmp_path), tmp_path)
    assert result.returncode == 0, result.stderr
    for command in ("serve", "demo", "migrate", "createadmin", "check"):
        assert re.search(rf"^\s+{command}\b", result.stdout, re.MULTILINE), (
            f"{command} missing:\n{result.stdout}"
        )


@pytest.mark.parametrize("port", ["0", "70000"])
def test_serve_rejects_an_impossible_port_in_one_line(tmp_path: Path, port: str) -> None:
    result = _run(["serve", "--port", port], _env(tmp_path), tmp_path)
    assert result.returncode != 0
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert "port" in message
    assert "Traceback" not in result.stderr + result.stdout


def test_check_deploy_passes_with_a_production_configuration(tmp_path: Path) -> None:
    result = _run(["check", "--deploy"], _production_env(tmp_path), tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output
    assert "no issues" in output


def test_production_without_secret_key_fails_with_a_one_line_configuration_error(tmp_path: Path) -> None:
    env = _production_env(tmp_path)
    del env["SECRET_KEY"]
    result = _run(["check", "--deploy"], env, tmp_path)
    assert result.returncode != 0
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert "SECRET_KEY" in message
    assert "configuration error" in message
    assert "Traceback" not in result.stderr + result.stdout


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - a local http URL
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """`naober serve` on a free port, with a freshly migrated SQLite database; yields its base URL."""
    env = _env(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    migrated = _run(["migrate", "--no-input"], env, tmp_path, timeout=120)
    assert migrated.returncode == 0, migrated.stdout + migrated.stderr
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    assert NAOBER is not None
    process = subprocess.Popen(  # noqa: S603
        [NAOBER, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "1"],
        env=env,
        cwd=tmp_path,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            if process.poll() is not None:
                pytest.fail(
                    f"naober serve exited with {process.returncode}:\n{(tmp_path / 'serve.log').read_text()}"
                )
            try:
                if _get(f"{base}/")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"naober serve did not answer within 20 s:\n{(tmp_path / 'serve.log').read_text()}"
                )
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def test_serve_serves_pages_and_static_files(served: str) -> None:
    status, html = _get(f"{served}/")
    assert status == 200
    static_urls = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    assert static_urls, "the home page links no static files"
    for url in static_urls:
        assert _get(f"{served}{url}")[0] == 200, url
    assert _get(f"{served}/static/does-not-exist.css")[0] == 404
