"""Under the site's Content-Security-Policy nothing is refused in real Chromium: the public
pages (with their images, the autocomplete box and the view beacon) and the admin (dashboard,
page explorer, page editor with its image chooser, the translation editor, media listings)."""

import re

import pytest

from tests.e2e.conftest import ADMIN
from tests.e2e.pages import checked_paths
from tests.e2e.test_accessibility import form_path, investment_ref

pytestmark = pytest.mark.e2e

WATCH = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' @ ' +
                              (e.sourceFile || '') + ':' + e.lineNumber);
});
"""


def watch(page):
    """`violations()` for a tab: every refusal it recorded (the page's own list and the console)."""
    messages = []
    page.on(
        "console",
        lambda m: (
            messages.append(m.text) if "Content Security Policy" in m.text or "Refused to" in m.text else None
        ),
    )

    def violations():
        try:
            found = page.evaluate("window.__cspViolations || []")
        except Exception:  # a page mid-navigation: the console messages still count
            found = []
        return found + messages

    return violations


@pytest.fixture
def watched(browser):
    """A browser tab (CSP enforced, as for a visitor) that records every refusal."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH)
    page = context.new_page()
    yield page, watch(page)
    context.close()


def visit(page, url):
    response = page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return response


# Tabs that load pages at the same time: each page is still waited for until the network is
# idle (half a second without a request), but those waits overlap instead of adding up.
TABS = 4


def visit_all(context, urls):
    """(url, response, violations) for each of `urls`, each fully loaded (as `visit`) in one of
    TABS watched tabs of `context`, a batch of TABS pages at a time."""
    tabs = [context.new_page() for _ in range(TABS)]
    watchers = [watch(tab) for tab in tabs]
    for start in range(0, len(urls), TABS):
        batch = list(zip(tabs, watchers, urls[start : start + TABS], strict=False))
        responses = [tab.goto(url, wait_until="commit") for tab, _watcher, url in batch]
        for (tab, watcher, url), response in zip(batch, responses, strict=True):
            tab.wait_for_load_state("load")
            tab.wait_for_load_state("networkidle")
            yield url, response, watcher
    for tab in tabs:
        tab.close()


def test_public_pages_work_under_the_policy(watched, demo_server):
    page, violations = watched
    ref = investment_ref(page, demo_server)
    paths = [path for lang in ("vi", "en") for path in checked_paths(lang, ref, form_path(demo_server))]
    for url, response, tab_violations in visit_all(page.context, [demo_server + path for path in paths]):
        assert "script-src 'self'" in response.headers["content-security-policy"], url
        assert "camera=()" in response.headers["permissions-policy"]
        assert tab_violations() == [], url
    assert violations() == []
    # images really load (none refused, none broken)
    visit(page, demo_server + "/en/products/")
    broken = page.evaluate("[...document.images].filter(i => !i.complete || !i.naturalWidth).length")
    assert page.evaluate("document.images.length") > 0 and broken == 0


def test_autocomplete_and_the_view_beacon_work_under_the_policy(watched, demo_server):
    page, violations = watched
    with page.expect_response(lambda r: "/api/v1/views/" in r.url) as beacon:
        visit(page, demo_server + "/en/tourism/nui-cau/")
    assert beacon.value.status == 204
    box = page.locator("#site-search")
    box.click()
    box.press_sequentially("nui c", delay=30)
    page.locator("[role=listbox] [role=option]").first.wait_for(state="visible")
    assert violations() == []


def test_the_admin_works_under_its_policy(watched, demo_server):
    page, violations = watched
    visit(page, demo_server + "/admin/login/")
    page.fill("#id_username", ADMIN[0])
    page.fill("#id_password", ADMIN[1])
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))
    assert violations() == []

    visit(page, demo_server + "/vi/san-pham/tranh-go-cao-su-khac-laser/")
    source_id = page.locator("script[data-page]").get_attribute("data-page")
    visit(page, demo_server + "/en/products/")
    en_href = page.locator("main a[href^='/en/products/']").first.get_attribute("href")
    visit(page, demo_server + en_href)
    translation_id = page.locator("script[data-page]").get_attribute("data-page")

    paths = (
        "/admin/",
        "/admin/pages/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/catalogue-tools/import/",
        f"/admin/pages/{translation_id}/edit/",
    )
    for url, response, tab_violations in visit_all(page.context, [demo_server + path for path in paths]):
        assert response.status == 200, url
        assert "'unsafe-inline'" in response.headers["content-security-policy"]
        assert tab_violations() == [], url
    assert violations() == []

    # the page editor, and its image chooser modal
    visit(page, demo_server + f"/admin/pages/{source_id}/edit/")
    with page.expect_response(lambda r: "/admin/images/chooser/" in r.url) as modal:
        page.locator(".image-chooser .w-dropdown__toggle").first.click()  # "…" by the image
        page.locator("[data-chooser-action-choose]:visible").first.click()  # "Change image"
    assert modal.value.status == 200
    page.locator(".modal-content img").first.wait_for(state="visible")
    page.wait_for_load_state("networkidle")
    assert (
        page.evaluate(
            "[...document.querySelectorAll('.modal-content img')]"
            ".filter(i => i.complete && i.naturalWidth > 0).length"
        )
        > 0
    )
    page.locator(".modal-content a[data-chooser-modal-choice]").first.click()  # choose one
    page.locator(".modal-content").wait_for(state="hidden")
    assert page.locator("#id_hero_image-chooser img.chooser__image").is_visible()
    assert violations() == []
