"""Work a visitor's or an editor's request must not wait for, done by one thread per process.

Search keeps two kinds of such work: sending index updates to a remote engine after a publish
(what fails stays pending in the database, so losing the queue loses nothing) and writing the
aggregated search log (counts buffered in memory, flushed every few seconds). One daemon thread
with a bounded queue runs them in order; `drain()` waits for it (tests, process exit).

`SEARCH_BACKGROUND = False` (the test settings) runs each job at once in the caller instead,
since a test's database transaction is invisible to other threads.
"""

from __future__ import annotations

import atexit
import logging
import queue
import threading
import time
from typing import Callable

log = logging.getLogger(__name__)
MAX_QUEUED = 1000

_queue: queue.Queue = queue.Queue(maxsize=MAX_QUEUED)
_lock = threading.Lock()
_thread: threading.Thread | None = None
_idle = threading.Event()
_idle.set()


def _inline() -> bool:
    from django.conf import settings

    return not getattr(settings, "SEARCH_BACKGROUND", True)


def _run(job: Callable[[], None]) -> None:
    from django.db import close_old_connections

    try:
        job()
    except Exception:  # a background job must never kill the worker
        log.exception("background search job %s failed", getattr(job, "__name__", job))
    finally:
        close_old_connections()


def _worker() -> None:
    while True:
        job = _queue.get()
        try:
            _run(job)
        finally:
            _queue.task_done()
            if _queue.unfinished_tasks == 0:
                _idle.set()


def submit(job: Callable[[], None]) -> bool:
    """Run `job()` soon, off the caller's thread; False when the queue is full (dropped)."""
    if _inline():
        job()
        return True
    global _thread
    with _lock:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_worker, name="search-background", daemon=True)
            _thread.start()
    try:
        _idle.clear()
        _queue.put_nowait(job)
    except queue.Full:
        log.warning("search background queue full: %s dropped", getattr(job, "__name__", job))
        return False
    return True


def drain(timeout: float = 10.0) -> bool:
    """Wait until every submitted job has run; False on timeout."""
    deadline = time.monotonic() + timeout
    while _queue.unfinished_tasks:
        if not _idle.wait(max(0.0, deadline - time.monotonic())):
            return False
        if time.monotonic() >= deadline:
            return not _queue.unfinished_tasks
    return True


atexit.register(drain, 5.0)
