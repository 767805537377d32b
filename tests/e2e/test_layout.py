"""No page scrolls sideways: every page type, in all five languages, on a phone (390 px) and a
desktop (1366 px) screen. One browser; each page is loaded once at the phone width and checked
again after widening the window."""

import pytest

from tests.e2e.pages import LANGUAGES, checked_paths

pytestmark = pytest.mark.e2e

WIDTHS = (390, 1366)
OVERFLOW = """() => {
    const root = document.documentElement, width = root.clientWidth;
    if (root.scrollWidth <= width + 1) return null;
    const culprits = [...document.body.querySelectorAll('*')]
        .filter(e => e.getBoundingClientRect().right > width + 1)
        .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > width + 1))
        .slice(0, 5)
        .map(e => {
            const name = typeof e.className === 'string' && e.className.trim()
                ? '.' + e.className.trim().split(/\\s+/).join('.') : '';
            const right = Math.round(e.getBoundingClientRect().right);
            return e.tagName.toLowerCase() + name + ' (' + right + 'px)';
        });
    return {scrollWidth: root.scrollWidth, culprits};
}"""


def _investment_path(page, base, lang):
    section = "dau-tu" if lang == "vi" else "investment"
    page.goto(f"{base}/{lang}/{section}/")
    return page.locator(".card__title a").first.get_attribute("href")


def test_no_page_scrolls_sideways(browser, demo_server):
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900})
    page = context.new_page()
    failures = []
    try:
        for lang in LANGUAGES:
            investment = _investment_path(page, demo_server, lang).rstrip("/").rsplit("/", 1)[1]
            # the demo server runs with DEBUG: /errors/404/ shows the site's own "not found" page
            paths = checked_paths(lang, investment, "/contact/") + [f"/{lang}/errors/404/"]
            for path in paths:
                page.set_viewport_size({"width": WIDTHS[0], "height": 900})
                response = page.goto(demo_server + path)
                expected = 404 if path.endswith("/errors/404/") else 200
                if response is None or response.status != expected:
                    failures.append(f"{path}: HTTP {response.status if response else '—'}")
                    continue
                for width in WIDTHS:
                    if width != WIDTHS[0]:
                        page.set_viewport_size({"width": width, "height": 900})
                    overflow = page.evaluate(OVERFLOW)
                    if overflow:
                        failures.append(
                            f"{path} at {width} px: {overflow['scrollWidth']} px wide; "
                            f"{', '.join(overflow['culprits'])}"
                        )
    finally:
        context.close()
    assert not failures, "\n".join(failures)


def test_phone_header_leaves_room_for_the_page(browser, demo_server):
    """On a phone the header is the site name, a menu button and the search box; the sections,
    languages and contrast button open under the button."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(demo_server + "/ko/")
        assert page.locator(".site-header").bounding_box()["height"] <= 160
        assert not page.locator(".section-nav").is_visible()
        toggle = page.locator(".menu-toggle")
        assert toggle.get_attribute("aria-expanded") == "false"
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        assert page.locator(".section-nav").is_visible()
        assert page.locator(".language-switcher").is_visible()
        contrast = page.locator("#contrast-toggle").bounding_box()
        assert contrast["width"] < 250  # a button, not a bar across the screen
        page.keyboard.press("Escape")
        assert not page.locator(".section-nav").is_visible()
        page.set_viewport_size({"width": 1366, "height": 900})
        assert page.locator(".section-nav").is_visible() and not toggle.is_visible()
        assert page.locator(".site-header").bounding_box()["height"] <= 200
    finally:
        context.close()
