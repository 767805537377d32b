"""One run at a time for cron commands, across every machine of the site.

With several app servers each one's crontab starts `search_index sync`, `opportunity_alerts
send`, `enquiries purge|resend`, `backup`… at the same minute. `exclusive(name)` lets one run
and tells the others it is taken:

- on PostgreSQL (what a site on several machines shares) a session-level advisory lock, taken
  with `pg_try_advisory_lock` on a connection of its own. The server releases it when that
  connection ends, so a command that crashes or is killed never leaves a stale lock and needs
  no expiry to guess;
- on SQLite (one machine by design) an exclusive `flock` on a file in CRON_LOCK_DIR, which the
  kernel releases when the process ends.

`single_run(name)` wraps a management command's `handle`: the second run says the job is
already running elsewhere and exits with status 0 (cron must not mail an error for the normal
case of two servers starting the same job), unless `--wait` asked it to wait its turn.
"""

import contextlib
import fcntl
import functools
import hashlib
import os
import re
import time
from pathlib import Path

from django.conf import settings
from django.db import connections

# The same 64-bit key for a name on every machine (Python's hash() is salted per process).
_NAMESPACE = b"dautieng-cron:"


def advisory_key(name):
    digest = hashlib.blake2b(_NAMESPACE + name.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class Busy(Exception):
    """Another process holds the lock."""


@contextlib.contextmanager
def _postgres_lock(name, wait):
    # A connection of our own: Django may close or reuse the command's connection (e.g.
    # close_old_connections), which would silently drop a session lock held on it.
    conn = connections["default"].copy()
    try:
        key = advisory_key(name)
        deadline = time.monotonic() + (wait or 0)
        with conn.cursor() as cursor:
            while True:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
                if cursor.fetchone()[0]:
                    break
                if time.monotonic() >= deadline:
                    raise Busy(name)
                time.sleep(0.5)
        try:
            yield
        finally:
            with contextlib.suppress(Exception), conn.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
    finally:
        conn.close()


@contextlib.contextmanager
def _file_lock(name, wait):
    folder = Path(getattr(settings, "CRON_LOCK_DIR", Path(settings.VAR_DIR) / "locks"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") + ".lock")
    deadline = time.monotonic() + (wait or 0)
    with open(path, "a+") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Busy(name) from None
                time.sleep(0.5)
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n")
            handle.flush()
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def exclusive(name, wait=0):
    """Context manager: hold the site-wide lock `name`, or raise Busy (after `wait` seconds)."""
    if connections["default"].vendor == "postgresql":
        return _postgres_lock(name, wait)
    return _file_lock(name, wait)


def single_run(name, when=None):
    """Decorator for a command's `handle(self, *args, **options)`: run it under the lock `name`,
    which may use the options ("enquiries {action}"). `when(options)` false: no lock (e.g. a
    read-only `status`). A `--wait SECONDS` option, where the command declares one
    (`add_wait_argument`), waits for the other run instead of skipping."""

    def decorate(handle):
        @functools.wraps(handle)
        def wrapper(self, *args, **options):
            if when is not None and not when(options):
                return handle(self, *args, **options)
            lock = name.format(**options)
            try:
                with exclusive(lock, wait=options.get("wait") or 0):
                    if int(options.get("verbosity", 1)) >= 2:
                        self.stderr.write(f"{lock}: lock taken (pid {os.getpid()})")
                    return handle(self, *args, **options)
            except Busy:
                self.stdout.write(
                    f"{lock}: already running on this site (another server or "
                    "process holds the lock); nothing done."
                )
                return None

        return wrapper

    return decorate


def add_wait_argument(parser):
    parser.add_argument(
        "--wait",
        type=float,
        default=0,
        metavar="SECONDS",
        help="If the same job is running elsewhere, wait up to this long for "
        "it to finish instead of skipping this run.",
    )
