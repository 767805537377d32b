"""Staff-edited data every search reads (synonym groups, best bets), loaded once per change.

Each kind of data has a version number in Django's cache (shared by the workers wherever the
cache is: a file cache or Redis in production), bumped by a signal when staff save or delete
a row; a worker reloads its copy when the version differs from the one it loaded. A search then
costs one cache read instead of database queries.
"""

from __future__ import annotations

import threading
from typing import Callable, TypeVar

from django.core.cache import cache

T = TypeVar("T")
_lock = threading.Lock()
_loaded: dict[str, tuple[object, object]] = {}  # name -> (version, value)


def _key(name: str) -> str:
    return f"search:{name}:version"


def versioned(name: str, loader: Callable[[], T]) -> T:
    version = cache.get(_key(name))
    held = _loaded.get(name)
    if held is not None and held[0] == version and version is not None:
        return held[1]  # type: ignore[return-value]
    value = loader()
    with _lock:
        if version is None:  # first use, or the cache was cleared: start a version
            version = 1
            cache.add(_key(name), version, None)
            version = cache.get(_key(name), version)
        _loaded[name] = (version, value)
    return value


def bump(name: str) -> None:
    """Tell every worker to reload `name` before its next use."""
    try:
        cache.incr(_key(name))
    except ValueError:  # not in the cache (first edit, or the cache was cleared)
        cache.set(_key(name), 1, None)
    _loaded.pop(name, None)
