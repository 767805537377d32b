"""The page cache: anonymous visitors get cached pages, and every change a visitor could see is
served at once (publish, unpublish, move, delete, a translation, a snippet, a site setting, a
new day); counters stay live, the theme and language are respected, nothing personal is kept.

Every test runs against the embedded default cache and, when REDIS_TEST_URL is set (.ci/run
starts one), against Redis too.
"""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from portal.models import DailyVisitStats, PageViewDaily
from promo.models import FairPage, ProductPage
from tests.factories import FairLine, ProductLine, load_lines, translated

pytestmark = pytest.mark.django_db


def get(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.content.decode()


def served_from_cache(client, url):
    """GET twice: the second answer must come from the cache; return its HTML."""
    get(client, url)
    response, html = get(client, url)
    assert response["X-Page-Cache"] == "hit", url
    return html


@pytest.fixture
def product(site):
    line = ProductLine(ref="mat-ong", title="Mật ong rừng")
    load_lines([line, translated(line, "en", title="Forest honey")])
    return {
        page.locale.language_code: page
        for page in ProductPage.objects.filter(ref="mat-ong").select_related("locale")
    }


def publish_title(page, title):
    page.title = title
    page.save_revision().publish()


def section_url(kind, code="vi"):
    from promo.models import INDEX_MODELS

    return INDEX_MODELS[kind].objects.get(locale__language_code=code).url


def test_a_second_visit_is_served_from_the_cache_with_the_same_page(client, product):
    url = product["vi"].url
    first, html = get(client, url)
    assert first["X-Page-Cache"] == "miss"
    second, cached = get(client, url)
    assert second["X-Page-Cache"] == "hit"
    assert cached == html and "Mật ong rừng" in cached
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "vi"


def test_publishing_a_new_title_is_served_at_once_everywhere_it_shows(client, product):
    page = product["vi"]
    urls = [page.url, section_url("product"), "/vi/"]
    for url in urls:
        assert "Mật ong rừng" in served_from_cache(client, url)
    publish_title(page, "Mật ong hoa cà phê")
    for url in urls:
        response, html = get(client, url)
        assert "Mật ong hoa cà phê" in html and "Mật ong rừng" not in html, url
        assert response["X-Page-Cache"] == "miss"
    # and the translation's language switcher / hreflang links still point at the same page
    assert page.url in served_from_cache(client, product["en"].url)


def test_an_unpublished_page_disappears_at_once(client, product):
    page = product["vi"]
    served_from_cache(client, page.url)
    assert "Mật ong rừng" in served_from_cache(client, section_url("product"))
    page.unpublish()
    assert client.get(page.url).status_code == 404
    assert "Mật ong rừng" not in get(client, section_url("product"))[1]


def test_a_moved_page_is_found_at_its_new_address_only(client, site):
    load_lines([ProductLine(ref="dua-sap", title="Dứa sáp")])
    page = ProductPage.objects.get(ref="dua-sap")
    old_url = page.url
    served_from_cache(client, old_url)
    served_from_cache(client, section_url("product"))
    from promo.models import INDEX_MODELS

    page.move(INDEX_MODELS["product"].objects.get(locale__language_code="en"), pos="last-child")
    page.refresh_from_db()
    assert page.url != old_url
    moved = client.get(old_url)  # Wagtail's automatic redirect, not the cached old page
    # 301 from Wagtail's redirect, or 302 from the translation fallback (same item elsewhere)
    assert moved.status_code in (301, 302) and moved["Location"] == page.url
    assert client.get(page.url).status_code == 200
    assert "Dứa sáp" not in get(client, section_url("product"))[1]


def test_a_deleted_page_disappears_at_once(client, product):
    page = product["vi"]
    served_from_cache(client, page.url)
    served_from_cache(client, section_url("product"))
    ProductPage.objects.get(pk=page.pk).delete()
    assert client.get(page.url).status_code == 404
    assert "Mật ong rừng" not in get(client, section_url("product"))[1]


def test_a_new_translation_appears_in_the_source_pages_links(client, site):
    line = ProductLine(ref="gio-may", title="Giỏ mây")
    load_lines([line])
    page = ProductPage.objects.get(ref="gio-may")
    alternate = '<link rel="alternate" hreflang="ko"'
    assert alternate not in served_from_cache(client, page.url)
    load_lines([translated(line, "ko", title="등나무 바구니")])
    korean = ProductPage.objects.get(ref="gio-may", locale__language_code="ko")
    html = get(client, page.url)[1]
    assert alternate in html and korean.url in html


def test_a_snippet_edit_is_served_at_once(client, product):
    commune = product["vi"].commune
    assert commune.name in served_from_cache(client, product["vi"].url)
    commune.name = "xã Dầu Tiếng (mới)"
    commune.save()
    assert "xã Dầu Tiếng (mới)" in get(client, product["vi"].url)[1]


def test_a_site_setting_edit_is_served_at_once(client, site):
    from wagtail.models import Site

    from home.models import ContactSettings

    served_from_cache(client, "/en/")
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.phone = "+84 274 3561 999"
    contact.save()
    assert "+84 274 3561 999" in get(client, "/en/")[1]


def test_a_new_day_turns_todays_fair_into_a_past_one(client, site, monkeypatch):
    today = timezone.localdate()
    load_lines(
        [
            FairLine(
                ref="hoi-cho-hom-nay", title="Hội chợ hôm nay", start=today.isoformat(), end=today.isoformat()
            )
        ]
    )
    fairs = section_url("fair")
    assert "Hội chợ hôm nay" in served_from_cache(client, fairs)
    assert "Hội chợ hôm nay" in served_from_cache(client, "/vi/")
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "now", lambda: tomorrow)
    for url in (fairs, "/vi/"):
        response, html = get(client, url)
        assert response["X-Page-Cache"] == "miss", url
        assert "Hội chợ hôm nay" not in html, url
    assert "Hội chợ hôm nay" in get(client, fairs + "?when=past")[1]
    assert FairPage.objects.filter(ref="hoi-cho-hom-nay").exists()


def test_view_count_and_visitor_statistics_stay_live_in_cached_pages(client, product):
    from django.core.cache import cache

    page = product["vi"]
    served_from_cache(client, page.url)
    PageViewDaily.objects.create(page=page, day=datetime.date(2026, 1, 2), views=1234)
    DailyVisitStats.objects.create(day=datetime.date(2026, 1, 2), views=3446123)
    cache.clear()  # the counters' own one-minute cache, not the page cache
    response, html = get(client, page.url)
    assert response["X-Page-Cache"] == "hit"
    assert "Lượt xem: 1.234" in html and "3.446.123" in html
    assert f'data-page="{page.pk}"' in html  # the beacon still knows which page was viewed


def test_high_contrast_and_language_each_get_their_own_copy(client, product):
    plain = served_from_cache(client, "/vi/")
    assert 'class="high-contrast"' not in plain
    client.cookies["contrast"] = "high"
    response, contrast = get(client, "/vi/")
    assert response["X-Page-Cache"] == "miss" and '<html lang="vi" class="high-contrast"' in contrast
    assert 'class="high-contrast"' in served_from_cache(client, "/vi/")
    del client.cookies["contrast"]
    assert 'class="high-contrast"' not in get(client, "/vi/")[1]
    assert '<html lang="en"' in served_from_cache(client, "/en/")


def _csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_a_page_with_a_form_is_cached_but_each_visitor_gets_their_own_token(site, valid_data):
    from promo.models import InvestmentPage
    from tests.factories import InvestmentLine

    load_lines(
        [InvestmentLine(ref="kcn", title="Khu công nghiệp mẫu", contact_email="invest-office@example.com")]
    )
    page = InvestmentPage.objects.get(ref="kcn")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    one, html_one = get(first, page.url)
    two, html_two = get(second, page.url)
    assert (one["X-Page-Cache"], two["X-Page-Cache"]) == ("miss", "hit")
    assert _csrf_token(html_one) != _csrf_token(html_two)
    assert "csrftoken" in two.cookies  # the cookie that goes with the token
    assert "private" in two["Cache-Control"]  # no shared cache may keep a page with a token
    posted = second.post(
        f"/vi/enquiries/interest/{page.pk}/", {**valid_data, "csrfmiddlewaretoken": _csrf_token(html_two)}
    )
    assert posted.status_code == 302  # accepted: the token from the cached page is valid


def test_signed_in_staff_are_never_served_or_stored(client, admin_user, product):
    url = product["vi"].url
    anonymous = served_from_cache(client, url)
    staff = Client()
    staff.force_login(admin_user)
    response, html = get(staff, url)
    assert response["X-Page-Cache"] == "bypass"
    assert "private" in response["Cache-Control"]
    response, html = get(client, url)
    assert response["X-Page-Cache"] == "hit" and html == anonymous


def test_pending_messages_and_previews_are_not_cached(client, product):
    url = product["vi"].url
    client.cookies["messages"] = "x"
    assert client.get(url)["X-Page-Cache"] == "bypass"
    del client.cookies["messages"]
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_a_page_rendered_before_a_change_is_not_filed_under_the_new_generation(product):
    from pagecache.store import Entry, invalidate, lookup, store, today

    generation, _ = lookup("k")
    entry = Entry(generation=generation, day=today(), status=200, headers=[], parts=[b"old"])
    invalidate()  # the change lands while the old page is being rendered
    assert store("k", entry, 60) is False
    assert lookup("k")[1] is None


def test_changes_in_one_transaction_invalidate_again_after_the_commit(
    product, django_capture_on_commit_callbacks
):
    from pagecache.store import lookup

    before = lookup("k")[0]
    with django_capture_on_commit_callbacks() as callbacks:
        publish_title(product["vi"], "Một")
        during = lookup("k")[0]
        publish_title(product["en"], "Two")
    assert during != before
    assert len(callbacks) >= 1
    for callback in callbacks:
        callback()
    assert lookup("k")[0] != during


def test_pages_revalidate_with_etag_and_last_modified(client, product):
    url = product["vi"].url
    response, _ = get(client, url)
    assert response["Cache-Control"] == "public, max-age=0, must-revalidate"
    etag, modified = response["ETag"], response["Last-Modified"]
    assert client.get(url)["X-Page-Cache"] == "hit"
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    publish_title(product["vi"], "Mật ong mới")
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/vi/feeds/news.rss", "/en/feeds/news.atom", "/en/calendar/fairs.ics", "/sitemap.xml", "/robots.txt"],
)
def test_feeds_calendars_and_sitemap_have_caching_headers(client, site, path):
    response = client.get(path)
    assert response.status_code == 200
    assert re.fullmatch(r"public, max-age=\d+", response["Cache-Control"]), response["Cache-Control"]
    assert client.get(path, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert client.get(path)["X-Page-Cache"] == "hit"


def _lifetime_of(response):
    return getattr(response.wsgi_request, "_pagecache_lifetime", None)


def test_an_open_now_badge_is_not_cached_past_its_next_opening_or_closing(client, site, settings):
    from tests.tourism.conftest import attraction_lines

    settings.VISIT_CLOCK_PARAMETER = True
    load_lines(attraction_lines()[:1])  # Núi Cậu, open 05:00–18:00 every day
    from promo.models import AttractionPage

    page = AttractionPage.objects.get(ref="nui-cau", locale__language_code="vi")
    served_url = f"{page.url}?now=2026-12-02T17:30"
    response = client.get(served_url)
    assert 'data-open-state="open"' in response.content.decode()
    assert 60 <= _lifetime_of(response) <= 30 * 60  # until 18:00, not the hour-long default


def test_lists_and_map_data_marked_open_or_closed_are_kept_only_a_few_minutes(client, site, settings):
    from promo.hours import OPEN_NOW_CACHE_SECONDS
    from tests.tourism.conftest import attraction_lines

    settings.VISIT_CLOCK_PARAMETER = True
    load_lines(attraction_lines()[:1])
    response = client.get(f"{section_url('attraction')}?open_now=1&now=2026-12-02T09:00")
    assert "Núi Cậu" in response.content.decode()
    assert _lifetime_of(response) == OPEN_NOW_CACHE_SECONDS
    response = client.get("/api/v1/places.geojson?kind=attraction&lang=vi")
    assert response.status_code == 200 and "public" in response["Cache-Control"]
    assert _lifetime_of(response) == OPEN_NOW_CACHE_SECONDS


def test_an_import_is_served_at_once(client, product):
    url = product["vi"].url
    assert "Mật ong rừng" in served_from_cache(client, url)
    load_lines([ProductLine(ref="mat-ong", title="Mật ong bạc hà")])
    response, html = get(client, url)
    assert "Mật ong bạc hà" in html and response["X-Page-Cache"] == "miss"
