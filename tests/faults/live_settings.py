"""Production settings for the fault-injection tests' gunicorn, except static files: the
manifest storage needs `collectstatic` (a minute of copying) and has nothing to do with
faults."""

from promo.settings.production import *  # noqa: F403

STORAGES = {
    **STORAGES,
    "staticfiles": {  # noqa: F405
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Every visitor here comes from 127.0.0.1: the per-address limit is not what is tested.
ENQUIRY_RATE_LIMIT = 100_000
# Served over plain http on loopback: secure-only cookies would never come back.
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE = False
