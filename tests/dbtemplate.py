"""A migrated SQLite database kept between test runs, so a run does not migrate from scratch.

Migrating the ~200 migrations of Django, Wagtail and this project takes 15-50 s on this
machine, once per pytest process (and so once per xdist worker). The migrated database is the
same every time as long as the migration files are the same, so the first process that needs it
builds it once into `var/test-db/<hash>.sqlite3` or TEST_DB_TEMPLATE_DIR (under a file lock, so
parallel workers do not build it twice) and every test database is a copy of that file; Django's
own `migrate` then runs on the copy as usual and finds nothing to do. A change to any
migration file (or to the Django version or the language settings, which the data migrations
read) makes a new hash and a new template. PostgreSQL runs keep pytest-django's usual create-and-migrate path.
"""

import atexit
import contextlib
import fcntl
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# TEST_DB_TEMPLATE_DIR puts it elsewhere: CI keeps it in the machine's cache between fresh
# clones (.ci/run), as it keeps pip's downloads.
TEMPLATE_DIR = Path(os.environ.get("TEST_DB_TEMPLATE_DIR") or ROOT / "var" / "test-db")
KEEP = 3  # templates kept for other branches' migrations; older ones are removed


def migrations_fingerprint() -> str:
    """Hash of every migration file of every installed app, plus what data migrations read."""
    import django
    from django.apps import apps
    from django.conf import settings

    digest = hashlib.sha256()
    digest.update(repr((django.VERSION, settings.LANGUAGE_CODE, settings.LANGUAGES)).encode())
    for config in sorted(apps.get_app_configs(), key=lambda c: c.label):
        folder = Path(config.path) / "migrations"
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.py")):
            digest.update(f"{config.label}/{path.name}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@contextlib.contextmanager
def _locked(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build(target: Path) -> None:
    """Run `manage.py migrate` into a fresh file and move it into place when complete."""
    partial = target.with_suffix(f".partial-{os.getpid()}")
    partial.unlink(missing_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "promo.settings.test",
        "DATABASE_URL": f"sqlite:///{partial}",
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "migrate", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if done.returncode != 0:
        partial.unlink(missing_ok=True)
        raise RuntimeError(f"building the test database template failed:\n{done.stderr[-4000:]}")
    # One self-contained file (settings may put SQLite in WAL mode, which keeps a side file).
    with contextlib.closing(sqlite3.connect(partial)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute("PRAGMA journal_mode=DELETE")
    os.replace(partial, target)


def _prune(keep: Path) -> None:
    old = sorted(
        (p for p in TEMPLATE_DIR.glob("*.sqlite3") if p != keep),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for path in old[KEEP - 1 :]:
        path.unlink(missing_ok=True)


def migrated_template() -> Path:
    """Path of the migrated template for the current migrations, built if missing."""
    target = TEMPLATE_DIR / f"{migrations_fingerprint()}.sqlite3"
    if target.exists():
        os.utime(target)
        return target
    with _locked(TEMPLATE_DIR / ".lock"):
        if not target.exists():  # another worker may have built it while we waited
            _build(target)
            _prune(target)
    return target


@cache
def scratch_dir() -> Path:
    """A folder for this process's throwaway databases: in RAM (/dev/shm) where there is one,
    since SQLite's fsyncs on a busy shared disk cost more than the tests' own work."""
    shm = Path("/dev/shm")
    base = shm if shm.is_dir() and os.access(shm, os.W_OK) else None
    folder = Path(tempfile.mkdtemp(prefix="dautieng-tests-", dir=base))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def copy_template(destination: Path) -> Path:
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated_template(), destination)
    return destination
