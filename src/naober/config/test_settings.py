"""Settings for the test suite: the real settings with fast hashing and captured e-mail."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("NAOBER_ENV", "test")
if "NAOBER_DATA_DIR" not in os.environ:
    # A fresh data directory per test run, removed when the run ends (else /tmp fills with them).
    _data_dir = tempfile.mkdtemp(prefix="naober-test-")
    os.environ["NAOBER_DATA_DIR"] = _data_dir
    atexit.register(shutil.rmtree, _data_dir, ignore_errors=True)

from naober.config.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed; never outside tests
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
