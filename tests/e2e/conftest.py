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

from tests.e2e import demo_build

ROOT = Path(__file__).resolve().parents[2]
ADMIN = demo_build.ADMIN
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
def demo_server(tmp_path_factory, worker_id):
    """Base URL of a running demo site (migrated, demo catalogue loaded, index built): this
    worker's own copy of the demo built once for the run (tests/e2e/demo_build.py)."""
    folder = demo_build.shared_folder(tmp_path_factory, worker_id)
    try:
        demo_build.build(folder)
    except (subprocess.SubprocessError, TimeoutError) as exc:
        log = folder / demo_build.LOG
        pytest.fail(f"the demo site was not built: {exc}\n{log.read_text()[-4000:] if log.exists() else ''}")
    work = tmp_path_factory.mktemp("e2e-site")
    demo_build.copy_site(folder, work)
    env = demo_build.site_env(work)
    DEMO_ENV.update(env, ROOT=str(ROOT))
    manage = [sys.executable, str(ROOT / "manage.py")]
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
