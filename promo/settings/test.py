import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
_TMP = Path(tempfile.mkdtemp(prefix="dautieng-test-"))
MEDIA_ROOT = _TMP / "media"
STATIC_ROOT = _TMP / "static"
STATIC_ROOT.mkdir()
SEARCH_INDEX_PATH = Path(SEARCH_INDEX_PATH_FROM_ENV or _TMP / "search.sqlite3")  # noqa: F405
# Tests choose the engine explicitly; a developer's ELASTICSEARCH_URL must not leak in.
ELASTICSEARCH_URL = ""
# Search work runs in the caller: a test's transaction is invisible to other threads.
SEARCH_BACKGROUND = False
SEARCH_LOG_FLUSH_SECONDS = 0
DATABASES = {
    "default": tune_sqlite(
        dj_database_url.parse(  # noqa: F405
            DATABASE_URL_FROM_ENV or "sqlite:///" + str(_TMP / "test.sqlite3")  # noqa: F405
        )
    )
}
# Tasks run as they are queued, as before the worker existed; tests of the worker and of
# requests that must not wait for it switch to the database backend.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "mail", "imports"],
    }
}
ENQUIRY_SPOOL_DIR = _TMP / "spool" / "enquiries"
VISIT_CLOCK_PARAMETER = True
# Maps draw no tiles in tests: nothing is fetched from outside the machine.
MAP_TILE_URL = ""
# The page cache is on in tests (its own tests run it against Redis too, see tests/pagecache).
CACHES["pages"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",  # noqa: F405
    "LOCATION": "pages",
}
CRON_LOCK_DIR = _TMP / "locks"
