"""Settings for the forum site, all driven by environment variables.

Development is the default. Production behaviour is switched on with DEBUG=false, which
also demands a real SECRET_KEY and turns on the HTTPS and cookie protections.
"""

import datetime
import zoneinfo
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from forum_site.core.addresses import address_of

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"  # git-ignored: SQLite database, uploaded media, screenshots
VAR_DIR.mkdir(exist_ok=True)  # a fresh clone has none, and SQLite will not create folders

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

# A key that is obviously not a secret, accepted only while DEBUG is on.
_DEVELOPMENT_SECRET_KEY = "insecure-development-key-never-use-in-production"
SECRET_KEY = env.str("SECRET_KEY", default=_DEVELOPMENT_SECRET_KEY)
if not DEBUG and (SECRET_KEY == _DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters when DEBUG "
        "is off. Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

# The site's public address, for links in mails (which have no request to ask).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "forum_site.apps.ForumAdminConfig",  # Django's admin on the site's own AdminSite
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    # The libraries, under Korean names for the staff (forum_site/library_apps.py).
    "forum_site.library_apps.MailLogConfig",  # django-post-office
    "forum_site.library_apps.LoginLockoutConfig",  # django-axes
    "forum_site.library_apps.ContentHistoryConfig",  # django-auditlog
    "csp",
    "django_tasks",
    "forum_site.library_apps.BackgroundTasksConfig",  # django-tasks' database backend
    "forum_site",
    "speakers",
    "events",
    "attendees",
]

MIDDLEWARE = [
    # Before anything asks request.is_secure(): a forwarded scheme counts only from the proxy.
    "forum_site.middleware.UntrustedProxyHeadersMiddleware",
    # One structured log line per request, timed around everything below.
    "forum_site.request_log.RequestLogMiddleware",
    # First: a NUL byte in a URL is refused before anything hands it to the database.
    "forum_site.middleware.RejectNulBytesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Public pages from the shared cache, finished (compressed, ETag, headers): below it only misses.
    "forum_site.core.page_cache.PageCacheMiddleware",
    # Compresses what the views below write; then ETag and 304 on the uncompressed page.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "forum_site.middleware.LanguageInAddressMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A renumbered forum's old pages answer 301 to its new ones (what would be a 404).
    "events.former_addresses.FormerAddressRedirectMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Names the staff account behind each content edit in the edit history.
    "forum_site.middleware.ContentEditActorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: it locks out repeated failed admin logins.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = env.str("ROOT_URLCONF", default="forum_site.urls")  # bench/ adds a bare view


def _speaker_page(speaker) -> str:
    # The public speaker page lists the speaker's talks, so the events app serves it; the
    # project composes the two, and the speakers app names nothing of events.
    return address_of("events:speaker-detail", slug=speaker.slug)


ABSOLUTE_URL_OVERRIDES = {"speakers.speaker": _speaker_page}
WSGI_APPLICATION = "forum_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # Tag libraries that live in no app's templatetags: the kernel's
            # (forum_site/core/templatetags), which every app's templates load.
            "libraries": {
                **{
                    name: f"forum_site.core.templatetags.{name}"
                    for name in ("bilingual", "languages", "markdown_text", "site_format")
                },
                # {{ phone|phone }}, beside the rule of how contacts are shown.
                "phones": "attendees.contacts",
            },
        },
    },
]

# --- Database --------------------------------------------------------------------------
# SQLite in var/ by default; DATABASE_URL=postgres://... for production (PostgreSQL).
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'forum_site.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions take the write lock at BEGIN, and the timeout makes a
    # second writer wait for it instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
else:
    # The planner's default cost of a random page (4) is for spinning disks: with it, it
    # prefers scanning a whole table to the trigram index for a search word with a short
    # part ("연사15-1" holds "1"), ten times slower at 3,000 forums. 1.1 is for SSDs or a
    # database that fits in memory, as this one does.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c random_page_cost=1.1")
# Connections are kept between requests and jobs, and checked before reuse: a connection
# the server dropped (restart, fail-over) is replaced instead of failing a request.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://forum-site")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "forum_site.redis_cache.RedisCache"  # one client per process

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# The link a new staff member is mailed to set a password (forum_site/staff_invitation.py).
PASSWORD_RESET_TIMEOUT = 3 * 24 * 60 * 60
# Staff sign in at the admin's page, the only sign-in the site has.
LOGIN_URL = "admin:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
# A lock-out holds for one username *from one address*: five wrong passwords typed for
# "admin" elsewhere never lock the real admin out of their own desk.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "forum_site.core.client_address.axes_client_ip"
# And whatever the usernames, failed sign-ins per client (an IPv4 address, an IPv6 /64):
# enough for an office of staff behind one address, refused before any password is
# hashed (forum_site/login_limit.py).
LOGIN_FAILURE_LIMIT_PER_CLIENT = env.str("LOGIN_FAILURE_LIMIT_PER_CLIENT", default="30/15m")
AXES_VERBOSE = False

# --- Language and time -----------------------------------------------------------------
LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", _("Korean")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["forum_site.core.formats"]  # "오전 7:30" in Korean date-times
# Messages travel in a cookie of their own, so that showing them (on every page) never
# opens the session: a public page stays free of cookies and `Vary: Cookie`.
MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"
USE_I18N = True
TIME_ZONE = "Asia/Seoul"
USE_TZ = True

# The demo day of the project clock (forum_site/core/clock.py); unset means the real clock.
# A day (YYYY-MM-DD) keeps the real time of day; a moment (YYYY-MM-DDTHH:MM, Seoul time)
# is where the clock starts when the process does, and runs on from there.
FORUM_SITE_TODAY: datetime.date | None = None  # a datetime is a date too
FORUM_SITE_CLOCK_SET_AT = datetime.datetime.now(tz=datetime.UTC)
if env.str("FORUM_SITE_TODAY", default=""):
    _demo = env.str("FORUM_SITE_TODAY")
    try:
        if "T" in _demo:
            FORUM_SITE_TODAY = datetime.datetime.fromisoformat(_demo).replace(tzinfo=zoneinfo.ZoneInfo("Asia/Seoul"))
        else:
            FORUM_SITE_TODAY = datetime.date.fromisoformat(_demo)
    except ValueError:
        raise ImproperlyConfigured(
            "FORUM_SITE_TODAY must be a date written YYYY-MM-DD, or a moment written YYYY-MM-DDTHH:MM."
        ) from None

# --- Static and uploaded files ---------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed files need collectstatic, which production runs on deploy.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Development and tests read static files straight from the apps, without collectstatic.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
# The icons browsers and phones ask for at the root (/favicon.ico, /apple-touch-icon.png),
# besides the <link>s in every page that name them under /static/.
WHITENOISE_ROOT = BASE_DIR / "forum_site" / "static" / "icons"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Uploaded photos and slides are served by nginx in production (deploy/nginx.conf); Django
# serves them itself in development and in `make serve`, which has no nginx in front.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=DEBUG)

# --- Background work ------------------------------------------------------------------
# Jobs are django-tasks tasks kept in the database (django_tasks_db): `manage.py run_worker`
# runs them on one host or many (PostgreSQL hands each task to one worker with SELECT ...
# FOR UPDATE SKIP LOCKED); `manage.py run_scheduler` enqueues the periodic ones
# (forum_site/schedule.py). No broker to run: SQLite in development, PostgreSQL in production.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Mail --------------------------------------------------------------------------------
# EMAIL_URL=smtp+tls://user:password@host:587 for a real server; the console by default.
# The site's mails are decided in the same transaction as the change they report, into
# the outbox (attendees.PendingMail); the worker renders them into django-post-office's
# mail log and sends them, retrying while the server is down (attendees/outbox/delivery.py).
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "")
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 10
# The Date: header in Seoul time (+0900), as the mail's reader lives, not "-0000".
EMAIL_USE_LOCALTIME = True
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="AI 조찬포럼 <forum@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
POST_OFFICE = {
    "DEFAULT_PRIORITY": "medium",  # queued; never sent inside the web request
    "MESSAGE_ID_ENABLED": True,
    "CELERY_ENABLED": False,
}
# How long a worker holds a mail it is sending; if it dies, the mail is sent again after this.
MAIL_CLAIM_SECONDS = env.int("MAIL_CLAIM_SECONDS", default=120)
# The wait before the first retry of a mail the server did not take; it doubles each time,
# up to six hours, for as long as it takes (attendees/outbox/delivery.py).
MAIL_FIRST_RETRY_SECONDS = env.int("MAIL_FIRST_RETRY_SECONDS", default=60)

# --- Registration -------------------------------------------------------------------------
# How long personal data of attendees is kept after their forum; stated in the consent
# notice and enforced by `purge_personal_data`.
PERSONAL_DATA_RETENTION_DAYS = env.int("PERSONAL_DATA_RETENTION_DAYS", default=365)
# Attendees can cancel online until this many hours before the forum starts.
REGISTRATION_CANCELLATION_CLOSES_HOURS = env.int("REGISTRATION_CANCELLATION_CLOSES_HOURS", default=12)
# Who holds the forums: the organizer in search engines' event data and the Atom feed's author.
FORUM_ORGANIZER_NAME = env.str("FORUM_ORGANIZER_NAME", default="광주광역시")
FORUM_ORGANIZER_NAME_EN = env.str("FORUM_ORGANIZER_NAME_EN", default="Gwangju Metropolitan City")
# Where the forums are held, as an address's region: the event data's place while a forum
# has no venue (search engines need a place for every event).
FORUM_REGION = env.str("FORUM_REGION", default="광주광역시")
FORUM_REGION_EN = env.str("FORUM_REGION_EN", default="Gwangju")
FORUM_ORGANIZER_URL = env.str("FORUM_ORGANIZER_URL", default="https://www.gwangju.go.kr")
# Who files the result report (결과보고서): its 담당 row and the document's author.
RESULT_REPORT_DEPARTMENT = env.str("RESULT_REPORT_DEPARTMENT", default="")
RESULT_REPORT_OFFICER = env.str("RESULT_REPORT_OFFICER", default="")
# Accepted registrations (new or repeated) per client address, per email address and
# forum, and per forum (count/period, e.g. 60/h or 5/10m); counted in the default cache
# (attendees/registrations/throttle.py). Form errors do not count.
REGISTRATION_RATE_LIMITS = {
    "ip": env.str("REGISTRATION_RATE_LIMIT_PER_IP", default="60/h"),
    "email": env.str("REGISTRATION_RATE_LIMIT_PER_EMAIL", default="5/h"),
    "forum": env.str("REGISTRATION_RATE_LIMIT_PER_FORUM", default="2000/h"),
}
# An unconfirmed request for news by mail (double opt-in) lapses after this many days.
NEWS_CONFIRMATION_DAYS = env.int("NEWS_CONFIRMATION_DAYS", default=7)

# Kept at least two years: the access records of Korea's personal-information security
# standard (attendees.AccessRecord). A shorter period is refused.
ACCESS_RECORD_RETENTION_DAYS = env.int("ACCESS_RECORD_RETENTION_DAYS", default=730)
if ACCESS_RECORD_RETENTION_DAYS < 730:
    raise ImproperlyConfigured("ACCESS_RECORD_RETENTION_DAYS must be at least 730 (two years).")

# Content edits recorded field by field (django-auditlog): what staff write for the public.
# Registrations are not among them: their changes are recorded by the services
# (attendees.ActionRecord), without the personal values.
AUDITLOG_INCLUDE_TRACKING_MODELS = tuple(
    # Not the texts the site derives itself (search words, seat counters).
    {"model": model, "exclude_fields": ["created_at", "updated_at", "search_text", "seats_taken", "waiting_count"]}
    for model in (
        "events.Series",
        "events.Venue",
        "events.Forum",
        "events.Talk",
        "events.TalkSpeaker",
        "events.PullQuote",
        "events.ForumPhoto",
        "events.Guest",
        "speakers.Speaker",
    )
)

# --- Client addresses ---------------------------------------------------------------------
# The reverse proxies (addresses or networks) whose X-Forwarded-For is believed; requests
# from anywhere else are keyed on their own address (forum_site/core/client_address.py).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])

# --- Forms -------------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Security: on by default outside development ------------------------------------------
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# The load balancer asks for /healthz over plain HTTP, from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
CSRF_FAILURE_VIEW = "forum_site.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Only the site's own files run and load: no inline script or style, nothing from another
# origin, no framing. Images may also be data: URIs (inline QR codes).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Powerful browser features are off everywhere; a view that needs one (the check-in desk
# and its camera) switches it on for its own response.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
}

# One JSON object per line in production (LOG_FORMAT=json, the default when DEBUG is off),
# for the log collector: each request (forum_site/request_log.py), each background task,
# each problem. Plain text for a person reading a terminal.
LOG_FORMAT = env.str("LOG_FORMAT", default="text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s",
            "timestamp": True,  # ISO 8601, UTC
            "rename_fields": {"levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    # Management tokens never reach a log line, whichever logger wrote it.
    "filters": {"tokens": {"()": "forum_site.log_redaction.TokenRedaction"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["tokens"]}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # The mail worker polls every few seconds; only problems are worth a line. (Having a
    # handler here also stops post_office from installing a second one of its own.)
    "loggers": {
        "post_office": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # WeasyPrint and its font library narrate every PDF step at INFO.
        "weasyprint": {"level": "WARNING"},
        # Its "Not Found: /registrations/<token>/" would write tokens into the log; the
        # request line (forum_site.request) says the same by route.
        "django.request": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- Error reports ----------------------------------------------------------------------
# SENTRY_DSN=https://...@sentry.example.kr/1 sends every unhandled error of the site and its
# worker to Sentry. Never personal data: no request bodies, cookies or user details.
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        environment=env.str("SENTRY_ENVIRONMENT", default="production"),
        send_default_pii=False,
        max_request_body_size="never",
        traces_sample_rate=0,
    )
