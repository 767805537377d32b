"""The pages every official site has — privacy notice, accessibility statement, "not found" —
pass axe (WCAG 2.1 AA, no serious or critical violation) and the Nu Html Checker in all five
languages."""

import shutil
import urllib.error
import urllib.request

import pytest

from tests.e2e.pages import LANGUAGES
from tests.e2e.test_accessibility import AXE, run_axe, skip_or_fail
from tests.e2e.test_html_valid import VNU, check_html

pytestmark = pytest.mark.e2e


def official_paths(lang):
    # the demo server runs with DEBUG: /errors/404/ shows the site's own "not found" page
    return [f"/{lang}/privacy/", f"/{lang}/accessibility/", f"/{lang}/errors/404/"]


def test_axe_on_official_pages(page, demo_server):
    if not AXE.exists():
        skip_or_fail("axe-core is not installed (npm ci)")
    failures = []
    for lang in LANGUAGES:
        for path in official_paths(lang):
            page.goto(demo_server + path)
            failures += [
                f"{path}: {v['id']} ({v['impact']}): {v['help']} at {v['nodes']}"
                for v in run_axe(page)
                if v["impact"] in ("serious", "critical")
            ]
    assert not failures, "\n".join(failures)


def test_official_pages_are_valid_html(demo_server, tmp_path):
    java = shutil.which("java")
    if not VNU.exists() or not java:
        skip_or_fail("vnu-jar (npm ci) or Java is missing")
    files = {}
    for lang in LANGUAGES:
        for n, path in enumerate(official_paths(lang)):
            try:
                body = urllib.request.urlopen(demo_server + path, timeout=20).read()
            except urllib.error.HTTPError as error:  # the 404 page comes with its status
                body = error.read()
            target = tmp_path / f"{lang}-{n}.html"
            target.write_bytes(body)
            files[str(target)] = path
    _messages, errors = check_html(java, files)
    assert not errors, "\n".join(errors)
