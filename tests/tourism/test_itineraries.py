"""Itineraries: a printable timeline of numbered stops linked to catalogue pages, the same
stops on the map in order, found by the site search as kind `itinerary`; an unpublished stop
is left out everywhere, never a dead link."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation

from promo.models import AttractionPage
from promo.models.itineraries import DayBlock, StopBlock
from search.indexing import live_pages_for, queue
from tests.tourism.conftest import build_trip

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def stop_titles(page):
    return [h.get_text(" ", strip=True) for h in page.select(".timeline__title")]


# First: every test after it uses `tourism`, built once for them (tests/conftest.py, shared_content).
def test_search_text_of_a_stop_reads_as_a_sentence_in_each_language(site):
    """In the search snippet a stop's title ends the way a sentence ends in the page's language
    ("ゴム農園の道。ゴム園の…", not "ゴム農園の道. ゴム園の…"), and a stop without a title
    does not start with a stray full stop."""
    from promo.demo.itineraries import load_itineraries
    from promo.models import TripPage
    from promo.search_documents import itinerary_document

    load_itineraries(with_pictures=False)
    texts = {
        code: itinerary_document(
            TripPage.objects.get(ref="mot-ngay-ho-va-cao-su", locale__language_code=code), {}
        ).text
        for code in ("ja", "zh-hans", "ko", "en")
    }
    assert "ゴム農園の道。ゴム園の中を" in texts["ja"]
    assert "고무 농장 길. 고무 농장 사이를" in texts["ko"]
    for code, text in texts.items():
        lines = text.split("\n\n")
        assert not [line for line in lines if line.startswith(("。", "."))], code
        if code in ("ja", "zh-hans"):
            assert ". " not in text, code


def test_timeline_numbers_stops_links_pages_and_shows_travel(client, tourism):
    build_trip()
    page = soup(client.get("/en/tourism/itineraries/mot-ngay/"))
    assert stop_titles(page) == [
        "1 Cau Mountain",
        "2 Rubber workers' village",
        "3 Rubber honey",
        "4 Farm market",
        "5 Đường cao su (en)",
    ]
    assert page.select_one('.timeline a[href="/en/tourism/cau-mountain/"]')
    assert page.select_one('.timeline a[href="/en/products/rubber-honey/"]')
    first = page.select_one(".timeline__stop")
    assert first.select_one("time").text == "07:00"
    assert first.select_one(".timeline__travel").get_text(" ", strip=True) == ("By car · 2 h 30 min · 100 km")
    assert page.select_one('.trip-map [data-place-map][data-route="1"]')
    assert [a.text for a in page.select("#trip-stops a")][0] == "Cau Mountain"
    # Listed on the itineraries index and on the tourism index.
    assert soup(client.get("/en/tourism/itineraries/")).select_one(
        'a[href="/en/tourism/itineraries/mot-ngay/"]'
    )
    assert soup(client.get("/en/tourism/")).select_one(".trips-teaser a[href$='/mot-ngay/']")


def test_map_has_every_stop_in_order(client, tourism):
    build_trip()
    data = client.get("/api/v1/places.geojson?kind=itinerary&lang=en&ref=mot-ngay").json()
    props = [f["properties"] for f in data["features"]]
    assert [p["label"] for p in props] == ["1", "2", "3", "4", "5"]
    assert props[0]["title"] == "1. Cau Mountain" and props[0]["facts"][0] == "07:00"
    assert data["features"][2]["geometry"]["coordinates"] == [106.498, 11.245]  # own position
    assert props[4]["url"].endswith("/mot-ngay/#stop-5")  # named place
    assert client.get("/api/v1/places.geojson?kind=itinerary&lang=en").status_code == 400


def test_an_unpublished_stop_is_skipped_and_its_leg_counts_into_the_next(client, tourism):
    build_trip()
    for page in AttractionPage.objects.filter(ref="lang-cao-su"):
        page.unpublish()
    page = soup(client.get("/en/tourism/itineraries/mot-ngay/"))
    assert stop_titles(page) == ["1 Cau Mountain", "2 Rubber honey", "3 Farm market", "4 Đường cao su (en)"]
    assert not page.select('a[href*="lang-cao-su"]')
    travel = page.select(".timeline__travel")[1].get_text(" ", strip=True)
    assert travel == "By car · 50 min · 30 km"  # 20 min + 30 min, 10 km + 20 km
    data = client.get("/api/v1/places.geojson?kind=itinerary&lang=en&ref=mot-ngay").json()
    assert len(data["features"]) == 4


def test_search_finds_the_itinerary_by_a_stop_as_its_own_kind(
    client, tourism, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        trip = build_trip()
        queue(trip)
    assert {p.locale.language_code for p in live_pages_for([trip.translation_key])} == {"vi", "en"}
    data = client.get("/api/v1/search/?q=duong+cao+su&lang=vi&kind=itinerary").json()
    assert [r["ref"] for r in data["results"]] == ["mot-ngay"]
    assert data["results"][0]["kind"] == "itinerary"


@translation.override("en")
def test_stop_and_day_validation_explains_what_is_missing(tourism):
    stop = StopBlock()
    with pytest.raises(ValidationError) as named:
        stop.clean(stop.to_python({"time": "09:00", "name": "Bến đò"}))
    assert "lat" in named.value.block_errors
    from promo.models import ProductPage

    honey = ProductPage.objects.get(ref="mat-ong", locale__language_code="vi")
    with pytest.raises(ValidationError) as unlocated:
        stop.clean(stop.to_python({"time": "09:00", "page": honey.pk}))
    assert "no map position" in str(unlocated.value.block_errors["lat"])
    day = DayBlock()
    with pytest.raises(ValidationError) as order:
        day.clean(
            day.to_python(
                {
                    "title": "",
                    "intro": "",
                    "stops": [
                        {
                            "type": "item",
                            "id": "a",
                            "value": {"time": "10:00", "name": "A", "lat": "11.1", "lon": "106.1"},
                        },
                        {
                            "type": "item",
                            "id": "b",
                            "value": {"time": "09:00", "name": "B", "lat": "11.2", "lon": "106.2"},
                        },
                    ],
                }
            )
        )
    assert "order of their times" in str(order.value.non_block_errors.as_data())


def test_staff_edit_attractions_fairs_and_itineraries_in_the_admin(admin_client, tourism):
    from django.urls import reverse

    from promo.models import FairPage, TripIndexPage, TripPage

    trip = build_trip()
    index = TripIndexPage.objects.get(locale__language_code="vi")
    assert (
        admin_client.get(reverse("wagtailadmin_pages:add", args=("promo", "trippage", index.pk))).status_code
        == 200
    )
    for page in (
        trip,
        AttractionPage.objects.get(ref="nui-cau", locale__language_code="vi"),
        FairPage.objects.get(ref="phien-cho-2026", locale__language_code="vi"),
    ):
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert response.status_code == 200, page
    assert TripPage.objects.filter(ref="mot-ngay").count() == 2
