"""The Nu Html Checker (vnu-jar from npm, run locally with Java) finds no errors."""

import json
import os
import re
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.pages import checked_paths

pytestmark = pytest.mark.e2e


def skip_or_fail(reason):
    # On CI a missing checker is a broken set-up, not a reason to pass quietly.
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


NU_JVM_OPTIONS = ("-XX:TieredStopAtLevel=1", "-Xss4m")


def check_html(java, files):
    """The Nu checker's messages for `files` ({file: the path it was fetched from}) and its
    errors as lines naming the page."""
    result = subprocess.run(
        # A short-lived JVM: the quick compiler only (about a second sooner for one batch of
        # pages), with the larger thread stack the checker's schema then needs.
        [java, *NU_JVM_OPTIONS, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: "
        f"line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]
    return messages, errors


def fetch(url):
    with urllib.request.urlopen(url, timeout=20) as response:
        return response.read()


def test_pages_are_valid_html(demo_server, tmp_path):
    java = shutil.which("java")
    if not VNU.exists() or not java:
        skip_or_fail("vnu-jar (npm ci) or Java is missing")
    listing = fetch(demo_server + "/en/investment/").decode()
    ref = re.search(r'href="/en/investment/([a-z0-9][a-z0-9-]+)/"', listing).group(1)
    files = {}
    for lang in ("vi", "en"):
        for n, path in enumerate(checked_paths(lang, ref)):
            target = tmp_path / f"{lang}-{n:02d}.html"
            target.write_bytes(fetch(demo_server + path))
            files[str(target)] = path
    messages, errors = check_html(java, files)
    (ROOT / "var").mkdir(exist_ok=True)
    (ROOT / "var" / "e2e-vnu-report.json").write_text(json.dumps(messages, indent=1))
    assert not errors, "\n".join(errors)
