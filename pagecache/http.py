"""HTTP caching for public GET views that are not Wagtail pages: feeds, calendars, sitemaps,
GeoJSON.

    from pagecache.http import cacheable

    @cacheable(max_age=300)
    def places_geojson(request): ...

The response gets `Cache-Control: public, max-age=…`, an ETag (ConditionalGetMiddleware
computes it from the body; a view may set its own) and, when `last_modified(request, *args,
**kwargs)` is given, Last-Modified; a request whose If-None-Match or If-Modified-Since still
matches gets 304. The response is also kept in the page cache like a page, with the same
invalidation, unless `server_cache=False`. Only for responses that are the same for every
visitor of that URL and language.
"""

import functools

from django.utils.cache import patch_cache_control
from django.utils.http import http_date


def cacheable(view=None, *, max_age=300, last_modified=None, server_cache=True):
    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if request.method not in ("GET", "HEAD") or response.status_code != 200:
                return response
            patch_cache_control(response, public=True, max_age=max_age)
            if last_modified is not None and "Last-Modified" not in response:
                moment = last_modified(request, *args, **kwargs)
                if moment is not None:
                    response["Last-Modified"] = http_date(moment.timestamp())
            response.page_cache = server_cache
            return response

        return wrapped

    return decorator(view) if view is not None else decorator
