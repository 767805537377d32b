from django.conf import settings
from django.core import checks


@checks.register()
def page_cache_settings(app_configs, **kwargs):
    problems = []
    alias = getattr(settings, "PAGE_CACHE_ALIAS", None)
    if alias not in settings.CACHES:
        problems.append(
            checks.Error(
                f"PAGE_CACHE_ALIAS names the cache {alias!r}, which CACHES does not define",
                id="pagecache.E001",
            )
        )
    # Pages carry the view counter's signed token (portal.beacon), valid for VIEW_TOKEN_MAX_AGE:
    # a page served from the cache (or from a browser's or proxy's copy) must still carry a valid one.
    token_age = getattr(settings, "VIEW_TOKEN_MAX_AGE", None)
    longest = settings.PAGE_CACHE_TIMEOUT + max(
        settings.PAGE_CACHE_BROWSER_MAX_AGE, settings.PAGE_CACHE_SHARED_MAX_AGE
    )
    if token_age is not None and longest >= token_age:
        problems.append(
            checks.Error(
                f"a page may be served up to {longest} s after it was rendered (PAGE_CACHE_TIMEOUT "
                f"plus the HTTP max-age), but its view-counter token is valid for only "
                f"VIEW_TOKEN_MAX_AGE = {token_age} s",
                id="pagecache.E002",
            )
        )
    return problems
