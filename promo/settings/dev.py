from .base import *  # noqa: F403

DEBUG = True
# A development key only; production refuses to start without SECRET_KEY in the environment.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405
EMAIL_BACKEND = EMAIL_BACKEND_FROM_ENV or "django.core.mail.backends.console.EmailBackend"  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# With EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend, messages go to files here.
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))  # noqa: F405
# Templates and code change under a developer's hands: pages are rendered afresh unless asked.
PAGE_CACHE_ENABLED = bool(PAGE_CACHE_FROM_ENV)  # noqa: F405
