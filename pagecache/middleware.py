"""Serve anonymous visitors' page views from the page cache, and fill it.

Sits after the session, CSRF, authentication and message middleware (see settings), so that a
response served from the cache still passes through them on the way out: a page with a form
gets its visitor's CSRF cookie, and the language is already active for the live fragments.

Only these requests are looked up: GET, no session cookie (staff, and anyone the site has kept
something for), no pending messages, no Authorization header. Only these responses are stored:
status 200 from a Wagtail page (not a preview) or from a view marked with
`pagecache.http.cacheable`, setting no cookie, not marked private or no-store, and whose
rendering neither wrote to the session nor used the messages.
"""

import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

from pagecache import fragments
from pagecache.store import Entry, is_fresh, key_for, lookup, store, today

HEADER = "X-Page-Cache"
_NOT_STORED = {"set-cookie", HEADER.lower(), "content-length", "etag"}


def _cacheable_request(request):
    if request.method != "GET" or not settings.PAGE_CACHE_ENABLED:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return len(request.META.get("QUERY_STRING", "")) <= settings.PAGE_CACHE_MAX_QUERY_LENGTH


def _opted_in(request, response):
    """A Wagtail page or a view marked cacheable; never a preview. (A page behind a password or
    a login shows anonymous visitors only the same prompt; whoever passes it has a session
    cookie and is not served from the cache.)"""
    if getattr(response, "page_cache", None) is not None:
        return bool(response.page_cache)
    match = getattr(request, "resolver_match", None)
    return (
        match is not None and match.url_name == "wagtail_serve" and not getattr(request, "is_preview", False)
    )


def _personal(request, response):
    """Did producing this response depend on, or leave, anything of this visitor's?"""
    if response.cookies:
        return True
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return True
    if "cookie" in response.get("Vary", "").lower():
        return True
    # Reading the session of a request without a session cookie (Wagtail's user bar asks who
    # is signed in) gives the anonymous answer; writing one would start a session.
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return True
    messages = getattr(request, "_messages", None)
    return messages is not None and (
        getattr(messages, "used", False) or getattr(messages, "added_new", False)
    )


def _lifetime(request, response):
    lifetime = settings.PAGE_CACHE_TIMEOUT
    limit = getattr(request, "_pagecache_lifetime", None)
    if limit is not None:
        lifetime = min(lifetime, limit)
    return lifetime


def _page_headers(response, created, private):
    """HTTP caching for pages: revalidate with the ETag (ConditionalGetMiddleware adds it) or
    Last-Modified each time, so a browser never shows an old copy; a shared cache may keep a
    page for PAGE_CACHE_SHARED_MAX_AGE seconds when one is configured to be purged. A view that
    chose its own Cache-Control (pagecache.http.cacheable) keeps it."""
    if private:
        if "Cache-Control" in response:
            del response["Cache-Control"]
        patch_cache_control(response, private=True, max_age=0, must_revalidate=True)
    elif "Cache-Control" not in response:
        options = {"public": True, "max_age": settings.PAGE_CACHE_BROWSER_MAX_AGE, "must_revalidate": True}
        if settings.PAGE_CACHE_SHARED_MAX_AGE:
            options["s_maxage"] = settings.PAGE_CACHE_SHARED_MAX_AGE
        patch_cache_control(response, **options)
    response.setdefault("Last-Modified", http_date(created))


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            response = self.get_response(request)
            if request.method == "GET" and _opted_in(request, response):
                # A signed-in editor's page (with the user bar): no shared cache may keep it.
                patch_cache_control(response, private=True, no_cache=True)
                response[HEADER] = "bypass"
            return response

        language = get_language()
        key = key_for(request, language)
        generation, entry = lookup(key)
        if is_fresh(entry, generation):
            return self._from_entry(entry, request)

        started = time.time()
        response = self.get_response(request)
        if not _opted_in(request, response):
            return response
        if response.status_code != 200 or response.streaming or _personal(request, response):
            response[HEADER] = "bypass"
            return response
        csrf_used = bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
        parts = fragments.split(response.content, csrf_used)
        lifetime = _lifetime(request, response)
        if parts is None or lifetime <= 0:
            response[HEADER] = "bypass"
            return response
        entry = Entry(
            generation=generation,
            day=today(),
            status=response.status_code,
            headers=[(k, v) for k, v in response.items() if k.lower() not in _NOT_STORED],
            parts=parts,
            created=started,
            private=fragments.has_private_parts(parts),
        )
        stored = store(key, entry, lifetime)
        _page_headers(response, started, entry.private)
        response[HEADER] = "miss" if stored else "bypass"
        return response

    @staticmethod
    def _from_entry(entry, request):
        response = HttpResponse(fragments.join(entry.parts, request), status=entry.status)
        for name, value in entry.headers:
            response[name] = value
        _page_headers(response, entry.created, entry.private)
        response[HEADER] = "hit"
        return response
