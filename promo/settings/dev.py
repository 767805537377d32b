import os

from .base import *  # noqa: F403

DEBUG = True
# A development key only; production refuses to start without SECRET_KEY in the environment.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")  # noqa: F405
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# With EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend, messages go to files here.
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))  # noqa: F405
# Templates and code change under a developer's hands: pages are rendered afresh unless asked.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", False)  # noqa: F405
