"""What search engines read: robots.txt and a multilingual sitemap."""

import xml.etree.ElementTree as ET

import pytest

from promo.models import AttractionPage
from tests.factories import AttractionLine, load_lines, translated

pytestmark = pytest.mark.django_db
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_robots_allows_the_site_and_points_at_the_sitemap(client, db):
    response = client.get("/robots.txt", HTTP_HOST="portal.example")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    for line in (
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Sitemap: http://portal.example/sitemap.xml",
    ):
        assert line in text.splitlines()


def test_sitemap_lists_every_live_page_with_its_translations(client, site):
    both = AttractionLine(ref="lake", title="Hồ Dầu Tiếng")
    load_lines(
        [
            both,
            translated(both, "en", title="Dau Tieng Lake"),
            AttractionLine(ref="vi-only", title="Chỉ tiếng Việt"),
            AttractionLine(ref="hidden", title="Ẩn"),
        ]
    )
    AttractionPage.objects.get(ref="hidden").unpublish()

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = {u.findtext(f"{SM}loc"): u for u in root.findall(f"{SM}url")}
    for code in ("vi", "en", "ko", "ja", "zh-hans"):
        assert f"http://testserver/{code}/" in urls
    lake = {
        p.locale.language_code: "http://testserver" + p.get_url()
        for p in AttractionPage.objects.filter(ref="lake").select_related("locale")
    }
    lake_vi, lake_en = lake["vi"], lake["en"]
    assert lake_vi in urls and lake_en in urls
    assert "http://testserver" + AttractionPage.objects.get(ref="hidden").get_url() not in urls
    alternates = {link.get("hreflang"): link.get("href") for link in urls[lake_en].findall(f"{XHTML}link")}
    assert alternates == {"vi": lake_vi, "en": lake_en, "x-default": lake_vi}
    assert urls[lake_en].findtext(f"{SM}lastmod")
    home_alternates = {link.get("hreflang") for link in urls["http://testserver/ko/"].findall(f"{XHTML}link")}
    assert home_alternates == {"vi", "en", "ko", "ja", "zh-hans", "x-default"}
