"""`naober demo` as an operator runs it: the summary, the demo sign-in, and one line for bad data."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django_otp import oath
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django import Settings

from naober.accounts.models import User
from naober.accounts.second_factor import second_factor_check
from naober.core.models import AuditEntry
from tests.demo.conftest import replace_once, row_counts

pytestmark = pytest.mark.django_db

NAOBER = shutil.which("naober", path=str(Path(sys.executable).parent)) or shutil.which("naober")
SIGN_IN_LINE = "Demo sign-in: demo / naober-demo-2026 (http://127.0.0.1:8000/aanmelden/)"
TWO_FACTOR_LINE = re.compile(
    r"^Two-factor code: use an authenticator app with the secret NAOBERDEMOTWOFACTORSECRETFORDEMO, "
    r"or the recovery code (\d{5}-\d{5}) \(works once; every `naober demo` makes a new one\)$",
    re.MULTILINE,
)


@pytest.fixture
def small_data(data_copy: Path) -> Path:
    """The shared registers and one region: the command's behaviour at a fraction of the full load's time."""
    for name in ("regio-achterhoek.yaml", "regio-amersfoort.yaml", "twente.yaml"):
        (data_copy / name).unlink()
    return data_copy


def _demo(data_dir: Path) -> str:
    out = StringIO()
    call_command("demo", "--data-dir", str(data_dir), stdout=out)
    return out.getvalue()


def test_the_command_prints_a_summary_and_ensures_the_demo_sign_in(small_data: Path) -> None:
    output = _demo(small_data)
    assert re.search(r"^  cooperations +1  \(1 new, 0 changed\)$", output, re.MULTILINE), output
    assert re.search(r"^  memberships +\d+  \(\d+ new, 0 changed\)$", output, re.MULTILINE), output
    assert "Demo sign-in created." in output
    assert SIGN_IN_LINE + "\n" in output
    first_code = TWO_FACTOR_LINE.search(output)
    assert first_code and output.rstrip().endswith(first_code.group(0)), output
    user = User.objects.get(username="demo")
    assert user.is_superuser and user.is_staff and user.is_active
    assert user.check_password("naober-demo-2026")
    totp = TOTPDevice.objects.get(user=user, confirmed=True)
    assert totp.verify_token(str(oath.totp(totp.bin_key)).zfill(6))

    counts = row_counts()
    again = _demo(small_data)
    assert row_counts() == counts  # neither the data nor the sign-in is written again
    assert "Nothing to do" in again and "Demo sign-in created" not in again and SIGN_IN_LINE in again
    # A fresh recovery code on every run, so the one printed last always works; the earlier one is gone.
    second_code = TWO_FACTOR_LINE.search(again)
    assert second_code
    assert second_factor_check(user=user, code=second_code.group(1)) is not None
    assert second_factor_check(user=user, code=second_code.group(1)) is None  # used up
    assert not StaticToken.objects.filter(token=first_code.group(1).replace("-", "")).exists()


def test_a_changed_demo_password_is_reset(small_data: Path) -> None:
    _demo(small_data)
    user = User.objects.get(username="demo")
    user.set_password("something else entirely")
    user.save()
    entries = AuditEntry.objects.count()
    assert "Demo sign-in reset." in _demo(small_data)
    assert User.objects.get(username="demo").check_password("naober-demo-2026")
    assert AuditEntry.objects.count() == entries + 1


def test_production_gets_the_data_but_no_demo_sign_in(small_data: Path, settings: Settings) -> None:
    settings.NAOBER_ENV = "production"
    output = _demo(small_data)
    assert "No demo sign-in" in output and "naober-demo-2026" not in output
    assert "Two-factor" not in output and not TOTPDevice.objects.exists()
    assert not User.objects.filter(username="demo").exists()


def test_bad_data_raises_a_command_error_naming_the_place(data_copy: Path) -> None:
    replace_once(data_copy / "regio-amersfoort.yaml", "prepares: bo-wonen,", "prepares: bo-wonne,")
    with pytest.raises(
        CommandError, match=r'regio-amersfoort\.yaml:\d+: bodies\[\d+\] "ao-wonen": field "prepares"'
    ):
        _demo(data_copy)


@pytest.mark.django_db(False)
def test_the_installed_command_reports_bad_data_in_one_line(data_copy: Path, tmp_path: Path) -> None:
    """Validation fails before the database is touched, so this needs no migrated database."""
    assert NAOBER is not None, "the naober command is not installed (pip install -e '.[dev]')"
    replace_once(data_copy / "municipalities.yaml", 'code: "GM0307"', 'code: "GM307"')
    env = {key: value for key, value in os.environ.items() if not key.startswith(("NAOBER_", "DJANGO_"))}
    env["NAOBER_DATA_DIR"] = str(tmp_path / "var")
    result = subprocess.run(  # noqa: S603 - our own command with fixed arguments
        [NAOBER, "demo", "--data-dir", str(data_copy)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("naober demo: municipalities.yaml:")
    assert 'municipalities[0] "GM307": field "code"' in lines[0]
    assert "Traceback" not in result.stderr + result.stdout
