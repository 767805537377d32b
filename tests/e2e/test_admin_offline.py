"""The admin makes no request to another host: no Gravatar avatars, no fonts or scripts from a
CDN. Staff in an office with a restricted network, and their privacy, depend on it."""

import re
from urllib.parse import urlsplit

import pytest

from tests.e2e.conftest import DEMO_ADMIN

pytestmark = pytest.mark.e2e


def test_admin_pages_load_only_from_the_site(page, demo_server):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(demo_server + "/admin/login/")
    page.fill("#id_username", DEMO_ADMIN[0])
    page.fill("#id_password", DEMO_ADMIN[1])
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto(demo_server + "/admin/pages/search/?q=nui+cau", wait_until="networkidle")
    edit = page.locator("a[href*='/edit/']").first.get_attribute("href")
    for path in (
        "/admin/",
        "/admin/pages/",
        edit,
        "/admin/snippets/home/officecontact/",
        "/admin/reports/translation-status/",
        "/admin/account/",
    ):
        response = page.goto(demo_server + path, wait_until="networkidle")
        assert response.status == 200, path
    assert hosts == {urlsplit(demo_server).netloc}, f"requests to other hosts: {hosts}"
