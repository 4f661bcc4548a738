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

from .env import env_bool, env_choice, env_int, env_list, env_str

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
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_countries",
    "simple_history",
    "fragments",
    "core",
    "translations",
    "accounts",
    "cities",
    "notifications",
    "objectives",
    "practices",
    "meetings",
    "actionplans",
    "network",
    "imports",
    "opendata",
    "api",
    "reports",
    "portal",
    "workspace",
    "demo",
    "ops",
]

MIDDLEWARE = [
    # First: one JSON log line and the metrics of every answer, with its request id.
    "ops.middleware.RequestObservabilityMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before everything that may answer: preflights, 304s and 429s carry the CORS headers too.
    "api.middleware.ApiCorsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.ResponseHeadersMiddleware",
    # Probes and Prometheus: answered before the host check and the session.
    "ops.middleware.OperationsEndpointsMiddleware",
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
    "accounts.middleware.ClearSiteDataMiddleware",
    # Last, so it is the first to see a view's exception: an unreachable file store is a 503.
    "core.middleware.StorageUnavailableMiddleware",
]

# Form fields render as templates/django/forms/field.html says: one pattern everywhere (label,
# "(optional)", hint, errors tied to the field); that template and the plain widgets are
# written in Python by the portal's renderer (core/form_rendering.py), in the same markup.
FORM_RENDERER = "core.form_rendering.PortalFormRenderer"

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
                "translations.context_processors.text_language",
                "notifications.context_processors.unread_notifications",
            ],
        },
    },
]

# --- Data stores -------------------------------------------------------------------

DATABASE_URL = env_str("DATABASE_URL")
if PRODUCTION and not DATABASE_URL.startswith(("postgres://", "postgresql://")):
    raise ImproperlyConfigured("Production mode needs DATABASE_URL pointing to PostgreSQL.")
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

# --- Open data and the API ---------------------------------------------------------------

# What every download and API answer is published under (README, "Open data").
OPEN_DATA_LICENSE = {
    "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "attribution": "Roma Inclusion Working Group",
}
# Requests one client address may make to the API per minute (then 429 with Retry-After).
API_REQUESTS_PER_MINUTE = env_int("API_REQUESTS_PER_MINUTE", 300)
# Writes one API token may make per minute.
API_WRITES_PER_MINUTE = env_int("API_WRITES_PER_MINUTE", 60)
API_TOKEN_MAX_DAYS = env_int("API_TOKEN_MAX_DAYS", 365)
# Spreadsheet imports: the largest file is the upload limit; no more rows than this.
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 5000)

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AddressRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.problems.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "COERCE_DECIMAL_TO_STRING": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Roma Inclusion Working Group: open data API",
    "DESCRIPTION": (
        "The network's public data: member cities and their pledges, work plans with their "
        "objectives and activities, achievements, good practices, guidelines, meetings and "
        "their agendas, cities' public action plans with their indicators, and the EU Roma "
        "framework targets. Read without an account; city systems post their indicators' "
        "measurements with a personal API token. Published under CC BY 4.0."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

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
# Days a generated PDF report is kept before the nightly clean-up deletes it.
REPORTS_KEEP_DAYS = env_int("REPORTS_KEEP_DAYS", 7)
# The worker keeps the LOGGING below (JSON lines) instead of its own handlers.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Beat's heartbeat (ops/beat.py): /healthz calls beat late after two intervals without one.
BEAT_TICK_SECONDS = env_int("BEAT_TICK_SECONDS", 60)
CELERY_BEAT_SCHEDULE = {
    "ops-beat-tick": {"task": "ops.tasks.beat_tick", "schedule": float(BEAT_TICK_SECONDS)},
    # Stored files whose deletion waited for a backup to end (core/storage.py).
    "ops-stored-files-sweep": {
        "task": "ops.tasks.stored_files_sweep",
        "schedule": crontab(minute=40),
    },
    # Dietary and accessibility needs are kept 30 days after a meeting, then erased.
    "meetings-participant-needs-purge": {
        "task": "meetings.tasks.participant_needs_purge",
        "schedule": crontab(hour=3, minute=15),
    },
    # Guests' and invited experts' details: erased GUEST_CONTACT_RETENTION_MONTHS after their
    # meeting or review; guest registrations never confirmed by e-mail, after a week.
    "meetings-guest-data-purge": {
        "task": "meetings.tasks.guest_data_purge",
        "schedule": crontab(hour=3, minute=20),
    },
    "actionplans-external-reviewers-purge": {
        "task": "actionplans.tasks.external_reviewers_purge",
        "schedule": crontab(hour=3, minute=25),
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
    # The whole public data set as one zip file, built at night (opendata/tasks.py).
    "opendata-bundle-build": {
        "task": "opendata.tasks.open_data_bundle_build",
        "schedule": crontab(hour=2, minute=45),
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
    # The public guest registration form: per client address, and per meeting (the key).
    "guest_register": "10/10m/ip,60/10m/key",
    # The same address asked for again (its details are e-mailed once more): per address.
    "guest_email_again": "3/h/key",
    # "Send me a new link" of invited experts: per client address, and per e-mail address.
    "expert_link_request": "5/10m/ip,3/h/key",
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
# Guests (people without an account) and invited experts: their name, e-mail address and
# organisation are erased this many months after their meeting, or after their access to a
# review ended (dietary and accessibility needs go 30 days after the meeting, as everyone's).
GUEST_CONTACT_RETENTION_MONTHS = env_int("GUEST_CONTACT_RETENTION_MONTHS", 12)
# An invited expert's sign-in link works once, within this many hours; the session it opens
# lasts at most EXTERNAL_SESSION_HOURS (and ends after SESSION_COOKIE_AGE without activity).
EXTERNAL_LINK_VALID_HOURS = env_int("EXTERNAL_LINK_VALID_HOURS", 72)
EXTERNAL_SESSION_HOURS = env_int("EXTERNAL_SESSION_HOURS", 8)
MAX_UPLOAD_SIZE = env_int("MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
# Meeting documents (programmes, presentations, reports) may be larger than attachments.
MEETING_DOCUMENT_MAX_SIZE = env_int("MEETING_DOCUMENT_MAX_SIZE", 20 * 1024 * 1024)
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
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("pt", _("Portuguese")),
    ("it", _("Italian")),
    ("de", _("German")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Each language's date formats (roma_wg/formats/<language>/formats.py): templates name them
# (DATE_FORMAT, SHORT_DATE_FORMAT…) instead of writing one language's pattern.
FORMAT_MODULE_PATH = ["roma_wg.formats"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

# --- Static files --------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
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

# Uploaded files and generated reports: under MEDIA_ROOT by default; with S3_BUCKET set, in an
# S3-compatible object store shared by every host (core/storage.py). Files stay private either
# way: downloads pass the access helpers, then stream through the portal or redirect to a
# signed URL valid for S3_SIGNED_URL_SECONDS (FILE_DOWNLOADS=signed-url).
S3_BUCKET = env_str("S3_BUCKET")
S3_CONNECT_TIMEOUT = env_int("S3_CONNECT_TIMEOUT", 5)
S3_READ_TIMEOUT = env_int("S3_READ_TIMEOUT", 30)
S3_SIGNED_URL_SECONDS = env_int("S3_SIGNED_URL_SECONDS", 60)
FILE_DOWNLOADS = env_choice("FILE_DOWNLOADS", "stream", ["stream", "signed-url"])
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "core.storage.PrivateS3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
            "access_key": env_str("S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("S3_SECRET_ACCESS_KEY") or None,
            "region_name": env_str("S3_REGION") or None,
            "location": env_str("S3_PREFIX").strip("/"),
            "addressing_style": env_choice(
                "S3_ADDRESSING_STYLE", "auto", ["auto", "path", "virtual"]
            ),
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
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]

# Demo data and demo accounts are for development machines only.
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "roma-wg-demo-2020")

# Where `manage.py backup` writes when given no --output (ops/backup.py).
BACKUP_DIR = Path(env_str("BACKUP_DIR", str(BASE_DIR / "var" / "backups")))

# --- Logs and metrics (ops/) -----------------------------------------------------------

# One JSON line per request and per task, with the request id (ops/logs.py); "text" prints the
# same fields as key=value, for a terminal.
LOG_FORMAT = env_choice("LOG_FORMAT", "json" if PRODUCTION else "text", ["json", "text"])
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"portal": {"()": "ops.logs.formatter", "json": LOG_FORMAT == "json"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "portal"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # WeasyPrint and fontTools narrate every rendering step at INFO.
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # Every answer has its line already (status included); Django's own 4xx warnings
        # would repeat it with the raw path, which may hold a key.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        # Each task has its one line ("task", ops/signals.py); Celery's own "received" and
        # "succeeded" lines would repeat it (failures stay, at ERROR, with their traceback).
        "celery.app.trace": {"level": "WARNING"},
        "celery.worker.strategy": {"level": "WARNING"},
        # botocore and urllib3 log request details (signed URLs) at DEBUG.
        "botocore": {"level": "WARNING"},
        "urllib3": {"level": "WARNING"},
    },
}

# Prometheus (ops/metrics.py): /metrics answers only "Authorization: Bearer <METRICS_TOKEN>"
# (404 otherwise, and always while it is empty); a worker serves its own metrics on
# WORKER_METRICS_PORT (0: none) of WORKER_METRICS_ADDRESS.
METRICS_TOKEN = env_str("METRICS_TOKEN")
if METRICS_TOKEN and len(METRICS_TOKEN) < 24:
    raise ImproperlyConfigured("METRICS_TOKEN must be at least 24 random characters.")
WORKER_METRICS_PORT = env_int("WORKER_METRICS_PORT", 0)
WORKER_METRICS_ADDRESS = env_str("WORKER_METRICS_ADDRESS", "0.0.0.0")
