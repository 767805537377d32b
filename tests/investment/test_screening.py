"""The investment listing screens: filters, ranges in either currency, counts per value with a
constant number of queries, chips, sorts, and clear messages for bad input."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from promo.investment.screening import NotANumber, parse_number

pytestmark = pytest.mark.django_db


def titles(html):
    soup = BeautifulSoup(html, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".card__title a")]


@pytest.mark.parametrize(
    "text,language,expected",
    [
        ("5000000", "en", Decimal(5000000)),
        ("5,000,000", "en", Decimal(5000000)),
        ("5.000.000", "vi", Decimal(5000000)),
        ("1.5", "en", Decimal("1.5")),
        ("1,5", "vi", Decimal("1.5")),
        ("12 500", "en", Decimal(12500)),
        ("1,234.5", "en", Decimal("1234.5")),
        ("1.234,5", "vi", Decimal("1234.5")),
    ],
)
def test_numbers_are_read_as_visitors_type_them(text, language, expected):
    with translation.override(language):
        assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["abc", "1e9", "-5", "1,23,4", "5..0", "", "1.2.3,4,5"])
def test_non_numbers_are_refused(text):
    with translation.override("en"), pytest.raises(NotANumber):
        parse_number(text)


def test_filters_by_sector_form_status_and_commune(client, opportunities):
    html = client.get("/vi/dau-tu/?sector=manufacturing&form=land-lease").content.decode()
    assert sorted(titles(html)) == ["Khu công nghiệp A", "Khu công nghiệp B"]
    html = client.get("/vi/dau-tu/?commune=long-hoa&status=open").content.decode()
    assert sorted(titles(html)) == ["Du lịch C", "Khu công nghiệp A"]


def test_capital_range_in_vnd_and_in_usd_give_the_same_result(client, opportunities):
    in_vnd = titles(
        client.get(
            "/en/investment/?capital_min=500000000000&capital_max=1,000,000,000,000&currency=vnd"
        ).content.decode()
    )
    # 25,000 VND/USD: 20 to 40 million dollars
    in_usd = titles(
        client.get(
            "/en/investment/?capital_min=20,000,000&capital_max=40000000&currency=usd"
        ).content.decode()
    )
    assert sorted(in_vnd) == sorted(in_usd) == ["Khu công nghiệp A (en)", "Nhà máy E (en)"]


def test_area_range(client, opportunities):
    html = client.get("/en/investment/?area_min=10&area_max=30").content.decode()
    assert sorted(titles(html)) == ["Khu công nghiệp A (en)", "Khu công nghiệp B (en)", "Nhà máy E (en)"]


@pytest.mark.parametrize(
    "query,message",
    [
        ("area_min=50&area_max=10", "swap them"),
        ("capital_min=abc", "as a number"),
        ("capital_max=99999999999999999999999", "out of range"),
        ("area_min=-3", "as a number"),
        ("status=bogus", "Unknown status"),
        ("currency=eur&capital_min=5", "VND or USD"),
    ],
)
def test_bad_ranges_get_a_clear_message_and_the_rest_still_applies(client, opportunities, query, message):
    response = client.get(f"/en/investment/?sector=manufacturing&{query}")
    assert response.status_code == 200
    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    alert = soup.select_one("#filter-errors")
    assert alert is not None and message in alert.get_text(), alert
    assert set(titles(html)) <= {"Khu công nghiệp A (en)", "Khu công nghiệp B (en)", "Nhà máy E (en)"}
    assert titles(html)


def test_usd_filter_without_a_rate_says_so(client, opportunities, rate):
    rate.vnd_per_usd = None
    rate.save()
    html = client.get("/en/investment/?capital_min=1000000&currency=usd").content.decode()
    assert "no exchange rate is set" in html


def test_counts_per_value_follow_the_other_filters(client, opportunities):
    soup = BeautifulSoup(client.get("/en/investment/?commune=long-hoa").content, "html.parser")

    def count(param, value):
        box = soup.select_one(f'input[name="{param}"][value="{value}"]')
        return box.parent.select_one(".choice__count").get_text()

    assert count("sector", "manufacturing") == "(1)"  # A only, in Long Hòa
    assert count("sector", "tourism") == "(1)"
    assert count("sector", "logistics") == "(0)"
    assert count("commune", "minh-thanh") == "(2)"  # own facet not narrowed by itself
    assert count("status", "negotiating") == "(1)"


def test_query_count_does_not_grow_with_items_or_chosen_values(client, opportunities, uncached_pages):
    client.get("/en/investment/")  # warm caches (site, locales)
    queries = []
    for query in (
        "",
        "?sector=manufacturing",
        "?sector=manufacturing&sector=tourism&commune=long-hoa"
        "&form=ppp&form=land-lease&status=open&area_min=1&capital_max=9000000000000",
    ):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"/en/investment/{query}").status_code == 200
        queries.append(len(ctx.captured_queries))
    assert len(set(queries)) == 1, queries


def test_chips_remove_one_filter_and_clear_all_removes_every_one(client, opportunities):
    soup = BeautifulSoup(
        client.get("/en/investment/?sector=manufacturing&commune=long-hoa&area_min=5").content, "html.parser"
    )
    chips = {a.get_text(" ", strip=True): a["href"] for a in soup.select(".chip")}
    assert len(chips) == 3
    sector_chip = next(href for text, href in chips.items() if text.startswith("Sector"))
    assert "sector=" not in sector_chip and "commune=long-hoa" in sector_chip and "area_min=5" in sector_chip
    assert soup.select_one(".chips__clear")["href"] == "/en/investment/"


def test_sorts_by_capital_area_and_decision_date(client, opportunities):
    def order(sort):
        return titles(client.get(f"/vi/dau-tu/?sort={sort}").content.decode())

    assert order("capital_desc")[:2] == ["Du lịch C", "Khu công nghiệp A"]
    assert order("capital_asc")[0] == "Khu công nghiệp B"
    assert order("area_desc")[0] == "Du lịch C"
    assert order("decision")[:2] == ["Khu công nghiệp B", "Khu công nghiệp A"]


def test_filters_are_in_the_url_and_survive_paging(client, opportunities, settings):
    settings.CATALOGUE_PAGE_SIZE = 2
    soup = BeautifulSoup(
        client.get("/en/investment/?sector=manufacturing&sort=area_desc").content, "html.parser"
    )
    next_link = soup.select_one('.pagination a[rel="next"]')["href"]
    assert "sector=manufacturing" in next_link and "sort=area_desc" in next_link


def test_map_view_keeps_the_list_and_passes_the_filters_to_the_map(client, opportunities):
    soup = BeautifulSoup(client.get("/en/investment/?view=map&sector=tourism").content, "html.parser")
    container = soup.select_one("[data-place-map]")
    assert "kind=investment" in container["data-source"] and "sector=tourism" in container["data-source"]
    assert "lang=en" in container["data-source"] and "view=" not in container["data-source"]
    assert titles(str(soup)) == ["Du lịch C (en)"]
    assert soup.select_one('script[src$="maps/map.js"]') is not None


def test_list_view_does_not_load_the_map_script(client, opportunities):
    html = client.get("/en/investment/").content.decode()
    assert "maps/map.js" not in html and "leaflet" not in html.lower()
