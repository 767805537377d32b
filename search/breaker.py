"""A circuit breaker per remote engine: after a failure, stop asking it for a while.

A hung Elasticsearch costs a visitor one short timeout at most; after that every search and
autocomplete goes straight to the embedded index and after-commit indexing leaves its updates
pending (the cron `search_index sync` applies them), until `SEARCH_BREAKER_COOLDOWN` seconds
have passed. Then one request is let through to try again ("half open"): success closes the
breaker, failure opens it for another cool-down. Per process; no shared state to go stale.
"""

from __future__ import annotations

import logging
import threading
import time

log = logging.getLogger(__name__)
DEFAULT_COOLDOWN = 30.0


def _cooldown() -> float:
    from django.conf import settings

    return float(getattr(settings, "SEARCH_BREAKER_COOLDOWN", DEFAULT_COOLDOWN))


class Breaker:
    def __init__(self, name: str):
        self.name = name
        self._lock = threading.Lock()
        self._open_until = 0.0  # 0: closed

    def allow(self) -> bool:
        """Whether to call the engine now. Once a cool-down has passed, one caller is let
        through (the others keep the fallback until it has answered or failed)."""
        now = time.monotonic()
        with self._lock:
            if not self._open_until:
                return True
            if now < self._open_until:
                return False
            self._open_until = now + _cooldown()
            return True

    def succeeded(self) -> None:
        with self._lock:
            if self._open_until:
                log.info("search engine %s answers again", self.name)
            self._open_until = 0.0

    def failed(self) -> None:
        with self._lock:
            if not self._open_until:
                log.warning(
                    "search engine %s failed: using the embedded index for %.0f s", self.name, _cooldown()
                )
            self._open_until = time.monotonic() + _cooldown()

    @property
    def is_open(self) -> bool:
        with self._lock:
            return bool(self._open_until)


def breaker_for(engine) -> Breaker:
    """The engine's breaker (one per engine instance, created on first use)."""
    breaker = getattr(engine, "_breaker", None)
    if breaker is None:
        with _lock:
            breaker = getattr(engine, "_breaker", None)
            if breaker is None:
                breaker = Breaker(getattr(engine, "name", "?"))
                engine._breaker = breaker
    return breaker


_lock = threading.Lock()
