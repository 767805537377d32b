"""`/api/v1/places.geojson`: one endpoint for every kind with coordinates, per language, with
the kind's own filters; bad input is a 400 with a message, never a 500."""

import json

import pytest

from maps import registry

pytestmark = pytest.mark.django_db
URL = "/api/v1/places.geojson"


def features(client, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/geo+json")
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    return data["features"]


# First: every test after it uses `opportunities`, built once for them (tests/conftest.py,
# shared_content).
def test_kinds_register_without_touching_the_maps_app():
    assert "investment" in registry.kinds()

    class Dummy(registry.PlaceKind):
        kind = "dummy-test-kind"

    registry.register(Dummy)
    try:
        assert registry.get("dummy-test-kind").kind == "dummy-test-kind"
        with pytest.raises(ValueError):

            class Other(registry.PlaceKind):
                kind = "dummy-test-kind"

            registry.register(Other)
    finally:
        registry._KINDS.pop("dummy-test-kind", None)


def test_investment_markers_in_the_visitors_language(client, opportunities):
    found = features(client, "kind=investment&lang=ko")
    # Kho F has no coordinates: not on the map
    assert {f["properties"]["ref"] for f in found} == {
        "kcn-a",
        "kcn-b",
        "du-lich-c",
        "nong-nghiep-d",
        "nha-may-e",
    }
    first = next(f for f in found if f["properties"]["ref"] == "kcn-a")
    assert first["geometry"] == {"type": "Point", "coordinates": [106.51, 11.23]}
    props = first["properties"]
    assert props["title"] == "Khu công nghiệp A 한국어"
    assert props["url"] == "/ko/investment/kcn-a/"
    assert props["variant"] == "open" and props["kind"] == "investment"
    assert any("ha" in fact for fact in props["facts"])


def test_the_same_filters_as_the_listing(client, opportunities):
    found = features(client, "kind=investment&lang=en&sector=manufacturing&capital_min=20000000&currency=usd")
    assert {f["properties"]["ref"] for f in found} == {"kcn-a", "nha-may-e"}
    found = features(client, "kind=investment&lang=vi&ref=kcn-b")
    assert [f["properties"]["ref"] for f in found] == ["kcn-b"]


@pytest.mark.parametrize(
    "query,status,word",
    [
        ("kind=nope&lang=en", 400, "kind must be one of"),
        ("lang=en", 400, "kind must be one of"),
        ("kind=investment&lang=xx", 400, "lang must be one of"),
        ("kind=investment&lang=en&area_min=9&area_max=1", 400, "swap them"),
        ("kind=investment&lang=en&capital_min=lots", 400, "as a number"),
    ],
)
def test_bad_requests_get_a_message(client, opportunities, query, status, word):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == status
    assert word in json.loads(response.content)["error"]
