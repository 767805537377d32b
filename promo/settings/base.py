"""Settings shared by every environment. Everything host-specific or secret comes from the
environment (see README), so the same code runs embedded on one machine or scaled out."""

import datetime
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _
from environs import Env

from promo import languages

# Every environment variable is read here or in the environment's module (dev, test,
# production), each one once, through environs: a malformed value stops start-up with a message
# naming the variable instead of being taken for its default.
env = Env()
BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = env.path("VAR_DIR", BASE_DIR / "var")


# Variables whose default depends on the environment (dev, test): read once here, "" or None
# when unset, and each environment module supplies its own default.
DATABASE_URL_FROM_ENV = env.str("DATABASE_URL", "")
SEARCH_INDEX_PATH_FROM_ENV = env.str("SEARCH_INDEX_PATH", "")
EMAIL_BACKEND_FROM_ENV = env.str("EMAIL_BACKEND", "")
PAGE_CACHE_FROM_ENV = env.bool("PAGE_CACHE", None)


def env_list(name, default=""):
    """A comma-separated variable as a list, spaces and empty items dropped."""
    return [item.strip() for item in env.str(name, default).split(",") if item.strip()]


SECRET_KEY = env.str("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "promo",
    "search",
    "feeds",
    "portal",
    "enquiries",
    "staff",
    "maps",
    "alerts",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.sitemaps",
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
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
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
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "promo.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "promo.context_processors.site_chrome",
            ],
        },
    },
]

WSGI_APPLICATION = "promo.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL_FROM_ENV or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env.int("DB_CONN_MAX_AGE", 60),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# --- SQLite under concurrent writers (visitors' enquiries while staff import) ---------------
# WAL lets readers go on while one writer writes; the busy timeout makes a writer wait for the
# lock instead of failing at once; IMMEDIATE takes the write lock when a transaction begins,
# so a transaction that read first never fails to upgrade its lock (SQLite does not wait in
# that case). PostgreSQL needs none of this and is left as configured.
SQLITE_BUSY_TIMEOUT = env.float("SQLITE_BUSY_TIMEOUT", 20)


def tune_sqlite(database):
    if database.get("ENGINE") == "django.db.backends.sqlite3":
        options = database.setdefault("OPTIONS", {})
        options.setdefault("init_command", "PRAGMA journal_mode=WAL")
        options.setdefault("transaction_mode", "IMMEDIATE")
        options.setdefault("timeout", SQLITE_BUSY_TIMEOUT)
    return database


tune_sqlite(DATABASES["default"])

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: defined once in promo/languages.py. Django language codes and Wagtail locales
# are the same list.
LANGUAGE_CODE = languages.SOURCE_LANGUAGE
LANGUAGES = list(languages.LANGUAGES)
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Dầu Tiếng"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"png": "webp", "jpeg": "webp", "gif": "webp", "bmp": "webp"}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "txt", "zip"]
# Wagtail's own backend serves the admin search only; the public search is `search/`.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Catalogue search (see search/): embedded SQLite FTS5 unless an Elasticsearch URL is given.
SEARCH_INDEX_PATH = Path(SEARCH_INDEX_PATH_FROM_ENV or VAR_DIR / "search.sqlite3")
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = env.str("ELASTICSEARCH_INDEX_PREFIX", "dautieng")
# -- search: remote engine timeouts, circuit breaker, caches, search log (search/) --
SEARCH_ES_CONNECT_TIMEOUT = env.float("SEARCH_ES_CONNECT_TIMEOUT", 0.5)
SEARCH_ES_TIMEOUT = env.float("SEARCH_ES_TIMEOUT", 1.5)  # searches, autocomplete
SEARCH_ES_WRITE_TIMEOUT = env.float("SEARCH_ES_WRITE_TIMEOUT", 10)  # index updates
SEARCH_BREAKER_COOLDOWN = env.float("SEARCH_BREAKER_COOLDOWN", 30)
SEARCH_VOCABULARY_TTL = env.float("SEARCH_VOCABULARY_TTL", 60)
SEARCH_LOG_RETENTION_DAYS = env.int("SEARCH_LOG_RETENTION_DAYS", 365)
SEARCH_LOG_FLUSH_SECONDS = 5.0
SEARCH_BACKGROUND = True  # remote index updates and log writes off the request thread

EMAIL_BACKEND = EMAIL_BACKEND_FROM_ENV or "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env.str("EMAIL_HOST", "localhost")
EMAIL_PORT = env.int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "no-reply@dautieng-promo.example")
ENQUIRY_RETENTION_DAYS = env.int("ENQUIRY_RETENTION_DAYS", 365)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Wagtail logs every page action and background task at INFO; imports touch hundreds.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "modelsearch": {"level": "WARNING"},
    },
}

CATALOGUE_PAGE_SIZE = 12
SITE_TITLE = _("Dầu Tiếng — products, fairs, tourism and investment")

# --- Languages: one date and number style per language (home/formats, helper "languages") ---
FORMAT_MODULE_PATH = ["home.formats"]

# --- Who the visitor is, and abuse limits (promo/clientip.py, enquiries/ratelimit.py) -------
# X-Forwarded-For is believed only from these addresses/networks (the reverse proxy), read
# from the right. TRUSTED_PROXY_COUNT > 0 instead takes the address seen by the outermost of
# that many proxies (e.g. a CDN in front of nginx). See docs/deploy.md.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", 0)
# The view counter's page token (portal/beacon.py) is accepted this long after the page was
# rendered; keep any full-page cache's lifetime below it, or cached pages stop counting.
VIEW_TOKEN_MAX_AGE = env.int("VIEW_TOKEN_MAX_AGE", 12 * 3600)

# --- Staff sign-in lockout (django-axes) -----------------------------------------------------
# Wagtail's login is the only one (the Django admin is not installed). After
# AXES_FAILURE_LIMIT wrong passwords for one account, or from one address (promo.clientip),
# sign-in is refused for AXES_COOLOFF_MINUTES; `manage.py axes_reset_username NAME` or
# `axes_reset_ip ADDRESS` lifts it sooner.
INSTALLED_APPS += ["axes", "csp"]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "promo.clientip.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "staff.lockout.lockout_response"
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
LOGGING["loggers"]["axes"] = {"level": "WARNING"}  # every sign-in is logged at INFO

# --- Content-Security-Policy and Permissions-Policy (promo/security.py) -----------------------
# Strict for visitors; the admin adds what Wagtail needs. The map tile host (MAP_TILE_URL) is
# added to img-src/connect-src at run time.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "promo.security.SecurityHeadersMiddleware",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'self'"],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
CSP_ADMIN_PREFIXES = ["/admin/"]
CSP_ADMIN_ADDITIONS = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
}
# Features no page of this site uses are switched off for it and anything it embeds.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
    "serial": [],
    "hid": [],
    "bluetooth": [],
    "browsing-topics": [],
    "fullscreen": ["self"],
    "picture-in-picture": [],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "xr-spatial-tracking": [],
}
# No third-party avatars in the admin: the policy refuses them, and they send a hash of each
# staff e-mail address to the avatar service.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# --- Background tasks (e-mails, spreadsheet imports, Wagtail's index updates) ---------------
# Wagtail 8 runs its background work through django-tasks; django-tasks-db (the same author's
# database backend, split out of django-tasks 0.12) keeps the queue in the database, so the
# embedded set-up needs no broker. `manage.py worker` runs the tasks (README, "Processes").
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "mail", "imports"]}}
# Seconds for every SMTP socket operation: a mail server that never answers fails the attempt.
EMAIL_TIMEOUT = env.float("EMAIL_TIMEOUT", 10)
# Enquiries the database could not take at once are kept here until they are stored.
ENQUIRY_SPOOL_DIR = env.path("ENQUIRY_SPOOL_DIR", VAR_DIR / "spool" / "enquiries")
# --- Planning a visit (tourism: open now, fair calendar) ---
# Tests only: let a request fix the clock with ?now=YYYY-MM-DDTHH:MM (Asia/Ho_Chi_Minh).
VISIT_CLOCK_PARAMETER = env.bool("VISIT_CLOCK_PARAMETER", False)

# Maps (maps/, issue 9): tiles for the shared map component. Empty MAP_TILE_URL = markers on a
# plain background and nothing fetched from outside the site (what the tests use).
MAP_TILE_URL = env.str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env.str(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
# --- Page cache (pagecache/, docs/caching.md) ---------------------------------------------------
# Anonymous visitors' GETs of public pages come from a cache shared by every worker process:
# files in var/cache/pages by default (no server needed), Redis when REDIS_URL is set (several
# machines). Any content change makes every cached page stale after its commit; see
# pagecache/invalidation.py for what counts.
INSTALLED_APPS += ["pagecache"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
    "django.middleware.http.ConditionalGetMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1,
    "pagecache.middleware.PageCacheMiddleware",
)
# After the page cache (a hit needs neither): the site, routing and chrome kept per content
# generation, so a rendered page costs few queries (pagecache/memo.py).
MIDDLEWARE.insert(
    MIDDLEWARE.index("pagecache.middleware.PageCacheMiddleware") + 1,
    "pagecache.memo.RouteMemoMiddleware",
)
PAGE_CACHE_ENABLED = True if PAGE_CACHE_FROM_ENV is None else PAGE_CACHE_FROM_ENV
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", 3600)  # seconds, at most
PAGE_CACHE_BROWSER_MAX_AGE = 0  # browsers revalidate each page (ETag / Last-Modified)
# For a front proxy or CDN that wagtail.contrib.frontend_cache purges (docs/caching.md).
PAGE_CACHE_SHARED_MAX_AGE = env.int("PAGE_CACHE_SHARED_MAX_AGE", 0)
PAGE_CACHE_VARY_ON_COOKIES = ["contrast"]  # the high-contrast theme is rendered on the server
PAGE_CACHE_MAX_QUERY_LENGTH = 1024
PAGE_CACHE_INVALIDATED_BY = []  # "app.Model" labels shown on pages that are not snippets etc.
REDIS_URL = env.str("REDIS_URL", "")
PAGE_CACHE_BACKEND = (
    {
        "BACKEND": "promo.cache_redis.TolerantRedisCache",
        "LOCATION": REDIS_URL,  # misses if Redis is away
        "KEY_PREFIX": env.str("PAGE_CACHE_KEY_PREFIX", "dautieng"),
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache" / "pages"),
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
)
CACHES = globals().get("CACHES") or {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CACHES.setdefault("pages", PAGE_CACHE_BACKEND)
# Wagtail writes every rendition a page used back to its "renditions" cache on every render,
# prefetched ones included (wagtail.images get_renditions). In the shared file cache that was
# four file writes and a directory scan per page view; each worker keeps them in memory
# instead. Keys hold the image's file hash, so a replaced picture never meets an old entry.
RENDITIONS_CACHE_BACKEND = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "renditions",
    "TIMEOUT": 3600,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
CACHES.setdefault("renditions", RENDITIONS_CACHE_BACKEND)


# --- Open data and the headless API (opendata/, issue 16; docs/open-data.md) ---------------
# Wagtail's API v2 at /api/v2/ (rest_framework only for its serializers: no browsable API),
# the datasets and DCAT catalogue under /open-data/, one OpenAPI document at /api/openapi.json.
INSTALLED_APPS += ["opendata", "wagtail.api.v2"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("promo.security.SecurityHeadersMiddleware") + 1, "opendata.http.OpenDataMiddleware"
)
WAGTAILAPI_LIMIT_MAX = env.int("API_PAGE_SIZE_MAX", 50)
# Decimals (coordinates, areas, distances) as JSON numbers, not strings.
# No authentication: the API answers every client alike (no session, so no Vary: Cookie).
REST_FRAMEWORK = {
    "COERCE_DECIMAL_TO_STRING": False,
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
}
WAGTAILAPI_SEARCH_ENABLED = False  # the catalogue search is /api/v1/search/
WAGTAILAPI_BASE_URL = env.str("SITE_URL", "") or None  # else the Site record
# Licence of the datasets and the API's content (a URL and a short name).
OPEN_DATA_LICENSE_URL = env.str("OPEN_DATA_LICENSE_URL", "https://creativecommons.org/licenses/by/4.0/")
OPEN_DATA_LICENSE_NAME = env.str("OPEN_DATA_LICENSE_NAME", "CC BY 4.0")
# Requests per client address and window (seconds) on /api/ and /open-data/ files: beyond it
# 429 with Retry-After. Counted like the enquiry limit (promo.clientip, atomic cache counts).
API_RATE_LIMIT = env.int("API_RATE_LIMIT", 300)
API_RATE_WINDOW = env.int("API_RATE_WINDOW", 60)

# --- Several machines: object storage, health checks, cron locks (issue 17, docs/deploy.md) ---
# Nothing here changes the embedded set-up unless the environment asks for it.
# Media on an S3-compatible object store (promo/storage.py) when a bucket is named; the keys
# come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (read by django-storages).
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "promo.storage.MediaStorage"}
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", "") or None  # None: Amazon S3
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", "") or "us-east-1"
    AWS_S3_ADDRESSING_STYLE = env.str("AWS_S3_ADDRESSING_STYLE", "") or (
        "path" if AWS_S3_ENDPOINT_URL else "auto"
    )
    AWS_S3_VERIFY = env.str("AWS_S3_CA_BUNDLE", "") or None  # CA bundle of a private endpoint
    AWS_LOCATION = env.str("AWS_LOCATION", "")  # a folder per site in a shared bucket
    AWS_QUERYSTRING_EXPIRE = env.int("AWS_QUERYSTRING_EXPIRE", 300)
    AWS_S3_CONNECT_TIMEOUT = env.float("AWS_S3_CONNECT_TIMEOUT", 5)
    AWS_S3_READ_TIMEOUT = env.float("AWS_S3_READ_TIMEOUT", 30)
    # Where visitors fetch public images: the reverse proxy's /media/ (deploy/nginx/
    # dautieng-cluster.conf), a CDN, or empty for the bucket's own address.
    MEDIA_PUBLIC_URL = env.str("MEDIA_PUBLIC_URL", "")
    MEDIA_URL = MEDIA_PUBLIC_URL or MEDIA_URL
    _media_origin = MEDIA_PUBLIC_URL or AWS_S3_ENDPOINT_URL or ""
    if "://" in _media_origin:  # images from another origin: the CSP must allow it
        from urllib.parse import urlsplit as _urlsplit

        _parts = _urlsplit(_media_origin)
        CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(f"{_parts.scheme}://{_parts.netloc}")
    # Documents: Wagtail's view checks the collection's privacy, then streams the file from the
    # store ("serve_view"); "redirect" sends the visitor to a signed URL that expires after
    # AWS_QUERYSTRING_EXPIRE seconds instead (only when visitors can reach the store).
    WAGTAILDOCS_SERVE_METHOD = env.str("DOCUMENTS_SERVE_METHOD", "serve_view")

# PostgreSQL: a database host that does not answer fails a connection in seconds, not minutes
# (the readiness check and every request would hang on it).
if DATABASES["default"].get("ENGINE", "").endswith("postgresql"):
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DB_CONNECT_TIMEOUT", 5)
    )

# /healthz (liveness) and /readyz (readiness) for load balancers, answered before anything else
# (promo/health.py). READINESS_CHECK_TIMEOUT bounds the optional checks (cache, search, media).
MIDDLEWARE.insert(0, "promo.health.HealthCheckMiddleware")
READINESS_CHECK_TIMEOUT = env.float("READINESS_CHECK_TIMEOUT", 3)

# Cron jobs started on several servers at once run once (promo/locks.py): PostgreSQL advisory
# locks, or lock files here on SQLite (one machine).
CRON_LOCK_DIR = env.path("CRON_LOCK_DIR", VAR_DIR / "locks")

# Elasticsearch as a cluster (search/engines/es_cluster.py): ELASTICSEARCH_URL may list several
# nodes, comma-separated; credentials, TLS and the index layout come from here.
ELASTICSEARCH_API_KEY = env.str("ELASTICSEARCH_API_KEY", "")
ELASTICSEARCH_USERNAME = env.str("ELASTICSEARCH_USERNAME", "")
ELASTICSEARCH_PASSWORD = env.str("ELASTICSEARCH_PASSWORD", "")
ELASTICSEARCH_CA_CERTS = env.str("ELASTICSEARCH_CA_CERTS", "")  # PEM bundle
ELASTICSEARCH_VERIFY_CERTS = env.bool("ELASTICSEARCH_VERIFY_CERTS", True)
ELASTICSEARCH_SHARDS = env.int("ELASTICSEARCH_SHARDS", 1)
ELASTICSEARCH_REPLICAS = env.int("ELASTICSEARCH_REPLICAS", 0)
