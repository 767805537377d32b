"""What a visitor does, in a real browser against the demo site."""

import re

import pytest

pytestmark = pytest.mark.e2e


def test_search_from_the_home_page_without_diacritics(page, demo_server):
    page.goto(demo_server + "/en/")
    page.get_by_label("Search the site").fill("nui cau")
    page.get_by_label("Search the site").press("Enter")
    page.wait_for_url(re.compile(r"/en/search/\?q=nui\+cau"))
    first = page.locator(".result__title a").first
    assert "Núi Cậu" in first.inner_text()
    first.click()
    assert page.locator("h1").inner_text().strip().startswith("Núi Cậu")


def test_switch_language_on_a_detail_page(page, demo_server):
    page.goto(demo_server + "/vi/du-lich/nui-cau/")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.locator(".language-switcher a[hreflang='ja']").click()
    page.wait_for_url(re.compile(r"/ja/tourism/nui-cau/"))
    assert page.locator("html").get_attribute("lang") == "ja"
    assert "Núi Cậu" in page.locator("h1").inner_text()


def test_language_switch_keeps_the_visitor_on_the_same_item(page, demo_server):
    page.goto(demo_server + "/vi/san-pham/")
    page.locator(".card__title a").first.click()
    page.wait_for_url(re.compile(r"/vi/san-pham/[^/?]+/$"))
    ref = page.url.rstrip("/").rsplit("/", 1)[1]
    page.locator(".language-switcher a[hreflang='ko']").click()
    page.wait_for_url(re.compile(rf"/ko/products/{re.escape(ref)}/$"))
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.locator(".notice--language").count() == 0  # the demo is translated


def test_first_visit_to_the_home_page_is_light_and_served_by_the_site(page, demo_server):
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(demo_server + "/vi/", wait_until="networkidle")
    foreign = [r.url for r in responses if not r.url.startswith(demo_server)]
    assert not foreign, f"loaded from elsewhere: {foreign}"
    not_images = [r for r in responses if r.request.resource_type != "image"]
    transferred = sum(len(r.body()) for r in not_images)
    assert transferred <= 300_000, f"{transferred} bytes before images"
    lazy = page.locator("img[loading='lazy']")
    assert lazy.count() >= 3
    assert all(".webp" in (lazy.nth(i).get_attribute("src") or "") for i in range(lazy.count()))


def test_contrast_toggle_is_keyboard_operable_and_persists(page, demo_server):
    page.goto(demo_server + "/en/")
    toggle = page.locator("#contrast-toggle")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-pressed") == "true"
    assert "high-contrast" in (page.locator("html").get_attribute("class") or "")
    page.goto(demo_server + "/en/tourism/nui-cau/")  # a new page, rendered by the server
    assert "high-contrast" in (page.locator("html").get_attribute("class") or "")
    assert page.locator("#contrast-toggle").get_attribute("aria-pressed") == "true"
    page.locator("#contrast-toggle").click()
    page.reload()
    assert "high-contrast" not in (page.locator("html").get_attribute("class") or "")


def test_print_button_prints_the_article_without_navigation(page, demo_server):
    page.goto(demo_server + "/vi/tin-tuc/ke-hoach-thong-tin-doi-ngoai-2022/")
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="In").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    assert not page.locator(".section-nav").is_visible()
    assert not page.locator(".language-switcher").is_visible()
    assert page.locator("h1").is_visible()
    assert page.locator(".body-content").is_visible()


def test_download_a_fairs_calendar_file(page, demo_server):
    from icalendar import Calendar

    page.goto(demo_server + "/en/fairs/")
    page.locator("main .card__title a[href*='/en/fairs/']").first.click()
    with page.expect_download() as info:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    download = info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = Calendar.from_ical(open(download.path(), "rb").read())
    events = calendar.walk("VEVENT")
    assert len(events) == 1 and events[0].get("SUMMARY")
    assert calendar.get("X-WR-TIMEZONE") == "Asia/Ho_Chi_Minh"
