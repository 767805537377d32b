"""Search suggestions while typing (static/search/autocomplete.js) in real Chromium against the
demo site and its real autocomplete API: the WAI-ARIA combobox, the keyboard, the mouse, the
announcement in the visitor's language, axe with the list open, and the form without JavaScript."""

import re

import pytest

from tests.e2e.test_accessibility import AXE, run_axe, skip_or_fail

pytestmark = pytest.mark.e2e

API = "/api/v1/search/autocomplete/"
OPTIONS = "[role=listbox] [role=option]"


def type_prefix(page, selector, text):
    box = page.locator(selector)
    box.click()
    box.fill("")
    box.press_sequentially(text, delay=30)
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    listbox.locator("[role=option]").first.wait_for(state="visible")
    return box, listbox


def test_typing_without_diacritics_suggests_the_place_and_enter_opens_the_highlighted_one(page, demo_server):
    page.goto(demo_server + "/en/")
    box, listbox = type_prefix(page, "#site-search", "nui c")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-autocomplete") == "list"
    assert box.get_attribute("aria-expanded") == "true"
    assert listbox.get_attribute("role") == "listbox" and listbox.is_visible()
    assert listbox.get_attribute("aria-label")
    options = listbox.locator("[role=option]")
    assert 1 <= options.count() <= 8
    titles = [options.nth(i).locator(".ac-option__title").inner_text() for i in range(options.count())]
    assert "Núi Cậu" in titles
    assert box.get_attribute("aria-activedescendant") is None
    assert options.first.get_attribute("aria-selected") == "false"
    # the kind, as the page words it
    mountain = options.nth(titles.index("Núi Cậu"))
    assert mountain.locator(".ac-option__kind").inner_text() == "Tourism"

    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    assert options.first.get_attribute("aria-selected") == "true"
    for _ in range(titles.index("Núi Cậu")):
        box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == mountain.get_attribute("id")
    assert mountain.get_attribute("aria-selected") == "true"
    assert listbox.locator("[aria-selected=true]").count() == 1
    assert page.evaluate("() => document.activeElement.id") == "site-search"  # focus stays
    box.press("Enter")
    page.wait_for_url(re.compile(r"/en/tourism/nui-cau/$"))
    assert page.locator("h1").inner_text().strip().startswith("Núi Cậu")


def test_arrows_wrap_escape_closes_then_clears_and_tab_closes(page, demo_server):
    page.goto(demo_server + "/en/")
    box, listbox = type_prefix(page, "#site-search", "nui c")
    options = listbox.locator("[role=option]")
    n = options.count()
    box.press("ArrowUp")  # from nothing, up goes to the last
    assert box.get_attribute("aria-activedescendant") == options.nth(n - 1).get_attribute("id")
    box.press("ArrowDown")  # and down from the last wraps to the first
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute("id")

    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert not listbox.is_visible()
    assert box.get_attribute("aria-activedescendant") is None
    assert box.input_value() == "nui c"  # the first Escape only closes
    box.press("ArrowDown")  # opens the same suggestions again
    assert box.get_attribute("aria-expanded") == "true" and listbox.is_visible()
    box.press("Escape")
    box.press("Escape")  # the second clears
    assert box.input_value() == ""
    assert page.url.rstrip("/").endswith("/en")

    type_prefix(page, "#site-search", "nui c")
    box.press("Tab")
    assert box.get_attribute("aria-expanded") == "false" and not listbox.is_visible()


def test_enter_without_a_highlighted_option_submits_the_search_form(page, demo_server):
    page.goto(demo_server + "/en/")
    box, listbox = type_prefix(page, "#site-search", "nui c")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/en/search/\?q=nui\+c$"))
    assert page.locator("#search-q").input_value() == "nui c"


def test_a_click_on_a_suggestion_opens_it_and_a_click_elsewhere_closes(page, demo_server):
    page.goto(demo_server + "/en/")
    box, listbox = type_prefix(page, "#site-search", "nui c")
    page.locator("main h1").click()  # somewhere that is not a link
    assert box.get_attribute("aria-expanded") == "false" and not listbox.is_visible()

    box, listbox = type_prefix(page, "#site-search", "tranh")
    option = listbox.locator("[role=option]").first
    assert "Rubberwood" in option.inner_text()
    option.click()
    # English pages have English slugs
    page.wait_for_url(re.compile(r"/en/products/laser-engraved-rubberwood-pictures-of-nui-cau/$"))


def test_a_title_in_another_language_is_marked_with_its_language(page, demo_server):
    # Every demo item is translated into Japanese, so the Japanese title shows, unmarked (the
    # marking of titles in other languages is covered by the search tests).
    page.goto(demo_server + "/ja/")
    _box, listbox = type_prefix(page, "#site-search", "can nom")
    title = listbox.locator(".ac-option__title").first
    assert "Cần Nôm" in title.inner_text() and title.get_attribute("lang") is None
    page.goto(demo_server + "/en/")
    _box, listbox = type_prefix(page, "#site-search", "nui c")
    assert listbox.locator(".ac-option__title").first.get_attribute("lang") is None
    assert listbox.locator(".ac-option").first.locator(".ac-option__lang").count() == 0


def test_the_search_page_box_suggests_too(page, demo_server):
    page.goto(demo_server + "/en/search/?q=karaoke")
    box, listbox = type_prefix(page, "#search-q", "nui c")
    assert box.get_attribute("aria-expanded") == "true"
    assert listbox.locator("[role=option]").count() >= 1
    assert page.locator("#site-search").get_attribute("aria-expanded") == "false"
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/en/tourism/nui-cau/$"))


def test_the_count_is_announced_in_the_visitors_language(page, demo_server):
    page.goto(demo_server + "/vi/")
    box, listbox = type_prefix(page, "#site-search", "nui c")
    n = listbox.locator("[role=option]").count()
    status = page.locator("[role=status][aria-live=polite]").first
    page.wait_for_function("el => el.textContent.trim() !== ''", arg=status.element_handle())
    said = status.inner_text().replace("\u00a0", " ").strip()
    # The words are the page's own (Vietnamese once translated; vi has one plural form), the
    # number is the number of options shown.
    template = box.get_attribute("data-ac-other" if n != 1 else "data-ac-one")
    assert "%(number)s" in template
    assert said == template.replace("%(number)s", str(n))
    assert str(n) in said
    assert "%(" not in said
    # The kind labels are Vietnamese (existing msgids).
    kinds = {k.inner_text() for k in listbox.locator(".ac-option__kind").all()}
    assert "Du lịch" in kinds
    assert said == f"{n} gợi ý. Dùng phím mũi tên lên, xuống để chọn."
    assert page.locator("[role=listbox]").first.get_attribute("aria-label") == "Gợi ý tìm kiếm"


def test_english_uses_the_singular_for_one_suggestion(page, demo_server):
    page.goto(demo_server + "/en/")
    box, listbox = type_prefix(page, "#site-search", "tranh")
    assert listbox.locator("[role=option]").count() == 1
    status = page.locator("[role=status][aria-live=polite]").first
    page.wait_for_function("el => el.textContent.trim() !== ''", arg=status.element_handle())
    assert status.inner_text().strip() == "1 suggestion. Use up and down arrows to choose."


def test_requests_are_debounced_cached_and_start_at_two_characters(page, demo_server):
    asked = []
    page.on("request", lambda r: asked.append(r.url) if API in r.url else None)
    page.goto(demo_server + "/en/")
    box = page.locator("#site-search")
    box.click()
    box.press_sequentially("n", delay=30)
    page.wait_for_timeout(400)
    assert asked == [] and box.get_attribute("aria-expanded") == "false"

    box.press_sequentially("ui c", delay=30)  # faster than the 150 ms pause: one request
    page.locator(OPTIONS).first.wait_for(state="visible")
    page.wait_for_timeout(400)
    assert len(asked) == 1 and "q=nui+c" in asked[0] and "lang=en" in asked[0]

    box.press("Backspace")
    page.wait_for_timeout(400)
    box.press_sequentially("c", delay=30)  # "nui c" again: from memory
    page.locator(OPTIONS).first.wait_for(state="visible")
    page.wait_for_timeout(400)
    assert [u for u in asked if "q=nui+c&" in u or u.endswith("q=nui+c")] == [asked[0]]

    box.fill("")
    assert box.get_attribute("aria-expanded") == "false"


def test_errors_and_empty_answers_show_nothing(page, demo_server):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(demo_server + "/en/")
    box = page.locator("#site-search")
    # Longer than the API takes: it answers 400, the box says nothing and keeps working.
    with page.expect_response(lambda r: API in r.url) as answer:
        box.click()
        box.fill("nui c" + "a" * 100)
    assert answer.value.status == 400
    page.wait_for_timeout(300)
    assert box.get_attribute("aria-expanded") == "false"
    assert not page.locator("#site-search-suggestions").is_visible()
    # Nothing matches: nothing shown.
    box.fill("")
    with page.expect_response(lambda r: API in r.url and r.status == 200):
        box.press_sequentially("qqzzxx", delay=30)
    page.wait_for_timeout(300)
    assert box.get_attribute("aria-expanded") == "false"
    box.press("Enter")  # the form still works
    page.wait_for_url(re.compile(r"/en/search/\?q=qqzzxx$"))
    assert not errors


def test_on_a_phone_the_list_sits_under_the_box_inside_the_screen(browser, demo_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(demo_server + "/en/")
        box, listbox = type_prefix(page, "#site-search", "nui c")
        input_box, list_box = box.bounding_box(), listbox.bounding_box()
        assert list_box["y"] >= input_box["y"] + input_box["height"] - 1
        assert list_box["y"] <= input_box["y"] + input_box["height"] + 8
        assert list_box["x"] >= 0 and list_box["x"] + list_box["width"] <= 360
        first = listbox.locator("[role=option]").first
        fb = first.bounding_box()
        # Nothing covers or clips the first option: it is what a tap at its middle hits.
        hit = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y).closest('[role=option]')?.id",
            [fb["x"] + fb["width"] / 2, fb["y"] + fb["height"] / 2],
        )
        assert hit == first.get_attribute("id")
        first.tap()
        page.wait_for_url(re.compile(r"/en/tourism/nui-cau/$"))
    finally:
        context.close()


def test_without_javascript_the_form_works_as_before(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(demo_server + "/en/")
        box = page.locator("#site-search")
        assert box.get_attribute("role") is None
        box.fill("nui cau")
        box.press("Enter")
        page.wait_for_url(re.compile(r"/en/search/\?q=nui\+cau$"))
        assert "Núi Cậu" in page.locator(".result__title a").first.inner_text()
    finally:
        context.close()


@pytest.mark.parametrize("theme", ["normal", "high"])
def test_axe_finds_no_violations_with_the_list_open(page, demo_server, theme):
    if not AXE.exists():
        skip_or_fail("axe-core is not installed (npm ci)")
    if theme == "high":
        from portal.templatetags.portal_tags import CONTRAST_COOKIE

        page.context.add_cookies([{"name": CONTRAST_COOKIE, "value": "high", "url": demo_server}])
    for lang in ("en", "vi"):
        page.goto(demo_server + f"/{lang}/")
        box, listbox = type_prefix(page, "#site-search", "nui c")
        box.press("ArrowDown")  # with a highlighted option too
        assert listbox.is_visible() and box.get_attribute("aria-activedescendant")
        violations = run_axe(page)
        assert listbox.is_visible(), "axe must have seen the list open"
        assert not violations, f"/{lang}/ ({theme}): {violations}"
