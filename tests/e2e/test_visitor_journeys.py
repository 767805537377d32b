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


def test_language_switch_without_translation_lands_on_the_section_with_a_notice(page, demo_server):
    page.goto(demo_server + "/vi/san-pham/")
    page.locator(".card a, .card__title a").first.click()
    page.locator(".language-switcher a[hreflang='ko']").click()
    assert "/ko/products/" in page.url
    assert page.locator(".notice").count() >= 1
