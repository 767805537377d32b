"""News feeds a reader subscribes to, one per language."""

import xml.etree.ElementTree as ET

import pytest

from promo.models import NewsPage
from tests.factories import NewsLine, load_lines, translated

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def _module_news(request):
    from tests.conftest import shared_content

    if not shared_content(request, "news"):
        return None
    return request.getfixturevalue("module_content")(add_news)


@pytest.fixture
def news(_module_news, site, settings):
    if _module_news:
        return _module_news.for_test(settings)
    return add_news()


def add_news():
    older = NewsLine(ref="older", title="Tin cũ", summary="Tóm tắt cũ", published="2025-01-05")
    newer = NewsLine(ref="newer", title="Tin mới", summary="Tóm tắt mới", published="2025-03-01")
    load_lines(
        [
            older,
            newer,
            translated(newer, "en", title="Latest news", summary="Fresh summary"),
            translated(newer, "ko", title="최신 소식"),
        ]
    )
    page = NewsPage.objects.get(ref="newer", locale__language_code="en")
    page.author = "Nguyễn Văn A"
    page.save_revision().publish()


# First: every test after it uses `news`, built once for them (tests/conftest.py,
# shared_content).
@pytest.mark.parametrize("code", ["vi", "en", "ko", "ja", "zh-hans"])
def test_every_page_advertises_its_languages_feed(client, site, code):
    html = client.get(f"/{code}/").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml"' in html
        and f'href="/{code}/feeds/news.rss"' in html
    )
    assert client.get(f"/{code}/feeds/news.rss").status_code == 200


def test_rss_lists_the_languages_news_newest_first(client, news):
    response = client.get("/vi/feeds/news.rss")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "vi"
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["Tin mới", "Tin cũ"]
    first = items[0]
    assert (
        first.findtext("link")
        == "http://testserver" + NewsPage.objects.get(ref="newer", locale__language_code="vi").get_url()
    )
    assert first.findtext("description") == "Tóm tắt mới"
    assert "01 Mar 2025" in first.findtext("pubDate")


def test_english_feed_has_only_english_items_with_author(client, news):
    channel = ET.fromstring(client.get("/en/feeds/news.rss").content).find("channel")
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["Latest news"]
    assert channel.findtext("title") == "Dầu Tiếng news"
    assert "Nguyễn Văn A" in items[0].findtext("{http://purl.org/dc/elements/1.1/}creator", "") + (
        items[0].findtext("author") or ""
    )
    assert items[0].findtext("link").startswith("http://testserver/en/")


def test_atom_feed_per_language(client, news):
    response = client.get("/ko/feeds/news.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["최신 소식"]
    assert entries[0].find(f"{ATOM}link").get("href").startswith("http://testserver/ko/")
    assert entries[0].findtext(f"{ATOM}published").startswith("2025-03-01")
    # the feed title is in the visitor's language
    assert root.findtext(f"{ATOM}title") != "Dầu Tiếng news"


def test_unpublished_news_leaves_the_feed(client, news):
    NewsPage.objects.get(ref="older", locale__language_code="vi").unpublish()
    titles = [
        i.findtext("title")
        for i in ET.fromstring(client.get("/vi/feeds/news.rss").content).find("channel").findall("item")
    ]
    assert titles == ["Tin mới"]
