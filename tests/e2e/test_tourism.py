"""A tourist in Chromium, with the clock fixed by `?now=`: open now at 06:00 and 23:00, the
fair calendar by keyboard across months, an itinerary's stops on the map in order and printed
on A4, and the new pages under axe and the Nu checker in Vietnamese and English."""

import io
import json
import os
import re
import shutil
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.test_accessibility import AXE, run_axe
from tests.e2e.test_html_valid import check_html

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
MONDAY = "2026-12-07"
TRIP = {
    "vi": "/vi/du-lich/lich-trinh/mot-ngay-ho-va-cao-su/",
    "en": "/en/tourism/itineraries/mot-ngay-ho-va-cao-su/",
}
NEW_PAGES = {
    "vi": [
        "/vi/du-lich/",
        "/vi/du-lich/?view=map",
        "/vi/du-lich/nui-cau/",
        "/vi/du-lich/lang-cong-nhan-cao-su-dinh-hiep/",
        "/vi/hoi-cho/?view=calendar&month=2027-01",
        "/vi/hoi-cho/?view=map&when=all",
        "/vi/hoi-cho/ket-noi-cung-cau-2026-12/",
        "/vi/tin-tuc/",
        "/vi/du-lich/lich-trinh/",
        TRIP["vi"],
        "/vi/du-lich/?open_now=banana",
    ],
    "en": [
        "/en/tourism/",
        "/en/tourism/?view=map",
        "/en/tourism/nui-cau/",
        "/en/tourism/lang-cong-nhan-cao-su-dinh-hiep/",
        "/en/fairs/?view=calendar&month=2027-01",
        "/en/fairs/?view=map&when=all",
        "/en/fairs/ket-noi-cung-cau-2026-12/",
        "/en/news/",
        "/en/tourism/itineraries/",
        TRIP["en"],
        "/en/fairs/?view=calendar&month=2026-13",
    ],
}


def skip_or_fail(reason):
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def clocked(path, when):
    return f"{path}{'&' if '?' in path else '?'}now={MONDAY}T{when}"


def wait_for_maps(page):
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-place-map]')]
        .every(m => m.querySelector('.leaflet-marker-icon') ||
                    /Nothing|Không|could not/.test(m.textContent))""",
        timeout=15_000,
    )


def stop_names(page):
    return page.evaluate("""() => [...document.querySelectorAll('.timeline__title')].map(h =>
        h.textContent.replace(h.querySelector('.timeline__number').textContent, '').trim())""")


def test_open_now_at_six_in_the_morning_and_eleven_at_night(page, demo_server):
    page.goto(demo_server + clocked("/en/tourism/nui-cau/", "06:00"))
    badge = page.locator(".facts-panel .open-badge")
    assert badge.inner_text() == "Open now · closes 18:00"
    page.goto(demo_server + clocked("/en/tourism/nui-cau/", "23:00"))
    assert badge.inner_text() == "Closed now · opens tomorrow 05:00"

    # The visitor ticks "Open now" on the tourism index late at night.
    page.goto(demo_server + clocked("/vi/du-lich/", "23:00"))
    page.locator("summary", has_text="Lọc kết quả").click()
    page.get_by_label("Đang mở cửa").check()
    page.get_by_role("button", name="Áp dụng").click()
    # The click returns when the navigation commits; the results are read once it has loaded.
    page.wait_for_url(re.compile(r"open_now=1"), wait_until="load")
    assert f"now={MONDAY}T23" in page.url.replace("%3A", ":")
    night = page.locator(".results .card__title").all_inner_texts()
    assert "Hồ Dầu Tiếng" in night and "Núi Cậu" not in night
    page.goto(demo_server + clocked("/vi/du-lich/?open_now=1", "06:00"))
    morning = page.locator(".results .card__title").all_inner_texts()
    assert {"Núi Cậu", "Chùa Thái Sơn (Núi Cậu)", "Hồ Dầu Tiếng"} <= set(morning)
    assert "Khu tái hiện làng công nhân cao su Định Hiệp" not in morning  # opens at 07:30


def test_month_calendar_by_keyboard_across_months(page, demo_server):
    page.goto(demo_server + "/en/fairs/?view=calendar&month=2026-12&now=2026-12-01T09:00")
    assert page.locator("table.month-calendar caption").inner_text() == "December 2026"

    def tab_to(selector, limit=80):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"document.activeElement.matches({json.dumps(selector)})"):
                return
        pytest.fail(f"{selector} not reached with Tab")

    tab_to("#month-next")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"month=2027-01"))
    assert page.locator("table.month-calendar caption").inner_text() == "January 2027"
    tab_to("#month-prev")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"month=2026-12"))
    assert page.locator("table.month-calendar caption").inner_text() == "December 2026"
    tab_to("table.month-calendar a")
    assert (
        page.evaluate("document.activeElement.closest('td').querySelector('time').dateTime") == "2026-12-10"
    )
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/fairs/[a-z0-9-]+/$"))  # the fair of that day
    assert "08:00–17:00" in page.locator(".facts-panel").inner_text()


def test_itinerary_map_shows_every_stop_in_order(page, demo_server):
    page.goto(demo_server + TRIP["en"])
    wait_for_maps(page)
    timeline = stop_names(page)
    numbers = page.locator(".trip-map .place-marker__label").all_inner_texts()
    stops = page.locator(".timeline__stop").count()
    assert numbers == [str(n) for n in range(1, stops + 1)] and stops == 8
    names = [
        page.locator(".trip-map .leaflet-marker-icon").nth(i).get_attribute("aria-label")
        for i in range(stops)
    ]
    assert names[0].startswith("1. ") and names[-1].startswith("8. ")
    # the route joins the markers in the same order
    path = page.locator(".trip-map path.place-map__route").get_attribute("d")
    assert len(re.findall(r"[ML]", path)) == stops
    marker_points = page.evaluate("""() => [...document.querySelectorAll(
        '.trip-map .leaflet-marker-icon')].map(m => { const r = m.getBoundingClientRect();
        return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)]; })""")
    line_points = page.evaluate("""() => {
        const path = document.querySelector('.trip-map path.place-map__route');
        const svg = path.ownerSVGElement, matrix = path.getScreenCTM(), points = [];
        for (const m of path.getAttribute('d').matchAll(/[ML](-?[\\d.]+) (-?[\\d.]+)/g)) {
            const point = svg.createSVGPoint(); point.x = +m[1]; point.y = +m[2];
            const screen = point.matrixTransform(matrix);
            points.push([Math.round(screen.x), Math.round(screen.y)]);
        }
        return points; }""")
    for (mx, my), (lx, ly) in zip(marker_points, line_points, strict=True):
        assert abs(mx - lx) <= 3 and abs(my - ly) <= 3
    # a marker opens from the keyboard and its popup links to the stop
    page.locator(".trip-map .leaflet-marker-icon").first.focus()
    page.keyboard.press("Enter")
    link = page.locator(".trip-map .leaflet-popup a").first
    assert link.inner_text().startswith("1. ")
    assert timeline[0] in link.inner_text()


def test_itinerary_prints_on_a4_without_cut_off(page, demo_server):
    from pypdf import PdfReader

    page.goto(demo_server + TRIP["vi"])
    titles = stop_names(page)
    # A4 less the print margins (210 mm − 2 × 12 mm ≈ 703 CSS px): nothing wider than the page.
    page.set_viewport_size({"width": 703, "height": 1000})
    page.emulate_media(media="print")
    widest = page.evaluate("""() => Math.max(...[...document.querySelectorAll('main *')]
        .filter(e => e.getClientRects().length).map(e => e.getBoundingClientRect().right))""")
    assert widest <= 703 and page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert not page.locator(".site-header").is_visible()
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    for sheet in pdf.pages:
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        assert abs(width - 595) <= 2 and abs(height - 842) <= 2  # A4 in points
    text = " ".join(" ".join(sheet.extract_text().split()) for sheet in pdf.pages)
    for title in titles:
        assert " ".join(title.split()) in text, title
    assert "16:30" in text and "Mật ong hoa cao su" in text  # the last stop, not cut


def test_new_pages_have_no_axe_violations_in_both_themes(page, demo_server):
    if not AXE.exists():
        skip_or_fail("axe-core is not installed (npm ci)")
    from portal.templatetags.portal_tags import CONTRAST_COOKIE

    failures = []
    for theme in ("default", "high"):
        if theme == "high":
            page.context.add_cookies([{"name": CONTRAST_COOKIE, "value": "high", "url": demo_server}])
        for paths in NEW_PAGES.values():
            for path in paths:
                response = page.goto(demo_server + clocked(path, "09:00"))
                assert response.status == 200, path
                wait_for_maps(page)
                violations = run_axe(page)
                if theme == "high":
                    violations = [v for v in violations if v["impact"] in ("serious", "critical")]
                failures += [
                    f"{theme} {path}: {v['id']} ({v['impact']}): {v['help']} at {v['nodes']}"
                    for v in violations
                ]
    assert not failures, "\n".join(failures)


def test_new_pages_are_valid_html(demo_server, tmp_path):
    java = shutil.which("java")
    if not VNU.exists() or not java:
        skip_or_fail("vnu-jar (npm ci) or Java is missing")
    files = {}
    for lang, paths in NEW_PAGES.items():
        for n, path in enumerate(paths):
            target = tmp_path / f"{lang}-{n:02d}.html"
            with urllib.request.urlopen(demo_server + clocked(path, "09:00"), timeout=20) as r:
                target.write_bytes(r.read())
            files[str(target)] = path
    _messages, errors = check_html(java, files)
    assert not errors, "\n".join(errors)
