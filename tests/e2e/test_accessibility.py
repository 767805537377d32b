"""WCAG 2.1 AA checks with axe-core in real Chromium: no serious or critical violations on the
pages a visitor uses, in both themes where the site offers a high-contrast one."""

import json
import os
import re
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
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REPORT = ROOT / "var" / "e2e-axe-report.json"


def form_path(base):
    """The contact form, when the enquiries app provides one."""
    try:
        urllib.request.urlopen(base + "/en/contact/", timeout=5)
        return "/contact/"
    except OSError:
        return None


def investment_ref(page, base):
    page.goto(base + "/en/investment/")
    return re.search(r'href="/en/investment/([a-z0-9][a-z0-9-]+)/"', page.content()).group(1)


def run_axe(page):
    # Evaluated through the DevTools protocol: an injected <script> would be refused by the
    # site's Content-Security-Policy, as it should be.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")


def test_axe_finds_no_serious_or_critical_violations(page, demo_server):
    if not AXE.exists():
        skip_or_fail("axe-core is not installed (npm ci)")
    ref = investment_ref(page, demo_server)
    form = form_path(demo_server)
    report, failures = {}, []
    for lang in ("vi", "en"):
        for path in checked_paths(lang, ref, form):
            response = page.goto(demo_server + path)
            assert response.status == 200, path
            violations = run_axe(page)
            report[path] = violations
            bad = [v for v in violations if v["impact"] in ("serious", "critical")]
            failures += [f"{path}: {v['id']} ({v['impact']}): {v['help']} at {v['nodes']}" for v in bad]
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    assert not failures, "\n".join(failures)


def test_high_contrast_theme_has_no_serious_violations(page, demo_server):
    if not AXE.exists():
        skip_or_fail("axe-core is not installed (npm ci)")
    from portal.templatetags.portal_tags import CONTRAST_COOKIE

    page.context.add_cookies([{"name": CONTRAST_COOKIE, "value": "high", "url": demo_server}])
    ref = investment_ref(page, demo_server)
    failures = []
    for lang in ("vi", "en"):
        for path in checked_paths(lang, ref):
            page.goto(demo_server + path)
            assert "high-contrast" in (page.locator("html").get_attribute("class") or "")
            failures += [
                f"{path}: {v['id']} ({v['impact']}): {v['help']} at {v['nodes']}"
                for v in run_axe(page)
                if v["impact"] in ("serious", "critical")
            ]
    assert not failures, "\n".join(failures)
