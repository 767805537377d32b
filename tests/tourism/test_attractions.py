"""An attraction as a visitor plans a visit: hours with an open-now badge at a fixed clock,
fees by visitor, season, routes, access; the tourism index filters; the exchange format."""

import datetime as dt
import json

import pytest
from bs4 import BeautifulSoup

from promo.catalogue.exporter import export_lines
from promo.catalogue.parse import parse_file
from promo.clock import DISTRICT_TZ
from promo.hours import open_at_filter
from promo.models import AttractionPage
from tests.factories import AttractionLine, load_lines, to_jsonl

pytestmark = pytest.mark.django_db
MONDAY = "2026-12-07"


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def badge(client, url, when):
    page = soup(client.get(f"{url}?now={MONDAY}T{when}"))
    return page.select_one(".facts-panel .open-badge")


# First: every test after it uses `tourism`, built once for them (tests/conftest.py, shared_content).
@pytest.mark.parametrize(
    "values, key, message",
    [
        (
            {"hours": {"weekly": [{"days": ["mon"], "opens": "25:00", "closes": "18:00"}]}},
            "hours",
            "weekly row 1: opens must be a time",
        ),
        ({"hours": {"status": "sometimes"}}, "hours", "status must be one of"),
        ({"fees": [{"visitor": "adult", "vnd": 1}, {"visitor": "adult", "vnd": 2}]}, "fees", "listed twice"),
        ({"best_months": [13]}, "best_months", "must be 1..12"),
        ({"getting_there": [{"from": "hanoi", "km": 1}]}, "getting_there", "from must be one of"),
        ({"amenities": {"lift": "yes"}}, "amenities", "unknown key"),
    ],
)
def test_bad_visit_facts_are_reported_with_line_and_key(values, key, message):
    line = AttractionLine(ref="sai", **values)
    _records, problems = parse_file(to_jsonl([line]).encode().splitlines(keepends=True))
    assert [(p.line, p.key) for p in problems] == [(1, key)]
    assert message in problems[0].message


def test_open_now_badge_follows_the_clock_in_vietnam_time(client, tourism):
    assert "Đang mở cửa" in badge(client, "/vi/du-lich/nui-cau/", "06:00").text
    assert "18:00" in badge(client, "/vi/du-lich/nui-cau/", "06:00").text
    closed = badge(client, "/en/tourism/cau-mountain/", "23:00")
    assert closed["data-open-state"] == "closed" and "opens tomorrow 05:00" in closed.text
    # 23:00 UTC is 06:00 the next morning in Vietnam
    response = client.get("/en/tourism/cau-mountain/?now=2026-12-06T23:00:00%2B00:00")
    assert soup(response).select_one(".facts-panel .open-badge")["data-open-state"] == "open"
    # Special hours: open at 04:30 during Tết
    assert badge(client, "/en/tourism/cau-mountain/", "04:30")["data-open-state"] == "closed"
    tet = soup(client.get("/en/tourism/cau-mountain/?now=2027-02-06T04:30"))
    assert tet.select_one(".facts-panel .open-badge")["data-open-state"] == "open"
    assert "Lunar New Year" in tet.select_one(".special-hours").text
    always = badge(client, "/vi/du-lich/ho-dau-tieng/", "03:00")
    assert always["data-open-state"] == "always"


def test_plan_your_visit_shows_every_fact_in_the_visitors_language(client, tourism):
    page = soup(client.get(f"/en/tourism/cau-mountain/?now={MONDAY}T10:00"))
    plan = page.select_one(".visit-plan")
    hours = [row.get_text(" ", strip=True) for row in plan.select(".hours-table tr")]
    assert hours[0] == "Monday 05:00–18:00" and len(hours) == 7
    assert "Free entry" in plan.text
    assert "2 h 30 min to 4 h" in page.select_one(".facts-panel").text
    assert "December to April" in plan.text and "Best in the dry season." in plan.text
    route = plan.select_one(".routes-table tbody tr").get_text(" ", strip=True)
    assert "Ho Chi Minh City centre" in route and "100 km" in route and "2 h 30 min" in route
    assert "Coaches from Miền Đông." in route  # the English words of the route
    assert "1000 steps" in plan.text.replace(",", "")
    assert plan.select_one('a[href="https://dautieng-promo.example/nui-cau"]')
    assert plan.select_one('a[href="tel:+84000000111"]')
    assert plan.select_one("[data-place-map]")  # the shared map, one marker
    fees = soup(client.get("/vi/du-lich/lang-cao-su/")).select(".fees-table tbody tr")
    assert [row.get_text(" ", strip=True) for row in fees] == ["Người lớn 20.000 đ", "Trẻ em 10.000 đ"]


def test_numbers_are_shared_by_translations_and_words_are_not(tourism):
    vi = AttractionPage.objects.get(ref="nui-cau", locale__language_code="vi")
    en = AttractionPage.objects.get(ref="nui-cau", locale__language_code="en")
    assert en.hours == vi.hours and en.best_months == vi.best_months == [1, 2, 3, 4, 12]
    assert en.free_entry is True and en.step_count == 1000
    assert en.season_note == "Best in the dry season." != vi.season_note


def test_index_filters_open_now_and_free_entry(client, tourism):
    def titles(query):
        page = soup(client.get(f"/vi/du-lich/?{query}"))
        return sorted(a.text for a in page.select(".results .card__title a"))

    assert titles(f"open_now=1&now={MONDAY}T06:00") == ["Hồ Dầu Tiếng", "Núi Cậu"]
    assert titles(f"open_now=1&now={MONDAY}T23:00") == ["Hồ Dầu Tiếng"]
    assert titles("open_now=1&now=2026-12-08T09:00") == ["Hồ Dầu Tiếng", "Làng công nhân cao su", "Núi Cậu"]
    assert titles("open_now=1&now=2026-12-12T01:00") == ["Chợ đêm", "Hồ Dầu Tiếng"]  # Fri night
    assert titles("free=1&category=nature") == ["Hồ Dầu Tiếng", "Núi Cậu"]


def test_bad_filter_values_get_a_clear_notice_not_an_error(client, tourism):
    page = soup(client.get("/en/tourism/?open_now=banana&free=%00x"))
    notices = [p.text for p in page.select(".results .notice")]
    assert any("banana" in n and "Open now" in n for n in notices)
    assert len(notices) == 2
    page = soup(client.get("/vi/du-lich/?open_now=banana"))
    assert len(page.select(".results .card")) == 5  # ignored, not guessed
    api = client.get("/api/v1/places.geojson?kind=attraction&lang=en&open_now=banana")
    assert api.status_code == 400 and "open_now" in api.json()["errors"]


def test_sql_filter_agrees_with_the_schedule_at_every_half_hour(tourism):
    pages = list(
        AttractionPage.objects.filter(locale__language_code="vi").prefetch_related(
            "weekly_hours", "hours_exceptions"
        )
    )
    start = dt.datetime(2026, 12, 10, 0, 0, tzinfo=DISTRICT_TZ)  # Thursday
    moments = [start + dt.timedelta(minutes=30 * n) for n in range(4 * 48)]
    moments += [dt.datetime(2027, 2, 6, 4, 30, tzinfo=DISTRICT_TZ)]  # Tết special hours
    for moment in moments:
        in_sql = set(
            AttractionPage.objects.filter(locale__language_code="vi")
            .filter(open_at_filter(moment))
            .values_list("ref", flat=True)
        )
        in_python = {page.ref for page in pages if page.schedule().is_open(moment)}
        assert in_sql == in_python, moment


def test_places_api_has_the_attractions_with_the_index_filters(client, tourism):
    data = client.get(f"/api/v1/places.geojson?kind=attraction&lang=vi&open_now=1&now={MONDAY}T06:00").json()
    assert sorted(f["properties"]["title"] for f in data["features"]) == ["Hồ Dầu Tiếng", "Núi Cậu"]
    hill = next(f for f in data["features"] if f["properties"]["ref"] == "nui-cau")
    assert hill["geometry"]["coordinates"] == [106.345, 11.336]
    assert "Đang mở cửa" in hill["properties"]["facts"]


def test_export_then_import_changes_nothing_and_keeps_every_fact(tourism):
    lines = [json.loads(line) for line in export_lines(kinds=["attraction"])]
    hill = next(line for line in lines if line["ref"] == "nui-cau" and line["locale"] == "vi")
    assert hill["hours"]["weekly"] == [
        {"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "opens": "05:00", "closes": "18:00"}
    ]
    assert hill["getting_there"][0] == {
        "from": "hcmc",
        "km": 100,
        "drive_minutes": 150,
        "public_transport": "Xe khách từ Bến xe Miền Đông.",
    }
    assert hill["amenities"] == {"wheelchair": "no", "steps": "yes", "parking": "yes"}
    summary = load_lines(lines)
    assert summary.created == 0 and summary.updated == 0 and summary.unchanged == len(lines)


def test_older_files_with_a_ticket_price_still_load(tourism):
    line = AttractionLine(ref="cam-trai", ticket_vnd=50000)
    assert load_lines([line]).created == 1
    page = AttractionPage.objects.get(ref="cam-trai")
    assert page.fees == [{"visitor": "adult", "vnd": 50000}] and page.ticket_vnd == 50000
    assert load_lines([line]).unchanged == 1
