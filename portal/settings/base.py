"""Settings shared by every environment; what differs comes from the environment."""

import json
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PORTAL_DIR = BASE_DIR / "portal"


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal.core",
    "portal.accounts",
    "portal.pages",
    "courses",
    "forum",
    "counselling",
    "privacy",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "csp",
    "django_celery_beat",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.accounts.sessions.IdleSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.core.pagecache.PageCacheMiddleware",  # off with DJANGO_PAGE_CACHE=0
    "csp.middleware.CSPMiddleware",
    # Before any view or page lookup; after the headers, so its 400 page has them.
    "portal.core.middleware.RejectNulMiddleware",
    "portal.accounts.middleware.AdminContentSecurityMiddleware",
    "portal.accounts.middleware.StaffAdminAccessMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
                "privacy.context_processors.cookie_consent",
                "portal.pages.context_processors.display_preferences",
            ],
        },
    },
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        # A connection that died with a database restart is replaced before use.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis carries the cache and the Celery broker; else local memory and in-process tasks.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    # A Redis outage makes the cache miss, never fail a page (portal.core.cache).
    CACHES = {
        "default": {
            "BACKEND": "portal.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kdp",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PAGE_CACHE_ENABLED = env_bool("DJANGO_PAGE_CACHE", True)

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Europe/Warsaw"
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Jobs reach Celery through the transactional outbox (portal.core.outbox): a job not
# done this many seconds after it was handed over is handed over again.
OUTBOX_REDELIVER_AFTER = int(env("DJANGO_OUTBOX_REDELIVER_AFTER", "90"))
# A job handed to a worker that died goes back to the queue after this long; it
# must exceed the longest retry countdown (retry_backoff_max of the tasks).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 15 * 60,
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
}
CELERY_BEAT_SCHEDULE = {
    "retention": {"task": "privacy.tasks.retention_task", "schedule": 60 * 60 * 24},
    "data-requests-remind": {
        "task": "privacy.tasks.data_requests_remind_task",
        "schedule": 60 * 60 * 24,
    },
    "outbox-relay": {
        "task": "portal.core.tasks.outbox_relay_task",
        "schedule": 10,
    },
    "certificates-render-pending": {
        "task": "courses.tasks.certificates_render_pending_task",
        "schedule": 60 * 15,
    },
    # Counselling: reminders for tomorrow hourly; unconfirmed workshop offers expire.
    "cpz-remind": {"task": "counselling.tasks.reminders_send_task", "schedule": 3600},
    "cpz-offers": {"task": "counselling.tasks.offers_expire_task", "schedule": 300},
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:my_data"

# django-allauth: e-mail is the login, verified before the first course.
ACCOUNT_ADAPTER = "portal.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "signup": "portal.accounts.forms.SignupForm",
    "login": "portal.accounts.forms.LoginForm",
    "reset_password": "portal.accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "portal.accounts.forms.ResetPasswordKeyForm",
    "change_password": "portal.accounts.forms.ChangePasswordForm",
    "add_email": "portal.accounts.forms.AddEmailForm",
}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Kompetencje dla pracy] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env("DJANGO_HTTP_PROTOCOL", "https")
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
# Failed sign-ins (portal.accounts.security, README "Signing in"): per address,
# room for a PUP computer room behind one NAT; allauth's per-key count of failed
# passwords is kept per account *and address* by the adapter, and stays per account
# for the second factor's codes.
ACCOUNT_RATE_LIMITS = {
    "login": "300/m/ip",
    "login_failed": "100/m/ip,1000/h/ip,10/15m/key",
}
# Across addresses, an account takes this many failures (per this many seconds) from
# addresses it never signed in from; then only addresses it did sign in from (within
# LOGIN_KNOWN_ADDRESS_DAYS) may try it until the period ends.
LOGIN_UNKNOWN_ADDRESS_FAILURES = (50, 60 * 60)
LOGIN_KNOWN_ADDRESS_DAYS = 90
MFA_ADAPTER = "portal.accounts.adapter.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Tell people by e-mail when their password, e-mail or second factor changes.
ACCOUNT_EMAIL_NOTIFICATIONS = True
MFA_TOTP_ISSUER = "Kompetencje dla pracy"
# One period either side, for phones whose clocks drift.
MFA_TOTP_TOLERANCE = 1
MFA_FORMS = {}

# django-axes: lock a login for a user and address after repeated failures; never
# for a user alone (a stranger would lock the owner out).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_USERNAME_CALLABLE = "portal.accounts.security.axes_username"
AXES_CLIENT_IP_CALLABLE = "portal.core.http.client_ip"
# How many reverse proxies stand in front of the portal (1 behind nginx), so that
# lockouts and rate limits count real visitors, not the proxy.
TRUSTED_PROXY_COUNT = int(env("DJANGO_TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"
AXES_VERBOSE = False
# Successful logins are not logged: the failures are what the lockout needs.
AXES_DISABLE_ACCESS_LOG = True

# Content Security Policy: no inline scripts anywhere; our own scripts carry a nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        # Film players, embedded only after multimedia consent (see VideoBlock).
        "frame-src": [
            SELF,
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# The Wagtail admin styles elements inline and starts some widgets with inline calls;
# see portal.accounts.middleware.AdminContentSecurityMiddleware.
CSP_ADMIN_EXCEPTION_PATHS = ("/admin/",)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# A signed-in session ends after an hour idle; the page warns first (accounts.sessions).
SESSION_COOKIE_AGE = 60 * 60
SESSION_WARNING_SECONDS = 5 * 60
SESSION_REFRESH_SECONDS = 60
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"

LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", _("Polish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
# Files only their owners may download (certificates, exports): never under MEDIA_URL.
PRIVATE_MEDIA_ROOT = Path(
    env("DJANGO_PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media"))
)
# The "private" storage holds them (portal.core.storage). A deployment may point it
# at another backend, e.g. an S3-compatible store, with DJANGO_PRIVATE_STORAGE_BACKEND
# and its options as JSON in DJANGO_PRIVATE_STORAGE_OPTIONS.
PRIVATE_STORAGE = {
    "BACKEND": env(
        "DJANGO_PRIVATE_STORAGE_BACKEND",
        "portal.core.storage.PrivateFileSystemStorage",
    ),
    "OPTIONS": json.loads(env("DJANGO_PRIVATE_STORAGE_OPTIONS", "{}")),
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": PRIVATE_STORAGE,
}

DEFAULT_FROM_EMAIL = env(
    "DJANGO_DEFAULT_FROM_EMAIL",
    "Kompetencje dla pracy <kontakt@kompetencjedlapracy.pl>",
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who receives the messages sent through the contact form.
CONTACT_RECIPIENTS = env_list(
    "DJANGO_CONTACT_RECIPIENTS", "kontakt@kompetencjedlapracy.pl"
)
EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = env("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS")
EMAIL_TIMEOUT = 20
# For django.core.mail.backends.filebased.EmailBackend (the fault tests' workers).
EMAIL_FILE_PATH = env(
    "DJANGO_EMAIL_FILE_PATH", str(BASE_DIR / "test-artifacts" / "mail")
)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Kompetencje dla pracy"
# Page addresses stay ASCII like the portal's own ("nabór" becomes "nabor").
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The public address of the portal, used in links that leave it (e-mails, QR codes).
PORTAL_BASE_URL = env("PORTAL_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", PORTAL_BASE_URL)
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("pl", "Polski")]
WAGTAIL_CONTENT_LANGUAGES = [("pl", "Polski")]
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
# Staff change their e-mail address through allauth, which verifies it.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "portal.pages.workflows.publish_approved_revision"
# No third-party avatars: the admin would leak staff e-mail hashes to an outside host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        name: {"level": "WARNING"} for name in ("axes", "wagtail", "django_tasks")
    },
}
