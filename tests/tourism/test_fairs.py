"""Fairs a visitor can attend: times in Vietnam time on the page and in the calendar file,
the venue on the map, exhibitors linked to products, registration, the month calendar and
visible subscribe links."""

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from promo.models import ProductPage

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_fair_page_has_times_venue_map_registration_and_exhibitors(client, tourism):
    page = soup(client.get("/en/fairs/farm-market/?now=2099-12-01T10:00"))
    facts = page.select_one(".facts-panel").get_text(" ", strip=True)
    assert "07:00–21:00 each day (Vietnam time, UTC+7)" in facts
    assert "Free for visitors" in facts
    assert page.select_one("#venue-heading ~ [data-place-map]")["data-source"].startswith(
        "/api/v1/places.geojson?"
    )
    assert page.select_one('a[href="https://dautieng-promo.example/dang-ky"]')
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.select("th, td")]
        for row in page.select(".exhibitors-table tbody tr")
    ]
    assert rows == [["Honey maker (sample)", "Honey", "A01", "Rubber honey"]]
    assert page.select_one('.exhibitors-table a[href="/en/products/rubber-honey/"]')
    # After the deadline the form is no longer offered.
    late = soup(client.get("/en/fairs/farm-market/?now=2099-12-06T10:00"))
    assert not late.select_one('a[href="https://dautieng-promo.example/dang-ky"]')
    assert "Registration has closed." in late.text


def test_an_unpublished_product_is_named_without_a_dead_link(client, tourism):
    for page in ProductPage.objects.filter(ref="mat-ong"):
        page.unpublish()
    page = soup(client.get("/vi/hoi-cho/phien-cho-2026/"))
    cells = page.select(".exhibitors-table tbody tr")[0].select("td")
    assert cells[-1].text.strip() == "–" and not page.select('a[href*="mat-ong"]')


def test_calendar_file_has_opening_and_closing_in_vietnam_time(client, tourism):
    cal = Calendar.from_ical(client.get("/en/calendar/fairs/phien-cho-2026.ics").content)
    (event,) = cal.walk("VEVENT")
    assert event.decoded("dtstart").isoformat() == "2099-12-10T07:00:00+07:00"
    assert event.decoded("dtend").isoformat() == "2099-12-12T21:00:00+07:00"
    assert b"DTSTART;TZID=Asia/Ho_Chi_Minh:20991210T070000" in cal.to_ical()


def test_month_calendar_lists_each_day_and_moves_between_months(client, tourism):
    page = soup(client.get("/en/fairs/?view=calendar&month=2099-12&now=2099-12-01T09:00"))
    table = page.select_one("table.month-calendar")
    assert table.caption.text.strip() == "December 2099"
    assert [th.abbr["title"] for th in table.thead.select("th")][0] == "Monday"
    days = {
        cell.select_one("time")["datetime"]: cell for cell in table.select("td") if cell.select_one("time")
    }
    assert len(days) == 31
    assert days["2099-12-10"].select_one('a[href="/en/fairs/farm-market/"]')
    assert "Farm market" in days["2099-12-11"].text and not days["2099-12-11"].select("a")
    assert not days["2099-12-13"].select("li")
    assert page.select_one("a#month-next")["href"].startswith("?view=calendar&month=2100-01")
    assert page.select_one("a#month-prev")["href"].startswith("?view=calendar&month=2099-11")
    assert page.select_one('meta[name="robots"]')["content"] == "noindex, follow"
    assert page.select_one('.view-switch a[aria-current="page"]').text == "Month calendar"
    today = soup(client.get("/en/fairs/?view=calendar&now=2099-12-11T09:00"))
    assert today.select_one('td[aria-current="date"] time')["datetime"] == "2099-12-11"


@pytest.mark.parametrize("month", ["2026-13", "banana", "0000-01", "2026-1", "99999-01"])
def test_a_month_that_is_not_one_gets_a_notice_and_the_current_month(client, tourism, month):
    page = soup(client.get(f"/en/fairs/?view=calendar&month={month}&now=2099-12-01T09:00"))
    assert "is not a month" in page.select_one(".month-view .notice").text
    assert page.select_one("table.month-calendar caption").text.strip() == "December 2099"


def test_months_far_from_any_event_are_clamped_and_links_stop(client, tourism):
    page = soup(client.get("/en/fairs/?view=calendar&month=3000-01&now=2099-12-01T09:00"))
    assert "that far away" in page.select_one(".month-view .notice").text
    assert page.select_one("table.month-calendar caption").text.strip() == "December 2100"
    assert page.select_one("a#month-next") is None


def test_fairs_and_news_indexes_show_subscribe_links(client, tourism):
    for url in ("/en/fairs/", "/vi/tin-tuc/"):
        box = soup(client.get(url)).select_one("aside.subscribe")
        links = {a["href"] for a in box.select("a")}
        assert "webcal://testserver/" + url[1:3] + "/calendar/fairs.ics" in links
        assert any(link.endswith("/feeds/news.rss") for link in links)
        assert any(link.endswith("/feeds/news.atom") for link in links)
        assert box.select_one(".subscribe__help").text.strip()


def test_fair_venues_on_the_map_by_when(client, tourism):
    data = client.get("/api/v1/places.geojson?kind=fair&lang=en&when=all").json()
    assert [f["properties"]["ref"] for f in data["features"]] == ["phien-cho-2026"]
    assert data["features"][0]["geometry"]["coordinates"] == [106.3625, 11.2745]
    assert client.get("/api/v1/places.geojson?kind=fair&when=soon").status_code == 400
