"""Django settings: wiring only. Every value that varies per installation comes from config.env."""

from __future__ import annotations

from pathlib import Path

import django_stubs_ext
from django.utils.translation import gettext_lazy as _

from naober.config import env

# Lets classes subscript Django generics at run time (admin.ModelAdmin[Meeting]), as the type checker wants.
django_stubs_ext.monkeypatch()

PACKAGE_DIR = Path(__file__).resolve().parent.parent

NAOBER_ENV = env.naober_env()
DATA_DIR = env.data_dir()
DEBUG = env.debug(NAOBER_ENV)
SECRET_KEY = env.secret_key(NAOBER_ENV, DATA_DIR)
ALLOWED_HOSTS = env.allowed_hosts(NAOBER_ENV)
CSRF_TRUSTED_ORIGINS = env.csrf_trusted_origins()
NAOBER_SITE_URL = env.site_url()
NAOBER_BENCH_VIEWS = env.bench_views()

INSTALLED_APPS = [
    "naober.accounts",
    "naober.core",
    "naober.registry",
    "naober.governance",
    "naober.meetings",
    "naober.access",
    "naober.search",
    "naober.secretariat",
    "naober.portal",
    "naober.oparl",
    "naober.councils",
    "naober.planner",
    "naober.finance",
    "naober.strategy",
    "naober.demo",
    # Django's admin, as a site that demands a two-factor verified session (accounts/admin_site.py).
    "naober.accounts.apps.VerifiedAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "naober.portal.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "naober.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "naober.config.urls"
WSGI_APPLICATION = "naober.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "naober.portal.context_processors.site",
            ],
        },
    },
]

DATABASES = {"default": env.database(DATA_DIR / "naober.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "secretariat:dashboard"
LOGOUT_REDIRECT_URL = "portal:home"
PASSWORD_RESET_TIMEOUT = 24 * 60 * 60  # a reset link works for one day

# Two-factor sign-in (django-otp): TOTP apps show the account as "naober: <user name>".
OTP_TOTP_ISSUER = "naober"
# The admin may delete a lost device, never read a user's key, QR code or recovery codes.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Sign-in throttling (accounts/throttle.py): failures per user name and per client address within a window.
NAOBER_SIGN_IN_THROTTLE = env.sign_in_throttle()
NAOBER_TRUSTED_PROXIES = env.trusted_proxies()

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_ROOT = DATA_DIR / "media"
NAOBER_MAX_UPLOAD_BYTES = env.max_upload_bytes()
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = NAOBER_MAX_UPLOAD_BYTES + 1024 * 1024

# Background work: the database is the queue (`naober db_worker`); tests run tasks immediately.
TASKS = {"default": {"BACKEND": env.tasks_backend(NAOBER_ENV)}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if NAOBER_ENV == "production"
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Outside production the static files are served straight from the package (no collectstatic step).
WHITENOISE_USE_FINDERS = NAOBER_ENV != "production"
WHITENOISE_AUTOREFRESH = False

_email = env.email_url()
EMAIL_BACKEND = str(_email["EMAIL_BACKEND"])
EMAIL_HOST = str(_email.get("EMAIL_HOST", ""))
EMAIL_PORT = int(str(_email.get("EMAIL_PORT") or 25))
EMAIL_HOST_USER = str(_email.get("EMAIL_HOST_USER", ""))
EMAIL_HOST_PASSWORD = str(_email.get("EMAIL_HOST_PASSWORD", ""))
EMAIL_USE_TLS = bool(_email.get("EMAIL_USE_TLS", False))
DEFAULT_FROM_EMAIL = env.default_from_email()
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security: cookies and headers. Secure cookies and HSTS need HTTPS, which production always has.
_production = NAOBER_ENV == "production"
SESSION_COOKIE_SECURE = _production
CSRF_COOKIE_SECURE = _production
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# A working day, from sign-in (not sliding); the cookie also ends with the browser (shared computers).
SESSION_COOKIE_AGE = env.session_hours() * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = _production
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if _production:
    SECURE_SSL_REDIRECT = env.env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.log_level()},
}
