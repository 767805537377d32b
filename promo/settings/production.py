from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
if not SECRET_KEY:  # noqa: F405 (read in base.py)
    raise ImproperlyConfigured("Set SECRET_KEY in the environment for production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 31536000)  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Rate limits (enquiries) and cached counters must be shared by every worker process: a file
# cache does that on one host (promo.cache makes its counting atomic); set CACHE_LOCATION to a
# shared path when scaling out.
CACHES = {
    "default": {
        "BACKEND": "promo.cache.LockingFileBasedCache",  # atomic add/incr across workers
        "LOCATION": env.str("CACHE_LOCATION", str(VAR_DIR / "cache")),  # noqa: F405
        # The view counter keeps one mark per visitor and page for a day; Django's default of
        # 300 entries would cull them within minutes on a busy day.
        "OPTIONS": {"MAX_ENTRIES": env.int("CACHE_MAX_ENTRIES", 50000)},
    }
}
# Several app servers share one Redis instead (REDIS_URL, docs/deploy.md): Redis counts
# atomically, so rate limits and the view counter hold across every server.
if REDIS_URL:  # noqa: F405
    CACHES["default"] = {
        "BACKEND": "promo.cache_redis.TolerantRedisCache",  # degrades when Redis is away
        "LOCATION": REDIS_URL,  # noqa: F405
        "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", "dautieng"),
        "TIMEOUT": 300,
        # A cache that stops answering costs a second, not a hung request.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }

# Behind the nginx recipe (deploy/nginx/dautieng.conf, docs/deploy.md) nginx serves /media/ and
# sends documents for Wagtail's document view (which checks privacy first).
if env.bool("NGINX_SENDFILE", False):  # noqa: F405
    SENDFILE_BACKEND = "promo.sendfile_nginx"
CACHES.setdefault("pages", PAGE_CACHE_BACKEND)  # noqa: F405  (the page cache, see base.py)
CACHES.setdefault("renditions", RENDITIONS_CACHE_BACKEND)  # noqa: F405  (see base.py)
