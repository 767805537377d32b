"""No hollow language: items not translated yet show in their best available translation
(English, else Vietnamese), marked with their language, in listings, home sections and through
the language switcher — never an empty section or a dead end."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from promo.models import CATALOGUE_MODELS, INDEX_MODELS
from tests.factories import AttractionLine, ProductLine, load_lines, translated

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _module_items(request):
    from tests.conftest import shared_content

    if not shared_content(request, "items"):
        return None
    return request.getfixturevalue("module_content")(add_items)


@pytest.fixture
def items(_module_items, site, settings):
    if _module_items:
        return _module_items.for_test(settings)
    return add_items()


def add_items():
    only_vi = ProductLine(ref="only-vi", title="Mật ong hoa cao su")
    with_en = ProductLine(ref="with-en", title="Hạt điều rang muối")
    everywhere = ProductLine(ref="everywhere", title="Bưởi da xanh")
    load_lines(
        [
            only_vi,
            with_en,
            everywhere,
            translated(with_en, "en", title="Salt-roasted cashews"),
            *[translated(everywhere, code, title=f"Pomelo {code}") for code in ("en", "ko", "ja", "zh-hans")],
        ]
    )
    return {"only_vi": only_vi, "with_en": with_en, "everywhere": everywhere}


def _card(html, title):
    """The card <article> holding `title`."""
    for article in re.findall(r"<article class=\"card.*?</article>", html, re.S):
        if title in article:
            return article
    raise AssertionError(f"no card for {title!r}")


# First: every test after it uses `items`, built once for them (tests/conftest.py,
# shared_content).
def test_fallback_listing_query_count_does_not_grow(client, site, settings):
    settings.CATALOGUE_PAGE_SIZE = 50
    settings.PAGE_CACHE_ENABLED = False  # count the rendering, not the cache
    load_lines([AttractionLine(ref=f"a-{i}") for i in range(2)])
    section = INDEX_MODELS["attraction"].objects.get(locale__language_code="ko")

    def count():
        # The first render after a change refills what pagecache.memo keeps (the chrome, the
        # routing): compare warm renders.
        client.get(section.get_url())
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(section.get_url()).status_code == 200
        return len(ctx.captured_queries)

    few = count()
    lines = [AttractionLine(ref=f"b-{i}") for i in range(12)]
    lines += [translated(line, "en") for line in lines[:6]]
    load_lines(lines)
    assert count() == few


def test_listing_shows_untranslated_items_in_their_best_translation(client, items):
    html = client.get("/ko/products/").content.decode()
    assert "Pomelo ko" in html and "Bưởi da xanh" not in html and "Pomelo en" not in html
    english = _card(html, "Salt-roasted cashews")
    assert "Hạt điều rang muối" not in html  # English comes before Vietnamese
    assert 'lang="en"' in english and "영어로 제공" in english
    assert 'href="/ko/products/salt-roasted-cashews/"' in english
    vietnamese = _card(html, "Mật ong hoa cao su")
    assert 'lang="vi"' in vietnamese and "베트남어로 제공" in vietnamese
    own = _card(html, "Pomelo ko")
    assert "lang-label" not in own and 'lang="' not in own
    # the facts around a fallback's text are in the visitor's language: commune, category
    assert "Dầu Tiếng 사" in english and "식품" in english
    count = re.search(r'id="results-heading"[^>]*>([^<]*)<', html).group(1)
    assert "3" in count and 'class="empty"' not in html  # three results, not "nothing matches"


def test_every_language_shows_every_item(client, items):
    for code, label in (
        ("en", "In Vietnamese"),
        ("ja", "ベトナム語で掲載"),
        ("zh-hans", "越南文版"),
        ("vi", None),
    ):
        section = INDEX_MODELS["product"].objects.get(locale__language_code=code)
        html = client.get(section.get_url()).content.decode()
        assert html.count('<article class="card') == 3, code
        if label:
            assert label in _card(html, "Mật ong hoa cao su"), code


def test_home_sections_are_never_empty(client, items):
    html = client.get("/ja/").content.decode()
    section = html[html.index('id="section-product"') :]
    section = section[: section.index("</section>")]
    assert "Pomelo ja" in section and "Salt-roasted cashews" in section
    assert "Mật ong hoa cao su" in section and "ベトナム語で掲載" in section


def test_switcher_keeps_the_visitor_on_the_item(client, items):
    vi_page = CATALOGUE_MODELS["product"].objects.get(ref="only-vi")
    html = client.get(vi_page.get_url()).content.decode()
    ko_link = re.search(r'<a href="([^"]+)" lang="ko" hreflang="ko"', html).group(1)
    assert ko_link == f"/ko/products/{vi_page.slug}/"
    response = client.get(ko_link)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="ko"' in page
    assert "이 페이지는 아직 한국어로 제공되지 않아 베트남어로 보여 드립니다." in page
    assert re.search(r'<h1 lang="vi">Mật ong hoa cao su</h1>', page)
    assert f'<link rel="canonical" href="http://testserver{vi_page.get_url()}">' in page
    # the Korean interface around it: the Korean section in the breadcrumb and the navigation
    assert '<a href="/ko/products/">지역 특산품</a>' in page
    assert "Dầu Tiếng 사" in page and "식품" in page  # the facts in the visitor's language
    assert re.search(r'href="/ko/products/"[^>]*aria-current="true"', page)


def test_switcher_prefers_english_to_vietnamese(client, items):
    en_page = CATALOGUE_MODELS["product"].objects.get(ref="with-en", locale__language_code="en")
    assert en_page.slug == "salt-roasted-cashews"  # English pages get English slugs
    html = client.get(en_page.get_url()).content.decode()
    ja_link = re.search(r'<a href="([^"]+)" lang="ja" hreflang="ja"', html).group(1)
    assert ja_link == "/ja/products/salt-roasted-cashews/"
    page = client.get(ja_link).content.decode()
    assert "Salt-roasted cashews" in page and "英語で表示しています" in page
    assert "Hạt điều rang muối" not in page
    # from the Vietnamese page too, the Japanese link shows the English text
    vi_page = CATALOGUE_MODELS["product"].objects.get(ref="with-en", locale__language_code="vi")
    html = client.get(vi_page.get_url()).content.decode()
    assert 'href="/ja/products/salt-roasted-cashews/" lang="ja"' in html


def test_a_translation_is_always_preferred_to_a_fallback(client, items):
    """A link to the item under another language's slug lands on the item's own translation."""
    vi_page = CATALOGUE_MODELS["product"].objects.get(ref="everywhere", locale__language_code="vi")
    ko_page = CATALOGUE_MODELS["product"].objects.get(ref="everywhere", locale__language_code="ko")
    en_page = CATALOGUE_MODELS["product"].objects.get(ref="everywhere", locale__language_code="en")
    response = client.get(f"/ko/products/{en_page.slug}/")
    assert response.status_code == 302 and response["Location"] == ko_page.get_url()
    response = client.get(f"/en/products/{vi_page.slug}/")
    assert response.status_code == 302 and response["Location"] == en_page.get_url()


def test_unknown_paths_are_still_not_found(client, items):
    assert client.get("/ko/products/no-such-item/").status_code == 404
    assert client.get("/ko/no-such-section/").status_code == 404


def test_page_cache_keeps_languages_apart_and_lets_go_of_fallbacks(
    client, items, django_capture_on_commit_callbacks
):
    """Listings, fallback pages and the switcher are cached per URL and language; publishing
    the missing translation makes every one of them show it."""
    en_page = CATALOGUE_MODELS["product"].objects.get(ref="with-en", locale__language_code="en")
    first = client.get("/ko/products/")
    assert first["X-Page-Cache"] == "miss"
    again = client.get("/ko/products/")
    assert again["X-Page-Cache"] == "hit" and "Salt-roasted cashews" in again.content.decode()
    english = client.get("/en/products/")
    assert english["X-Page-Cache"] == "miss" and "영어로 제공" not in english.content.decode()
    for _ in range(2):
        fallback = client.get("/ko/products/salt-roasted-cashews/")
    assert fallback.status_code == 200 and fallback["X-Page-Cache"] == "hit"
    switcher = client.get(en_page.get_url()).content.decode()
    assert 'href="/ko/products/salt-roasted-cashews/"' in switcher

    with django_capture_on_commit_callbacks(execute=True):
        load_lines([translated(items["with_en"], "ko", title="소금에 구운 캐슈너트")])
    ko_page = CATALOGUE_MODELS["product"].objects.get(ref="with-en", locale__language_code="ko")
    html = client.get("/ko/products/").content.decode()
    assert "소금에 구운 캐슈너트" in html and "Salt-roasted cashews" not in html
    moved = client.get("/ko/products/salt-roasted-cashews/")
    assert moved.status_code == 302 and moved["Location"] == ko_page.get_url()
    switcher = client.get(en_page.get_url()).content.decode()
    assert f'href="{ko_page.get_url()}"' in switcher
