"""A real server with the demo catalogue, driven by Debian's Chromium through Playwright.

The server is started once per test session in its own process, on a fresh SQLite database
loaded with `load_demo`, exactly as `make run` does; the tests then use the site as a visitor.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.dbtemplate import copy_template

ROOT = Path(__file__).resolve().parents[2]
ADMIN = ("e2e-admin", "e2e-admin-password")  # a superuser of the demo server, for admin checks
DEMO_ADMIN = ADMIN
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path():
    path = os.environ.get("CHROMIUM_EXECUTABLE") or shutil.which("chromium")
    return path if path and os.path.exists(path) else None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# The demo server's environment, for tests that run management commands against its database.
DEMO_ENV = {}


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    """Base URL of a running demo site (migrated, demo catalogue loaded, index built)."""
    work = tmp_path_factory.mktemp("e2e-site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "promo.settings.dev",
        "DATABASE_URL": f"sqlite:///{work}/db.sqlite3",
        "SEARCH_INDEX_PATH": str(work / "idx.sqlite3"),
        "MEDIA_ROOT": str(work / "media"),
        "ELASTICSEARCH_URL": "",
        "VAR_DIR": str(work),
        # tests fix the visitor's clock with ?now=…; no map tiles from outside the
        # machine; mail to files the tests can read; the page cache on, as in production
        "VISIT_CLOCK_PARAMETER": "1",
        "MAP_TILE_URL": "",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(work / "mail"),
        "PAGE_CACHE": "1",
    }
    env.pop("ELASTICSEARCH_URL")
    DEMO_ENV.update(env, ROOT=str(ROOT))
    manage = [sys.executable, str(ROOT / "manage.py")]
    copy_template(work / "db.sqlite3")  # already migrated: `migrate` below finds nothing to do
    for args in (
        ["migrate", "-v0"],
        ["load_demo", "--no-admin"],
        ["createsuperuser", "--noinput", "--username", ADMIN[0], "--email", "e2e@example.com"],
    ):
        subprocess.run(
            manage + args,
            env={**env, "DJANGO_SUPERUSER_PASSWORD": ADMIN[1]},
            cwd=ROOT,
            check=True,
            timeout=1500,
            stdout=subprocess.DEVNULL,
        )
    port = free_port()
    server = subprocess.Popen(
        manage + ["runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    # Bounded, but generous: the first page compiles every template, and a shared machine under
    # load (parallel workers, other jobs) can take many seconds over it.
    deadline = time.monotonic() + 180
    while True:
        try:
            urllib.request.urlopen(base + "/vi/", timeout=30)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("the demo server did not start within 180 s")
            time.sleep(0.5)
    yield base
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


# Package scope: Chromium (and Playwright's event loop, which makes Django refuse database work
# in the same thread) is gone once the browser tests are done, before a worker runs others.
@pytest.fixture(scope="package")
def browser():
    path = chromium_path()
    if not path:
        message = "Chromium is not installed (scripts/chromium.sh install)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, tmp_path):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
