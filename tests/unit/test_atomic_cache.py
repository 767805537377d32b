"""Counting in the production file cache is exact across worker processes."""

import multiprocessing
import time

import pytest

from promo.cache import LockingFileBasedCache

WORKERS, EACH = 4, 40


def _hammer(location, key, start):
    cache = LockingFileBasedCache(location, {})
    while time.time() < start:
        pass
    for _ in range(EACH):
        if not cache.add(key, 1, timeout=600):
            cache.incr(key)


def _run(location, key):
    context = multiprocessing.get_context("fork")
    start = time.time() + 0.5
    processes = [context.Process(target=_hammer, args=(location, key, start)) for _ in range(WORKERS)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(30)
        assert process.exitcode == 0


def test_concurrent_add_and_incr_lose_no_update(tmp_path):
    _run(str(tmp_path), "hits")
    assert LockingFileBasedCache(str(tmp_path), {}).get("hits") == WORKERS * EACH


def test_incr_keeps_the_expiry(tmp_path, monkeypatch):
    cache = LockingFileBasedCache(str(tmp_path), {"TIMEOUT": 60})
    cache.add("window", 1, timeout=3600)
    cache.incr("window")
    later = time.time() + 600  # past the cache's default timeout, well inside the entry's own
    monkeypatch.setattr(time, "time", lambda: later)
    assert cache.get("window") == 2
    monkeypatch.setattr(time, "time", lambda: later + 3600)
    assert cache.get("window") is None


def test_incr_of_a_missing_or_expired_key_fails(tmp_path):
    cache = LockingFileBasedCache(str(tmp_path), {})
    with pytest.raises(ValueError):
        cache.incr("missing")
    cache.set("gone", 1, timeout=-1)  # already expired
    with pytest.raises(ValueError):
        cache.incr("gone")
    assert cache.add("gone", 5) and cache.decr("gone") == 4
