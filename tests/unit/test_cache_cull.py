"""The file cache checks whether it is full at most every CULL_INTERVAL seconds (promo.cache)."""

import os

from promo.cache import LockingFileBasedCache


def _entries(path):
    return [name for name in os.listdir(path) if name.endswith(".djcache")]


def test_a_full_cache_is_culled_and_the_directory_is_not_scanned_again_at_once(tmp_path, monkeypatch):
    cache = LockingFileBasedCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10, "CULL_FREQUENCY": 2}})
    scans = []
    listed = cache._list_cache_files
    monkeypatch.setattr(cache, "_list_cache_files", lambda: scans.append(1) or listed())
    for n in range(10):
        cache.set(f"k{n}", n)
    assert len(scans) == 1  # the first write checked; the next nine did not look
    assert len(_entries(tmp_path)) == 10

    cache._next_cull = 0  # the interval has passed
    cache.set("k10", 10)
    assert len(scans) == 2
    assert len(_entries(tmp_path)) == 6  # full: half of the ten culled, then the new entry


def test_the_interval_is_an_option(tmp_path):
    cache = LockingFileBasedCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 3, "CULL_INTERVAL": 0}})
    for n in range(12):
        cache.set(f"k{n}", n)
    assert len(_entries(tmp_path)) <= 3
