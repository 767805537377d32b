"""What link previews and search engines read from a page: Open Graph, Twitter cards and one
JSON-LD document per page, with the properties Google's rich results require."""

import json

import pytest
from bs4 import BeautifulSoup

from promo.models import CATALOGUE_MODELS

pytestmark = pytest.mark.django_db


def _page(kind, code="vi", **changes):
    page = CATALOGUE_MODELS[kind].objects.get(locale__language_code=code)
    if changes:
        for name, value in changes.items():
            setattr(page, name, value)
        page.save_revision().publish()
    return page


def _soup(client, page):
    response = client.get(page.get_url())
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _json_ld(soup):
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    nodes = data.get("@graph", [data])
    return {node["@type"] if isinstance(node["@type"], str) else tuple(node["@type"]): node for node in nodes}


def _meta(soup, key):
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag and tag["content"]


# First: every test after it uses `every_kind`, built once for them (tests/conftest.py, shared_content).
@pytest.mark.parametrize("code", ["vi", "en", "ko", "ja", "zh-hans"])
def test_home_page_declares_the_site_search(client, site, code):
    soup = BeautifulSoup(client.get(f"/{code}/").content, "html.parser")
    website = _json_ld(soup)["WebSite"]
    target = website["potentialAction"]["target"]["urlTemplate"]
    assert target == f"http://testserver/{code}/search/?q={{search_term_string}}"
    assert website["potentialAction"]["query-input"] == "required name=search_term_string"


def test_event_has_name_dates_location_and_breadcrumbs(client, every_kind):
    fair = _page("fair", "en", registration_url="https://dautieng-promo.example/register")
    nodes = _json_ld(_soup(client, fair))
    event = nodes["Event"]
    assert event["name"] == fair.title
    assert event["startDate"] == fair.start.isoformat() and event["endDate"] == fair.end.isoformat()
    assert event["location"]["@type"] == "Place" and event["location"]["name"]
    assert event["location"]["address"]["addressCountry"] == "VN"
    assert event["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
    assert event["offers"]["url"] == "https://dautieng-promo.example/register"
    assert event["url"].startswith("http://testserver/en/")
    crumbs = nodes["BreadcrumbList"]["itemListElement"]
    assert [c["position"] for c in crumbs] == [1, 2, 3]
    assert crumbs[-1]["item"] == event["url"]


def test_product_has_price_offer_and_no_rating(client, every_kind):
    product = _page("product", "ko", producer="Cơ sở mẫu (sample)")
    node = _json_ld(_soup(client, product))["Product"]
    assert node["name"] == product.title
    assert node["offers"]["price"] == "120000" and node["offers"]["priceCurrency"] == "VND"
    assert node["brand"]["name"]
    assert "aggregateRating" not in node and "review" not in node


def test_product_without_price_has_no_offer(client, every_kind):
    product = _page("product", "vi", price_from_vnd=None)
    assert "offers" not in _json_ld(_soup(client, product))["Product"]


def test_news_article_with_image_and_open_graph(client, every_kind, make_image):
    news_ja = _page("news", "ja", hero_image=make_image(), hero_alt="田んぼ", author="Trần Thị B")
    soup = _soup(client, news_ja)
    article = _json_ld(soup)["NewsArticle"]
    assert article["headline"] == news_ja.title
    assert article["datePublished"].startswith("2026-11-01")
    assert article["dateModified"]
    assert article["inLanguage"] == "ja"
    assert article["publisher"]["@type"] == "Organization" and article["publisher"]["name"]
    assert article["image"][0].startswith("http://testserver/") and ".jpg" in article["image"][0]

    assert _meta(soup, "og:type") == "article"
    assert _meta(soup, "og:locale") == "ja_JP"
    alternates = {t["content"] for t in soup.find_all("meta", attrs={"property": "og:locale:alternate"})}
    assert alternates == {"vi_VN", "en_US", "ko_KR", "zh_CN"}
    assert _meta(soup, "og:url") == "http://testserver" + news_ja.get_url()
    assert _meta(soup, "og:image") == article["image"][0]
    assert (_meta(soup, "og:image:width"), _meta(soup, "og:image:height")) == ("1200", "630")
    assert _meta(soup, "og:image:alt") == "田んぼ"
    assert article["author"] == {"@type": "Person", "name": "Trần Thị B"}
    assert _meta(soup, "twitter:card") == "summary_large_image"
    assert _meta(soup, "og:site_name") == "Dầu Tiếng"


def test_attraction_is_a_tourist_attraction_with_geo(client, every_kind):
    attraction = _page("attraction", "vi", ticket_vnd=0)
    soup = _soup(client, attraction)
    node = _json_ld(soup)["TouristAttraction"]
    assert node["name"] == attraction.title
    assert node["geo"] == {"@type": "GeoCoordinates", "latitude": 11.33, "longitude": 106.33}
    assert node["address"]["addressLocality"]
    # The free-text note is not schema.org's openingHours syntax; structured hours become
    # openingHoursSpecification (tests/tourism/test_structured_data.py).
    assert "openingHours" not in node
    assert node["isAccessibleForFree"] is True
    assert _meta(soup, "og:type") == "website" and _meta(soup, "og:locale") == "vi_VN"
    assert _meta(soup, "twitter:card") == "summary"


def test_investment_is_an_offer_of_a_place(client, every_kind):
    node = _json_ld(_soup(client, _page("investment", "en")))["Offer"]
    assert node["offeredBy"]["email"] == "invest@example.com"
    properties = {p["propertyID"]: p for p in node["itemOffered"]["additionalProperty"]}
    assert properties["area"]["value"] == 12.5 and properties["area"]["unitCode"] == "HAR"
    assert properties["capital"]["value"] == 130_000_000_000
    assert properties["capital"]["unitText"] == "VND"


def test_script_in_a_title_cannot_break_out_of_json_ld(client, every_kind):
    evil = 'Hội chợ </script><script>alert("x")</script> & <!-- more'
    fair = _page("fair", "vi", title=evil)
    html = client.get(fair.get_url()).content.decode()
    start = html.index('<script type="application/ld+json">')
    block = html[start : html.index("</script>", start)]
    assert "<script>alert" not in block and "<!--" not in block
    data = json.loads(block.split(">", 1)[1])
    assert data["@graph"][0]["name"] == evil
