"""Settings for the test suite: the real settings with fast hashing and captured e-mail."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("NAOBER_ENV", "test")
os.environ.setdefault("NAOBER_DATA_DIR", tempfile.mkdtemp(prefix="naober-test-"))

from naober.config.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed; never outside tests
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
