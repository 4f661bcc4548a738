"""Settings for the portal, read from environment variables only (see README).

With no configuration the portal runs for development: a SQLite file, Celery tasks
run in-process, e-mail printed to the console. Production mode (PORTAL_PRODUCTION=1)
requires a real secret key, PostgreSQL and Redis, and turns on the HTTPS hardening.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

PRODUCTION = env_bool("PORTAL_PRODUCTION", False)
DEBUG = env_bool("DEBUG", not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG cannot be on in production mode.")

_DEV_SECRET_KEY = "django-insecure-development-only-key-never-used-in-production"
SECRET_KEY = env_str("SECRET_KEY", "" if PRODUCTION else _DEV_SECRET_KEY)
if PRODUCTION and (
    len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure") or len(set(SECRET_KEY)) < 5
):
    raise ImproperlyConfigured(
        "Production mode needs SECRET_KEY: at least 50 random characters "
        "(python -c 'import secrets; print(secrets.token_urlsafe(64))')."
    )

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.forms",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_countries",
    "simple_history",
    "fragments",
    "core",
    "accounts",
    "cities",
    "notifications",
    "objectives",
    "practices",
    "meetings",
    "actionplans",
    "network",
    "reports",
    "portal",
    "workspace",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.ResponseHeadersMiddleware",
    # Whole public pages for visitors without a session, before sessions, authentication and
    # messages (fragments/pages.py).
    "fragments.pages.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.SessionRefreshMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.middleware.RequestBodyLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "accounts.mfa.StaffMFARequiredMiddleware",
    "accounts.middleware.RememberLanguageMiddleware",
]

# Form fields render through templates/django/forms/field.html: one pattern everywhere (label,
# "(optional)", hint, errors tied to the field).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "roma_wg.urls"
WSGI_APPLICATION = "roma_wg.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.navigation",
                "fragments.context_processors.public_content_version",
                "notifications.context_processors.unread_notifications",
            ],
        },
    },
]

# --- Data stores -------------------------------------------------------------------

DATABASE_URL = env_str("DATABASE_URL")
if PRODUCTION and not DATABASE_URL.startswith(("postgres://", "postgresql://")):
    raise ImproperlyConfigured("Production mode needs DATABASE_URL pointing to PostgreSQL.")
if not DATABASE_URL:
    (BASE_DIR / "var").mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60 if PRODUCTION else 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded default serves several people at once: a writer waits for another (busy
    # timeout) instead of failing with "database is locked"; a transaction takes the write lock
    # when it begins, so two read-then-write transactions never deadlock (SQLite would fail
    # one at once); write-ahead logging lets readers go on while someone writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if PRODUCTION and not REDIS_URL:
    raise ImproperlyConfigured(
        "Production mode needs REDIS_URL: the cache and the task broker are shared "
        "by every web and worker process."
    )
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis backend with one client per process (core/cache.py).
            "BACKEND": "core.cache.SharedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "roma_wg"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# A change to a model of these apps starts a new generation of cached public fragments
# (fragments/versions.py). Several processes share it only through Redis, as in production.
PUBLIC_CONTENT_APPS = {"cities", "objectives", "practices", "meetings", "actionplans"}
# Apps whose changes start a new version too, for what signed-in pages keep (a person's name on
# their dashboard); no public page reads them.
PRIVATE_CONTENT_APPS = {"accounts"}
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 3600)
# Whole public pages kept for anonymous visitors (fragments/pages.py): how long a copy may stay
# in the shared cache (a change replaces it at once anyway), and how long browsers and shared
# caches in front of the portal may reuse an answer without asking again.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 3600)
PAGE_CACHE_MAX_AGE = env_int("PAGE_CACHE_MAX_AGE", 60)

# The all-meetings iCalendar (/meetings/calendar.ics) holds the meetings of this window around
# today: it no longer grows with the years (each meeting keeps its own .ics).
CALENDAR_PAST_DAYS = env_int("CALENDAR_PAST_DAYS", 365)
CALENDAR_FUTURE_DAYS = env_int("CALENDAR_FUTURE_DAYS", 730)

# Reports one visitor may ask for per window (reports/limits.py): signed-in people and, for
# anonymous visitors, one network address.
REPORT_REQUESTS_WINDOW = env_int("REPORT_REQUESTS_WINDOW", 3600)
REPORT_REQUESTS_PER_USER = env_int("REPORT_REQUESTS_PER_USER", 60)
REPORT_REQUESTS_PER_ADDRESS = env_int("REPORT_REQUESTS_PER_ADDRESS", 20)

# --- Celery --------------------------------------------------------------------------

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
# Without a broker the tasks run in the web process, so one command gives a working portal.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 300)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 240)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE", "roma_wg")
CELERY_BEAT_SCHEDULE = {
    # Dietary and accessibility needs are kept 30 days after a meeting, then erased.
    "meetings-participant-needs-purge": {
        "task": "meetings.tasks.participant_needs_purge",
        "schedule": crontab(hour=3, minute=15),
    },
    # Generated PDFs expire; reports whose broker message was lost are queued again.
    "reports-expired-delete": {
        "task": "reports.tasks.reports_expired_delete",
        "schedule": crontab(hour=3, minute=30),
    },
    "reports-stale-requeue": {
        "task": "reports.tasks.reports_stale_requeue",
        "schedule": crontab(minute="*/10"),
    },
    # Notifications: e-mails due (new ones, retries after a failure), the daily reminders,
    # and the weekly digests (hourly: Monday morning comes at different hours across Europe).
    "notifications-deliver": {
        "task": "notifications.tasks.notifications_deliver",
        "schedule": crontab(minute="*/5"),
    },
    "notifications-remind": {
        "task": "notifications.tasks.notifications_remind",
        "schedule": crontab(hour=6, minute=0),
    },
    "notifications-digest": {
        "task": "notifications.tasks.notifications_digest",
        "schedule": crontab(minute=5),
    },
}

# --- Accounts ------------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "workspace:home"
ACCOUNT_ADAPTER = "accounts.adapter.InvitationOnlyAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PRESERVE_USERNAME_CASING = False
# Limits are counted in the shared cache (Redis in production), so they hold across processes,
# per client address as the trusted proxies report it (core/network.py). Failed sign-ins: per
# address, and per account at one address (accounts/adapter.py).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "20/5m/ip,5/5m/key",
    "reset_password": "10/m/ip,3/10m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
}
# What a refused sign-in tells the client to wait (Retry-After), in seconds: the window above.
SIGN_IN_RETRY_AFTER = 300
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
STAFF_MFA_REQUIRED = env_bool("STAFF_MFA_REQUIRED", True)
if DEBUG and not PRODUCTION:
    # Development only (allauth refuses it without DEBUG): the demo staff account's second
    # factor accepts this code, so the demo can be tried without an authenticator app.
    MFA_TOTP_INSECURE_BYPASS_CODE = env_str("DEMO_MFA_CODE", "000000") or None
MFA_TOTP_ISSUER = "Roma Inclusion WG"
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14)
MAX_UPLOAD_SIZE = env_int("MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Roma Inclusion WG <no-reply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env_str("EMAIL_HOST")
if PRODUCTION and not EMAIL_HOST:
    raise ImproperlyConfigured(
        "Production mode needs EMAIL_HOST: invitations and resets are e-mailed."
    )
if EMAIL_HOST:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": EMAIL_HOST,
                "port": env_int("EMAIL_PORT", 587),
                "username": env_str("EMAIL_HOST_USER"),
                "password": env_str("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
del EMAIL_HOST  # read above; the setting name itself is deprecated in Django 6.1

# --- Languages, time -----------------------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

# --- Static files --------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("STATIC_MANIFEST", PRODUCTION)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# --- Security ------------------------------------------------------------------------

# The proxies in front of the portal (README, "Behind a proxy"): how many of them append to
# X-Forwarded-For, or the one header a proxy sets to the client's address. Nothing is trusted
# by default: a client's own X-Forwarded-For is ignored.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
TRUSTED_CLIENT_IP_HEADER = env_str("TRUSTED_CLIENT_IP_HEADER") or None

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Signed-in sessions end after two hours without activity. Activity moves the end on once a
# minute at most (core.middleware.SessionRefreshMiddleware), not with a write on every request.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 2 * 60 * 60)
SESSION_REFRESH_SECONDS = env_int("SESSION_REFRESH_SECONDS", 60)
SESSION_SAVE_EVERY_REQUEST = False
if REDIS_URL:
    # Sessions are read on every request: from the shared cache, written through to the database.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # __Host- cookies are sent only over HTTPS, to this exact host, for every path.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    # /healthz is probed over plain HTTP inside the deployment network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Demo data and demo accounts are for development machines only.
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "roma-wg-demo-2020")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools narrate every rendering step at INFO.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
