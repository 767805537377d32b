"""Engine selection: the embedded SQLite FTS5 engine unless `ELASTICSEARCH_URL` is set."""

from __future__ import annotations

import threading
from pathlib import Path

_lock = threading.Lock()
_engines: dict[tuple, object] = {}


def _setting(name: str, default):
    from django.conf import settings

    return getattr(settings, name, default) or default


def get_embedded_engine():
    """The SQLite engine at `SEARCH_INDEX_PATH` (one instance per path, shared by threads)."""
    from search.engines.sqlite import SqliteEngine

    path = Path(_setting("SEARCH_INDEX_PATH", Path("var") / "search.sqlite3"))
    key = ("sqlite", str(path))
    with _lock:
        if key not in _engines:
            _engines[key] = SqliteEngine(path)
        return _engines[key]


def get_engine():
    """The configured engine: Elasticsearch when `ELASTICSEARCH_URL` is set, else SQLite."""
    url = _setting("ELASTICSEARCH_URL", "")
    if not url:
        return get_embedded_engine()
    prefix = _setting("ELASTICSEARCH_INDEX_PREFIX", "dautieng")
    key = ("elasticsearch", url, prefix)
    with _lock:
        if key not in _engines:
            from search.engines.elastic import ElasticEngine  # needs the ES client: import lazily

            _engines[key] = ElasticEngine(url, index_prefix=prefix)
        return _engines[key]


def reset_engines() -> None:
    """Forget cached engines (tests that change settings call this)."""
    with _lock:
        _engines.clear()
