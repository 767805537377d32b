"""View counting: the beacon endpoint counts real visitors' page views and ignores bots and
foreign requests; serving a page writes nothing; the visitor statistics add up by day, week and
month. A view counts once per client, page and day, and only with the page's signed token."""

import datetime
import re
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.beacon import issue_token
from portal.models import DailyVisitStats, PageViewDaily
from portal.stats import record_view, visit_stats

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
BEACON = "/api/v1/views/"


def beacon(client, page=None, agent=BROWSER, token=None, **headers):
    headers.setdefault("HTTP_ORIGIN", "http://testserver")
    if token is None:
        token = issue_token(page=page) if page is not None else issue_token(path="/vi/search/")
    return client.post(BEACON, {"token": token}, HTTP_USER_AGENT=agent, **headers)


def visitor(n):
    return {"REMOTE_ADDR": f"198.51.100.{n}"}


def token_in(html):
    return re.search(r'data-token="([^"]+)"', html).group(1)


def page_total(page):
    return sum(PageViewDaily.objects.filter(page=page).values_list("views", flat=True))


# First: every test after these uses `news`, built once for them (tests/conftest.py,
# shared_content).
def test_pages_without_a_wagtail_page_count_for_the_site_only(client, site):
    beacon(client)
    assert DailyVisitStats.objects.get().views == 1
    assert not PageViewDaily.objects.exists()


def test_views_of_other_paths_count_for_the_site_once_per_client(client, site):
    token = token_in(client.get("/en/search/?q=cao+su").content.decode())
    for _ in range(3):
        beacon(client, token=token, **visitor(1))
    beacon(client, token=token, **visitor(2))
    assert DailyVisitStats.objects.get().views == 2


def test_statistics_across_day_week_and_month_boundaries(site):
    # Sunday 31 May 2026, then Monday 1 June (a new week and a new month), Tuesday 2 June.
    for day, views in (
        (datetime.date(2026, 5, 30), 1),
        (datetime.date(2026, 5, 31), 2),
        (datetime.date(2026, 6, 1), 4),
        (datetime.date(2026, 6, 2), 8),
    ):
        for _ in range(views):
            record_view(day=day)
    assert visit_stats(datetime.date(2026, 5, 31)) == {"today": 2, "week": 3, "month": 3, "total": 3}
    assert visit_stats(datetime.date(2026, 6, 1)) == {"today": 4, "week": 4, "month": 4, "total": 7}
    assert visit_stats(datetime.date(2026, 6, 2)) == {"today": 8, "week": 12, "month": 12, "total": 15}
    # a later day with no visits yet
    assert visit_stats(datetime.date(2026, 6, 8)) == {"today": 0, "week": 0, "month": 12, "total": 15}


def test_statistics_block_is_rendered_on_every_page(client, site):
    for day in (datetime.date(2020, 1, 1),):
        DailyVisitStats.objects.create(day=day, views=3446123)
    html = client.get("/vi/").content.decode()
    assert "Thống kê truy cập" in html and "Tổng truy cập" in html and "3.446.123" in html
    html = client.get("/en/").content.decode()
    assert "Visitor statistics" in html and "3,446,123" in html


def test_each_beacon_counts_one_view_of_that_page_and_of_the_site(client, news):
    for n in range(3):  # three visitors
        assert beacon(client, news["vi"], **visitor(n)).status_code == 204
    beacon(client, news["en"])
    assert page_total(news["vi"]) == 3
    assert page_total(news["en"]) == 1
    assert PageViewDaily.objects.count() == 2  # one row per page and day, not one per view
    assert visit_stats()["today"] == 4


def test_counter_is_shown_on_the_page_with_localised_number(client, news):
    PageViewDaily.objects.create(page=news["vi"], day=datetime.date(2026, 1, 2), views=1234)
    assert "Lượt xem: 1.234" in client.get(news["vi"].url).content.decode()
    PageViewDaily.objects.create(page=news["en"], day=datetime.date(2026, 1, 2), views=1234)
    assert "Views: 1,234" in client.get(news["en"].url).content.decode()


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36",
        "Mozilla/5.0 (Linux) Chrome-Lighthouse",
        "Mozilla/5.0 (compatible; Yahoo! Slurp)",
        "python-requests/2.31",
        "curl/8.5.0",
    ],
)
def test_bots_are_not_counted(client, news, agent):
    assert beacon(client, news["vi"], agent=agent).status_code == 204
    assert not PageViewDaily.objects.exists() and not DailyVisitStats.objects.exists()


def test_requests_from_elsewhere_are_not_counted(client, news):
    beacon(client, news["vi"], HTTP_ORIGIN="https://other.example")
    beacon(client, news["vi"], HTTP_ORIGIN="", HTTP_REFERER="https://other.example/page")
    beacon(client, news["vi"], HTTP_ORIGIN="")  # no Origin, no Referer: not a browser beacon
    assert not DailyVisitStats.objects.exists()
    beacon(client, news["vi"], HTTP_ORIGIN="", HTTP_REFERER="http://testserver" + news["vi"].url)
    assert page_total(news["vi"]) == 1


def test_unknown_or_unpublished_pages_are_not_counted(client, news):
    news["en"].unpublish()
    beacon(client, token=issue_token(page=type(news["en"])(pk=999999)))
    beacon(client, news["en"])
    assert not PageViewDaily.objects.exists()
    assert client.get(BEACON).status_code == 405


def test_serving_a_page_writes_nothing(client, news):
    PageViewDaily.objects.create(page=news["vi"], day=datetime.date(2026, 1, 2), views=5)
    client.get(news["vi"].url)  # warm caches, as a busy site would be
    with CaptureQueriesContext(connection) as queries:
        response = client.get(news["vi"].url)
    assert response.status_code == 200
    writes = [
        q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    counter_reads = [q for q in queries if "portal_" in q["sql"]]
    assert counter_reads == []  # both counters come from the cache for a minute


def test_page_includes_the_deferred_beacon_script_with_its_id(client, news):
    html = client.get(news["vi"].url).content.decode()
    assert f'data-page="{news["vi"].pk}"' in html
    assert 'data-endpoint="/api/v1/views/"' in html
    assert 'portal/portal.js" defer' in html


def test_one_client_counts_once_per_page_and_day_however_often_it_posts(client, news):
    token = token_in(client.get(news["vi"].url).content.decode())
    for _ in range(200):  # a script replaying the beacon, Origin forged
        beacon(client, token=token, **visitor(1))
    assert page_total(news["vi"]) == 1 and DailyVisitStats.objects.get().views == 1
    beacon(client, news["en"], **visitor(1))  # another page: counted
    assert page_total(news["en"]) == 1


def test_one_cached_page_counts_every_visitor(client, news):
    # The full-page cache serves the same HTML (and token) to everyone: nothing per visitor in it.
    html = client.get(news["vi"].url).content.decode()
    assert "198.51.100" not in html and client.get(news["vi"].url).content.decode() == html
    for n in range(5):
        beacon(client, token=token_in(html), **visitor(n))
    beacon(client, token=token_in(html), HTTP_X_FORWARDED_FOR="203.0.113.5")  # behind our proxy
    assert page_total(news["vi"]) == 6


def test_the_next_day_counts_again(client, news, monkeypatch):
    from django.utils import timezone

    beacon(client, news["vi"], **visitor(1))
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localtime", lambda *a, **k: tomorrow)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: tomorrow.date())
    beacon(client, news["vi"], **visitor(1))
    assert page_total(news["vi"]) == 2


def test_views_need_a_genuine_fresh_token_for_that_page(client, news, settings, monkeypatch):
    beacon(client, token="", **visitor(1))
    beacon(client, token=f"p{news['vi'].pk}:1aBcD:forged", **visitor(2))
    beacon(client, token=issue_token(page=news["vi"]).replace(f"p{news['vi'].pk}:", "p1:"), **visitor(3))
    settings.VIEW_TOKEN_MAX_AGE = 3600
    rendered = time.time()
    monkeypatch.setattr(time, "time", lambda: rendered - 3601)
    old = issue_token(page=news["vi"])
    monkeypatch.undo()
    beacon(client, token=old, **visitor(4))
    assert not DailyVisitStats.objects.exists()
    beacon(client, token=issue_token(page=news["vi"]), **visitor(5))
    assert page_total(news["vi"]) == 1


def test_a_database_locked_past_its_timeout_costs_one_view_not_an_error(client, news, monkeypatch):
    from django.db import OperationalError

    def locked(page_id):
        raise OperationalError("database is locked")

    monkeypatch.setattr("portal.views.record_view", locked)
    assert beacon(client, news["vi"]).status_code == 204
    assert page_total(news["vi"]) == 0
