"""A file cache whose `add` and `incr` are atomic across processes.

Django's file cache implements `add` as "has_key, then set" and `incr` as "get, then set" (which
also resets the entry's expiry to the default timeout), so several gunicorn workers counting
the same thing lose updates: 24 concurrent enquiries got past a limit of 5. Here both run
under one exclusive lock file in the cache directory, and `incr` keeps the entry's expiry.
Locmem and Redis already count atomically; counters (rate limits, the view counter's
once-a-day marks) rely only on `add` and `incr`, so they are exact on all three.
"""

import os
import pickle
import time
import zlib
from contextlib import contextmanager

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks

LOCK_NAME = "atomic.lock"  # not a *.djcache file, so culling and clear() leave it alone


class LockingFileBasedCache(FileBasedCache):
    def __init__(self, dir, params):
        super().__init__(dir, params)
        # Django lists the whole cache directory on every write to see whether it is full; with
        # tens of thousands of entries (the view counter's daily marks) that scan is most of
        # what a write costs. Checking at most every CULL_INTERVAL seconds per process keeps the
        # bound (passed at most by the writes of those seconds) without the scan.
        self._cull_interval = float(params.get("OPTIONS", {}).get("CULL_INTERVAL", 30))
        self._next_cull = 0.0

    def _cull(self):
        now = time.monotonic()
        if now < self._next_cull:
            return
        self._next_cull = now + self._cull_interval
        super()._cull()

    @contextmanager
    def _exclusive(self):
        self._createdir()
        with open(os.path.join(self._dir, LOCK_NAME), "a+b") as lock_file:
            locks.lock(lock_file, locks.LOCK_EX)
            try:
                yield
            finally:
                locks.unlock(lock_file)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._exclusive():
            return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        with self._exclusive():
            fname = self._key_to_file(key, version)
            try:
                with open(fname, "rb") as f:
                    expiry = pickle.load(f)
                    value = pickle.loads(zlib.decompress(f.read()))
            except (FileNotFoundError, EOFError):
                raise ValueError(f"Key '{key}' not found") from None
            remaining = None if expiry is None else expiry - time.time()
            if remaining is not None and remaining <= 0:
                self._delete(fname)
                raise ValueError(f"Key '{key}' not found")
            new_value = value + delta
            self.set(key, new_value, remaining, version)
            return new_value
