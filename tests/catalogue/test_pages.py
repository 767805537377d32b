"""What a visitor sees: every page type in every language it exists in, the language switcher,
hreflang alternates, and listings whose query count does not grow with the page size."""

import difflib
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from promo.models import CATALOGUE_MODELS, INDEX_MODELS, ProductPage
from tests.factories import LINE_FACTORIES, ProductLine, load_lines, translated

pytestmark = pytest.mark.django_db
LOCALES = ("vi", "en", "ko", "ja", "zh-hans")


def _listing_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in ctx.captured_queries]


def test_listing_query_count_does_not_grow_with_items(client, site, settings, uncached_pages):
    settings.CATALOGUE_PAGE_SIZE = 50
    load_lines([ProductLine(ref=f"p-{i}") for i in range(2)])
    index = INDEX_MODELS["product"].objects.get(locale__language_code="vi")
    client.get(index.get_url())  # warm caches (site root, locales)
    few = _listing_queries(client, index.get_url())
    load_lines([ProductLine(ref=f"q-{i}") for i in range(20)])
    # Warm again: short-lived caches (visit counts, a minute) may expire while a slow machine loads.
    client.get(index.get_url())
    many = _listing_queries(client, index.get_url())
    assert len(many) == len(few), "\n".join(difflib.unified_diff(few, many, lineterm=""))


def test_listing_filters_sort_and_paginate(client, site, settings):
    settings.CATALOGUE_PAGE_SIZE = 2
    load_lines(
        [
            ProductLine(ref="a-honey", title="A mật ong", category="food", price_from_vnd=300),
            ProductLine(ref="b-basket", title="B giỏ mây", category="handicraft", price_from_vnd=100),
            ProductLine(ref="c-cake", title="C bánh", category="food", price_from_vnd=200),
        ]
    )
    index = INDEX_MODELS["product"].objects.get(locale__language_code="vi")
    html = client.get(index.get_url() + "?category=food&sort=price").content.decode()
    assert html.index("C bánh") < html.index("A mật ong")
    assert "B giỏ mây" not in html
    page2 = client.get(index.get_url() + "?sort=title&page=2").content.decode()
    assert "C bánh" in page2 and "A mật ong" not in page2
    assert client.get(index.get_url() + "?page=abc").status_code == 200


def test_fair_listing_separates_upcoming_and_past(client, site):
    from tests.factories import FairLine

    load_lines(
        [
            FairLine(ref="old-fair", title="Hội chợ cũ", start="2020-01-01", end="2020-01-03"),
            FairLine(ref="new-fair", title="Hội chợ mới", start="2099-01-01", end="2099-01-03"),
        ]
    )
    index = INDEX_MODELS["fair"].objects.get(locale__language_code="vi")
    upcoming = client.get(index.get_url()).content.decode()
    assert "Hội chợ mới" in upcoming and "Hội chợ cũ" not in upcoming
    past = client.get(index.get_url() + "?when=past").content.decode()
    assert "Hội chợ cũ" in past and "Hội chợ mới" not in past


def test_images_are_responsive_lazy_webp_with_alt_text(client, site):
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    from promo.demo.images import make_demo_image
    from tests.factories import AttractionLine

    load_lines([AttractionLine(ref="pictured", title="Hồ Dầu Tiếng")])
    page = CATALOGUE_MODELS["attraction"].objects.get(ref="pictured")
    import io

    data = io.BytesIO(make_demo_image("pictured", "attraction", page.title, size=(1600, 900)))
    image = get_image_model().objects.create(title="lake", file=ImageFile(data, name="lake.png"))
    page.hero_image, page.hero_alt = image, "Mặt hồ lúc bình minh"
    page.save_revision().publish()

    detail = client.get(page.get_url()).content.decode()
    img = re.search(r'<img[^>]*alt="Mặt hồ lúc bình minh"[^>]*>', detail).group(0)
    assert "srcset=" in img and ".webp" in img and "sizes=" in img
    listing = client.get(
        INDEX_MODELS["attraction"].objects.get(locale__language_code="vi").get_url()
    ).content.decode()
    card = re.search(r'<img[^>]*alt="Mặt hồ lúc bình minh"[^>]*>', listing).group(0)
    assert 'loading="lazy"' in card and ".webp" in card


def test_hero_alt_text_is_required_when_an_image_is_chosen(site):
    from django.core.exceptions import ValidationError
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from tests.factories import NewsLine

    load_lines([NewsLine(ref="alt-check")])
    page = CATALOGUE_MODELS["news"].objects.get(ref="alt-check")
    page.hero_image = get_image_model().objects.create(title="t", file=get_test_image_file())
    page.hero_alt = ""
    with pytest.raises(ValidationError) as exc:
        page.full_clean()
    assert "hero_alt" in exc.value.message_dict


# -- every page type in every language ------------------------------------------------------------
# Last: every test from here on uses `catalogue`, built once for them (tests/conftest.py,
# shared_content).


@pytest.fixture(scope="module")
def _module_catalogue(request):
    from tests.conftest import shared_content

    if not shared_content(request, "catalogue"):
        return None
    return request.getfixturevalue("module_content")(add_catalogue)


@pytest.fixture
def catalogue(_module_catalogue, site, settings):
    if _module_catalogue:
        return _module_catalogue.for_test(settings)
    return add_catalogue()


def add_catalogue():
    lines = []
    for kind, factory in LINE_FACTORIES.items():
        line = factory(ref=f"{kind}-all", title=f"{kind} tiêu đề")
        lines.append(line)
        lines += [translated(line, code, title=f"{kind} title {code}") for code in LOCALES[1:]]
        lines.append(factory(ref=f"{kind}-vi-only", title=f"{kind} chỉ tiếng Việt"))
    load_lines(lines)
    return lines


def test_every_page_type_renders_in_every_locale(client, catalogue):
    pages = list(Page.objects.live().specific().exclude(depth=1))
    kinds_seen = set()
    for page in pages:
        url = page.get_url()
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        code = page.locale.language_code
        assert f'<html lang="{code}"' in html, url
        assert page.title in html, url
        kinds_seen.add(type(page).__name__)
    expected = (
        {m.__name__ for m in CATALOGUE_MODELS.values()}
        | {m.__name__ for m in INDEX_MODELS.values()}
        | {"HomePage"}
    )
    assert kinds_seen == expected


def test_detail_pages_show_their_facts(client, catalogue):
    fair = CATALOGUE_MODELS["fair"].objects.get(ref="fair-all", locale__language_code="en")
    html = client.get(fair.get_url()).content.decode()
    assert fair.venue and fair.venue in html
    product = ProductPage.objects.get(ref="product-all", locale__language_code="vi")
    html = client.get(product.get_url()).content.decode()
    assert "120.000" in html  # price in Vietnamese number format


def _alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))


def test_hreflang_alternates_list_every_live_translation(client, catalogue):
    page = CATALOGUE_MODELS["investment"].objects.get(ref="investment-all", locale__language_code="en")
    alternates = _alternates(client.get(page.get_url()).content.decode())
    assert set(alternates) >= set(LOCALES) | {"x-default"}
    only_vi = CATALOGUE_MODELS["investment"].objects.get(ref="investment-vi-only")
    alternates = _alternates(client.get(only_vi.get_url()).content.decode())
    assert "vi" in alternates and "en" not in alternates


def test_language_switcher_leads_to_the_translation(client, catalogue):
    page = CATALOGUE_MODELS["attraction"].objects.get(ref="attraction-all", locale__language_code="vi")
    html = client.get(page.get_url()).content.decode()
    ja = CATALOGUE_MODELS["attraction"].objects.get(ref="attraction-all", locale__language_code="ja")
    assert f'href="{ja.get_url()}"' in html
    # without a translation: tests/catalogue/test_translation_fallback.py


def test_interface_strings_are_translated(client, catalogue):
    for code, word in (("vi", "Tìm kiếm"), ("ko", "검색"), ("ja", "検索"), ("zh-hans", "搜索")):
        html = client.get(f"/{code}/").content.decode()
        assert word in html, code
