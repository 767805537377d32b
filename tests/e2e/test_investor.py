"""An investor screens the opportunities in a real browser against the demo site: filters,
the map with the keyboard, comparison, an awarded project, the Korean PDF profile, alerts;
and axe and the Nu checker on those pages in Vietnamese and English."""

import email
import email.policy
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import DEMO_ENV
from tests.e2e.test_accessibility import AXE, run_axe
from tests.e2e.test_html_valid import check_html

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGES = {
    "vi": [
        "/vi/dau-tu/",
        "/vi/dau-tu/?view=map",
        "/vi/dau-tu/kcn-bau-bang-mo-rong-long-hoa/",
        "/vi/dau-tu/nha-may-van-go-cao-su-minh-thanh/",
        "/vi/dau-tu/compare/?ref=kcn-bau-bang-mo-rong-long-hoa&ref=khu-nghi-duong-sinh-thai-can-nom"
        "&ref=kho-lanh-nong-san-tay-nam",
        "/vi/alerts/",
    ],
    "en": [
        "/en/investment/",
        "/en/investment/?view=map&sector=tourism",
        "/en/investment/kcn-bau-bang-mo-rong-long-hoa/",
        "/en/investment/nha-may-van-go-cao-su-minh-thanh/",
        "/en/investment/compare/?ref=kcn-bau-bang-mo-rong-long-hoa&ref=khu-nghi-duong-sinh-thai-can-nom"
        "&ref=kho-lanh-nong-san-tay-nam",
        "/en/alerts/",
        "/en/investment/?capital_min=9&capital_max=1",
    ],
}


def skip_or_fail(reason):
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def _run_on_demo(*argv):
    """Run Python with `argv` against the demo site's database and settings."""
    return subprocess.run(
        [sys.executable, *argv],
        env=DEMO_ENV,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )


def manage(*args):
    return _run_on_demo(str(ROOT / "manage.py"), *args)


# Commands that follow each other with nothing in between share one process: what they do is
# the same as from the shell, without starting Django once per command (3 s each here).
MANY_COMMANDS = """
import json, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "promo.settings.dev")
import django
django.setup()
from django.core.management import call_command
for command in json.loads(sys.argv[1]):
    call_command(*command)
"""


def manage_each(*commands):
    """Run each command (a tuple of manage.py arguments) in turn, in one process."""
    return _run_on_demo("-c", MANY_COMMANDS, json.dumps(commands))


def mails():
    """Messages the demo server wrote with Django's file-based e-mail backend, oldest first."""
    folder = Path(DEMO_ENV["EMAIL_FILE_PATH"])
    if not folder.exists():
        return []
    found = []
    for path in sorted(folder.glob("*.log"), key=lambda p: p.stat().st_mtime):
        for raw in path.read_bytes().split(b"-" * 79):
            if raw.strip():
                found.append(email.message_from_bytes(raw.strip(), policy=email.policy.default))
    return found


def body(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def results(page):
    return [t.strip() for t in page.locator(".card__title a").all_inner_texts()]


def test_filter_by_capital_range_and_form_then_the_map_by_keyboard(page, demo_server):
    page.goto(demo_server + "/en/investment/")
    page.locator(".filters__panel summary").click()
    page.get_by_label("Land-use-right auction").check()
    page.locator("#capital_min").fill("10,000,000")
    page.locator("#capital_max").fill("20,000,000")
    page.locator("#currency").select_option("usd")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"form=land-auction"))
    assert "capital_min=10%2C000%2C000" in page.url and "currency=usd" in page.url
    assert sorted(results(page)) == [
        "Sài Gòn River Tourist Pier and Eco-park (Tây Nam Ward)",
        "Thanh An High-tech Fruit Growing Zone",
    ]
    assert page.locator(".chip").count() == 2

    page.get_by_role("link", name="Map", exact=True).click()
    page.wait_for_url(re.compile(r"view=map"))
    markers = page.locator(".place-marker")
    markers.first.wait_for()
    assert markers.count() == 2
    # Reach a marker with the keyboard only.
    page.locator("body").focus()
    for _ in range(150):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('place-marker')"):
            break
    else:
        pytest.fail("no map marker in the tab order")
    name = page.evaluate("document.activeElement.getAttribute('aria-label')")
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    assert name in popup.inner_text()
    assert page.evaluate("document.activeElement.closest('.leaflet-popup') !== null")
    href = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(href) + "$"))
    assert page.locator("h1").inner_text().strip() == name


def test_compare_three(page, demo_server):
    page.goto(demo_server + "/en/investment/")
    boxes = page.locator("input[data-compare]")
    for n in range(3):
        boxes.nth(n).check()
    assert boxes.nth(3).is_disabled()  # at most three
    page.get_by_role("button", name="Compare selected").click()
    page.wait_for_url(re.compile(r"/en/investment/compare/\?ref="))
    assert page.locator("thead th").count() == 3
    assert page.locator("tbody th[scope='row']", has_text="Form of investment").count() == 1
    shared = page.locator("#share-url").input_value()
    page.goto(shared)
    assert page.locator("thead th").count() == 3


def test_awarded_project_has_no_form_and_shows_similar_open_ones(page, demo_server):
    page.goto(demo_server + "/en/investment/nha-may-van-go-cao-su-minh-thanh/")
    assert page.locator(".notice--awarded").is_visible()
    assert page.locator("#express-interest").count() == 0
    similar = page.locator(".related .card")
    assert similar.count() >= 1
    assert all("Open for investors" in similar.nth(i).inner_text() for i in range(similar.count()))


def test_korean_profile_pdf_text(page, demo_server, tmp_path):
    tool = shutil.which("pdftotext")
    if not tool:
        skip_or_fail("pdftotext (poppler-utils) is not installed")
    page.goto(demo_server + "/ko/investment/kcn-bau-bang-mo-rong-long-hoa/")
    with page.expect_download() as download:
        page.locator("a[href$='/profile/']").click()
    path = tmp_path / "profile.pdf"
    download.value.save_as(path)
    text = subprocess.run(
        [tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "확장 Bàu Bàng 산업단지 공장 부지" in flat
    for place in ("Long Hòa", "Cát Lái", "Nguyễn Thị Lan"):
        assert place in flat, place


def test_subscribe_confirm_publish_alert_once_unsubscribe(page, demo_server, tmp_path):
    before = len(mails())
    page.goto(demo_server + "/en/alerts/?sector=energy")
    assert page.get_by_label("Energy").is_checked()
    page.get_by_label("Email address").fill("e2e-investor@example.com")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Send me alerts").click()
    page.wait_for_url(re.compile(r"/en/alerts/sent/"))
    # the confirmation is queued (the visitor's request does not wait on mail); a worker sends it
    manage("worker", "--batch", "--no-startup-delay", "--housekeeping", "0")
    messages = mails()[before:]
    assert len(messages) == 1
    confirm = re.search(r"https?://\S+/alerts/confirm/\S+/", body(messages[0])).group(0)
    page.goto(demo_server + "/" + confirm.split("/", 3)[3])
    assert page.locator("h1").inner_text().strip() == "Your alerts are on"

    line = {
        "ref": "e2e-solar-farm",
        "kind": "investment",
        "locale": "vi",
        "title": "Điện mặt trời mẫu",
        "sector": "energy",
        "commune": "xã Minh Thạnh",
        "status": "open",
    }
    source = tmp_path / "new.jsonl"
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n")
    manage_each(
        ("catalogue", "import", str(source)),
        ("opportunity_alerts", "send"),
        ("opportunity_alerts", "send"),  # a second run sends nothing more
    )
    messages = mails()[before:]
    assert len(messages) == 2
    digest = messages[1]
    assert "Điện mặt trời mẫu" in body(digest)
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.search(r"https?://\S+/alerts/unsubscribe/\S+/", body(digest)).group(0)
    page.goto(demo_server + "/" + unsubscribe.split("/", 3)[3])
    assert page.locator("h1").inner_text().strip() == "Alerts stopped"

    line = {**line, "ref": "e2e-solar-farm-2", "title": "Điện mặt trời mẫu 2"}
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n")
    manage_each(("catalogue", "import", str(source)), ("opportunity_alerts", "send"))
    assert len(mails()[before:]) == 2


def test_axe_finds_no_violations_on_the_investor_pages(page, demo_server):
    if not AXE.exists():
        skip_or_fail("axe-core is not installed (npm ci)")
    failures = []
    for paths in PAGES.values():
        for path in paths:
            assert page.goto(demo_server + path).status == 200, path
            if "view=map" in path:
                page.locator(".place-marker").first.wait_for()
                page.locator(".place-marker").first.focus()
                page.keyboard.press("Enter")  # with a popup open too
                page.locator(".leaflet-popup").wait_for()
            failures += [
                f"{path}: {v['id']} ({v['impact']}): {v['help']} at {v['nodes']}" for v in run_axe(page)
            ]
    assert not failures, "\n".join(failures)


def test_nu_checker_finds_no_errors_on_the_investor_pages(demo_server, tmp_path):
    import urllib.request

    java = shutil.which("java")
    if not VNU.exists() or not java:
        skip_or_fail("vnu-jar (npm ci) or Java is missing")
    files = {}
    for lang, paths in PAGES.items():
        for n, path in enumerate(paths):
            target = tmp_path / f"{lang}-{n:02d}.html"
            with urllib.request.urlopen(demo_server + path, timeout=30) as response:
                target.write_bytes(response.read())
            files[str(target)] = path
    _messages, errors = check_html(java, files)
    assert not errors, "\n".join(errors)
