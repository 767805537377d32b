"""The JSON-LD of an attraction, a fair and an itinerary, read by a JSON-LD processor (pyld):
expanded to full schema.org IRIs, it holds what search engines and map apps look for.

The processor needs the schema.org context document; tests run offline, so a local copy of
its relevant part (the vocabulary and the IRI-valued terms) is served to pyld's loader."""

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pyld import jsonld

from tests.tourism.conftest import build_trip

pytestmark = pytest.mark.django_db
S = "https://schema.org/"
CONTEXT = json.loads((Path(__file__).parents[1] / "data" / "schema-org-context.jsonld").read_text())


def _loader(url, options=None):
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": CONTEXT,
        }
    raise jsonld.JsonLdError(f"offline: {url}", "loading document failed")


def expanded_nodes(client, url):
    response = client.get(url)
    assert response.status_code == 200
    (script,) = BeautifulSoup(response.content, "html.parser").find_all("script", type="application/ld+json")
    flat = jsonld.flatten(json.loads(script.string), options={"documentLoader": _loader})
    return {node["@id"]: node for node in flat}


def of_type(nodes, type_name):
    return [n for n in nodes.values() if S + type_name in n.get("@type", [])]


def value(node, prop):
    return [v.get("@value", v.get("@id")) for v in node.get(S + prop, [])]


def deref(nodes, node, prop):
    return [nodes[v["@id"]] for v in node.get(S + prop, []) if "@id" in v and v["@id"] in nodes]


def test_attraction_states_hours_free_entry_access_amenities_and_offers(client, tourism):
    nodes = expanded_nodes(client, "/en/tourism/cau-mountain/")
    (place,) = of_type(nodes, "TouristAttraction")
    assert value(place, "isAccessibleForFree") == [True]
    assert value(place, "publicAccess") == [True]
    specs = deref(nodes, place, "openingHoursSpecification")
    weekly = next(s for s in specs if S + "validFrom" not in s)
    assert sorted(value(weekly, "dayOfWeek")) == sorted(
        S + d for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    )
    assert value(weekly, "opens") == ["05:00"] and value(weekly, "closes") == ["18:00"]
    tet = next(s for s in specs if S + "validFrom" in s)
    assert value(tet, "validFrom") == ["2027-02-05"] and value(tet, "opens") == ["04:00"]
    features = {value(f, "name")[0]: value(f, "value")[0] for f in deref(nodes, place, "amenityFeature")}
    assert features["Wheelchair access"] is False and features["Parking"] is True
    geo = deref(nodes, place, "geo")[0]
    assert value(geo, "latitude") == [11.336]

    nodes = expanded_nodes(client, "/vi/du-lich/lang-cao-su/")
    (village,) = of_type(nodes, "TouristAttraction")
    offers = deref(nodes, village, "offers")
    assert sorted((value(o, "price")[0], value(o, "priceCurrency")[0]) for o in offers) == [
        ("10000", "VND"),
        ("20000", "VND"),
    ]
    assert value(village, "isAccessibleForFree") == [False]


def test_fair_states_times_in_vietnam_and_the_venue_position(client, tourism):
    nodes = expanded_nodes(client, "/en/fairs/farm-market/")
    (event,) = of_type(nodes, "Event")
    assert value(event, "startDate") == ["2099-12-10T07:00:00+07:00"]
    assert value(event, "endDate") == ["2099-12-12T21:00:00+07:00"]
    assert value(event, "isAccessibleForFree") == [True]
    (location,) = deref(nodes, event, "location")
    geo = deref(nodes, location, "geo")[0]
    assert (value(geo, "latitude"), value(geo, "longitude")) == ([11.2745], [106.3625])
    (offer,) = deref(nodes, event, "offers")
    assert value(offer, "validThrough") == ["2099-12-05"]


def test_itinerary_is_a_tourist_trip_with_an_ordered_item_list_and_a_sub_trip_per_day(client, tourism):
    build_trip(days=2)
    nodes = expanded_nodes(client, "/en/tourism/itineraries/mot-ngay/")
    trips = of_type(nodes, "TouristTrip")
    (trip,) = [t for t in trips if deref(nodes, t, "subTrip")]
    (itinerary,) = deref(nodes, trip, "itinerary")
    assert S + "ItemList" in itinerary["@type"]
    elements = sorted(deref(nodes, itinerary, "itemListElement"), key=lambda e: value(e, "position")[0])
    assert [value(e, "position")[0] for e in elements] == [1, 2, 3, 4, 5]
    items = [deref(nodes, e, "item")[0] for e in elements]
    assert S + "TouristAttraction" in items[0]["@type"] and value(items[0], "name") == ["Cau Mountain"]
    assert S + "Event" in items[3]["@type"]
    assert value(items[3], "startDate") == ["2099-12-10T07:00:00+07:00"]
    assert value(items[4], "name") == ["Đường cao su (en)"]
    days = deref(nodes, trip, "subTrip")
    assert len(days) == 2
    assert sorted(len(deref(nodes, deref(nodes, d, "itinerary")[0], "itemListElement")) for d in days) == [
        2,
        3,
    ]
