"""The demo site the browser tests visit, built once per test run and shared by the workers.

Loading the demo (catalogue, pictures, search index) is the longest single step of the suite.
One process builds it into a folder shared by the run (`python -m tests.e2e.demo_build FOLDER`,
started in the background as soon as a run has browser tests to do, see tests/conftest.py);
each worker then copies the finished database, media and index into its own folder and serves
that copy, so the browser tests can run on every worker without seeing each other's writes.
"""

import contextlib
import fcntl
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ADMIN = ("e2e-admin", "e2e-admin-password")  # a superuser of the demo server, for admin checks
BUILD_TIMEOUT = 1500  # seconds; the whole build, on a loaded machine
READY = "ready"
LOG = "build.log"


def site_env(folder: Path) -> dict:
    """The environment of a demo site kept in `folder`, as `make run` would set it up."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "promo.settings.dev",
        "DATABASE_URL": f"sqlite:///{folder}/db.sqlite3",
        "SEARCH_INDEX_PATH": str(folder / "idx.sqlite3"),
        "MEDIA_ROOT": str(folder / "media"),
        "VAR_DIR": str(folder),
        # tests fix the visitor's clock with ?now=…; no map tiles from outside the machine;
        # mail to files the tests can read; the page cache on, as in production
        "VISIT_CLOCK_PARAMETER": "1",
        "MAP_TILE_URL": "",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(folder / "mail"),
        "PAGE_CACHE": "1",
        "ELASTICSEARCH_URL": "",
    }


@contextlib.contextmanager
def locked(folder: Path, timeout: float = BUILD_TIMEOUT):
    """Hold the build lock of `folder`, waiting at most `timeout` seconds for another builder."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / f"{folder.name}.lock", "w") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"the demo build in {folder} took over {timeout:.0f} s") from None
                time.sleep(0.5)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def shared_folder(tmp_path_factory, worker_id: str) -> Path:
    """The run's demo folder: in the base folder pytest-xdist's workers share."""
    base = tmp_path_factory.getbasetemp()
    return (base if worker_id == "master" else base.parent) / "e2e-demo"


def is_ready(folder: Path) -> bool:
    return (folder / READY).exists()


def build(folder: Path) -> None:
    """Migrate, load the demo and add the admin login into `folder`, unless already done."""
    from tests.dbtemplate import copy_template

    with locked(folder):
        if is_ready(folder):
            return
        env = {**site_env(folder), "DJANGO_SUPERUSER_PASSWORD": ADMIN[1]}
        manage = [sys.executable, str(ROOT / "manage.py")]
        copy_template(folder / "db.sqlite3")  # already migrated: `migrate` finds nothing to do
        with open(folder / LOG, "w") as log:
            for args in (
                ["migrate", "-v0"],
                ["load_demo", "--no-admin"],
                ["createsuperuser", "--noinput", "--username", ADMIN[0], "--email", "e2e@example.com"],
            ):
                run = dict(env=env, cwd=ROOT, check=True, timeout=BUILD_TIMEOUT, stdout=log, stderr=log)
                subprocess.run(manage + args, **run)
        # One self-contained file to copy (the site may keep SQLite in WAL mode).
        with contextlib.closing(sqlite3.connect(folder / "db.sqlite3")) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (folder / READY).write_text(f"{time.time()}\n")


def copy_site(source: Path, destination: Path) -> None:
    """A private copy of a built demo site for one worker's server."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("db.sqlite3", "idx.sqlite3"):
        if (source / name).exists():
            shutil.copyfile(source / name, destination / name)
    if (source / "media").is_dir():
        shutil.copytree(source / "media", destination / "media", dirs_exist_ok=True)


def start_in_background(folder: Path) -> subprocess.Popen:
    """Start building `folder` in another process; `build()` in a worker waits for it."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "background.log", "w") as log:
        # its own process group, so that stopping it stops the manage.py commands it runs
        return subprocess.Popen(
            [sys.executable, "-m", "tests.e2e.demo_build", str(folder)],
            cwd=ROOT,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )


def stop(builder: subprocess.Popen) -> None:
    if builder.poll() is None:
        os.killpg(builder.pid, signal.SIGTERM)
        try:
            builder.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(builder.pid, signal.SIGKILL)


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "promo.settings.test")
    django.setup()  # tests.dbtemplate reads the migrations of the installed apps
    build(Path(sys.argv[1]))
