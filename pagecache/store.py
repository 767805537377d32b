"""Where cached pages live and when they stop being valid.

Every entry records the *generation* and the *day* it was rendered in. A content change (see
invalidation.py) replaces the generation, at once and again after its commit; a new day in the site's
time zone (fairs turn from upcoming to past) makes every entry of the day before invalid. An
entry is served only when both still match, so nothing needs to be found and deleted: a stale
entry is simply never served again and is overwritten (or expires) later.

The generation and the page are read in one round trip (`get_many`), so a cache server costs one
network call per request. Entries live in the cache alias `settings.PAGE_CACHE_ALIAS`: a file
cache shared by the worker processes of one machine by default, Redis for several machines.
"""

import hashlib
import time
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils import timezone

GENERATION_KEY = "pagecache:generation"


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def today():
    return timezone.localdate().isoformat()


@dataclass
class Entry:
    """A rendered response without anything personal: body parts are bytes, or (name, args)
    of a live fragment rendered afresh for each request."""

    generation: str
    day: str
    status: int
    headers: list
    parts: list
    created: float = field(default_factory=time.time)
    private: bool = False  # holds a per-visitor part (a CSRF token): not for shared caches


def key_for(request, language):
    """One entry per URL (scheme, host, path and the query string as sent), language and
    cookie-chosen variant (PAGE_CACHE_VARY_ON_COOKIES, e.g. the high-contrast theme)."""
    variant = "&".join(
        f"{name}={request.COOKIES.get(name, '')}" for name in settings.PAGE_CACHE_VARY_ON_COOKIES
    )
    raw = "\n".join(
        (
            request.scheme,
            request.get_host(),
            request.path,
            request.META.get("QUERY_STRING", ""),
            language,
            variant,
        )
    )
    return "pagecache:page:" + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


def lookup(key):
    """(current generation, Entry or None) in one round trip."""
    found = page_cache().get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = _new_generation()
    return generation, found.get(key)


def current_generation():
    return page_cache().get(GENERATION_KEY) or _new_generation()


def is_fresh(entry, generation):
    return isinstance(entry, Entry) and entry.generation == generation and entry.day == today()


def store(key, entry, timeout):
    """Keep `entry` unless the content changed while it was being rendered: a page rendered
    from data read before a commit must not be filed under the generation that followed it."""
    if page_cache().get(GENERATION_KEY) != entry.generation:
        return False
    page_cache().set(key, entry, timeout)
    return True


def _new_generation():
    generation = uuid.uuid4().hex
    if not page_cache().add(GENERATION_KEY, generation, timeout=None):
        generation = page_cache().get(GENERATION_KEY) or generation
    return generation


def _bump():
    from pagecache.memo import forget_generation

    page_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    forget_generation()


def invalidate(using=DEFAULT_DB_ALIAS):
    """Make every cached page stale: at once, and again when the current transaction commits.

    At once, so that nothing cached before the change is served from now on (and so that the
    same connection, which already sees the change, never gets the old page). Again after the
    commit, because until then other connections still read the old rows and may cache a page
    made from them under the new generation. Many changes in one transaction (an import) add
    one after-commit invalidation."""
    _bump()
    connection = connections[using]
    if not connection.in_atomic_block:
        return
    if not any(func is _bump for _sids, func, _robust in connection.run_on_commit):
        transaction.on_commit(_bump, using=using)


def limit_lifetime(request, seconds):
    """The response being rendered for `request` may be served from the cache for at most
    `seconds` (0: not cached at all), e.g. a page that says what is open right now."""
    current = getattr(request, "_pagecache_lifetime", None)
    seconds = max(0, int(seconds))
    request._pagecache_lifetime = seconds if current is None else min(current, seconds)
