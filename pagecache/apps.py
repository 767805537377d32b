from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from pagecache import checks, invalidation  # noqa: F401  (registers signals and checks)

        autodiscover_modules("fragments")  # each app's live fragments (e.g. portal/fragments.py)
        invalidation.connect()
