"""The page cache: anonymous GET responses of public pages, served from a shared cache and never
stale (see docs/caching.md).

What other apps use:
- `invalidate()` after a change the signals cannot see (a bulk `QuerySet.update`, raw SQL);
- `limit_lifetime(request, seconds)` when a response shows something that changes with the
  clock sooner than the day does (the cache already renews everything when the day changes);
- `pagecache.http.cacheable` on a public GET view (a feed, GeoJSON) for HTTP caching headers
  and the server-side cache;
- `{% live "name" args %}` and `pagecache.fragments.register` for the few parts of a page that
  must be fresh on every request (view counts, visitor statistics).
"""

from pagecache.store import invalidate, limit_lifetime  # noqa: F401
