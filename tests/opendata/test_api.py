"""The headless API (/api/v2/): declared fields, locale and translations, listing filters,
bounded parameters (400, never 500), and media outside private collections."""

import pytest

pytestmark = pytest.mark.django_db


def get(client, url, expect=200, **params):
    response = client.get(url, params)
    assert response.status_code == expect, (url, params, response.content[:300])
    return response.json()


def titles(data):
    return sorted(item["title"] for item in data["items"])


BAD = [
    ({"sector": "x"}, "sector filters kind=investment"),
    ({"kind": "castle"}, "kind must be one of"),
    ({"kind": "investment", "status": "sold"}, "unknown value 'sold'"),
    ({"kind": "attraction", "category": "zoo"}, "unknown value 'zoo'"),
    ({"kind": "fair", "upcoming": "soon"}, "upcoming must be 1 or 0"),
    ({"kind": "investment", "commune": "Long Hòa"}, "is not a code"),
    ({"limit": "500"}, "limit cannot be higher than 50"),
    ({"limit": "-1"}, "limit must be a whole number"),
    ({"offset": "99999999999999999999"}, "offset must be a whole number"),
    ({"child_of": "99999999999999999999"}, "child_of must be an id"),
    ({"descendant_of": "abc"}, "descendant_of must be an id"),
    ({"locale": "fr"}, "locale must be one of"),
    ({"order": "body"}, "cannot order by 'body'"),
    ({"search": "núi"}, "not an operation or a recognised filter: search"),
    ({"title": "x"}, "not an operation or a recognised filter: title"),
    ({"kind": "fair", "type": "promo.ProductPage"}, "name different page types"),
    ({"type": "nothing.Nothing"}, "type doesn't exist"),
    ({"fields": "hero_image(title(x))"}, ""),
    ({"fields": "nothing"}, "unknown fields"),
    ({"locale": "vi\x00"}, "control characters"),
    ({"kind": "document", "year": "20x5"}, "year must be four digits"),
]


def test_bad_parameters_answer_400_with_a_message(client, site):
    for params, message in BAD:
        data = get(client, "/api/v2/pages/", expect=400, **params)
        assert message in data["message"], (params, data)


def test_pages_of_one_kind_with_their_public_fields_and_translations(client, catalogue):
    data = get(client, "/api/v2/pages/", kind="investment", locale="en", fields="*")
    assert titles(data) == ["Sample industrial park"]
    item = data["items"][0]
    assert item["meta"]["type"] == "promo.InvestmentPage" and item["meta"]["locale"] == "en"
    assert item["ref"] == "kcn-mau" and item["status"] == {"code": "open", "name": "Open for investors"}
    assert item["commune"]["code"] == "long-hoa" and item["lat"] == 11.25
    assert item["capital_vnd"] == 130_000_000_000 and item["area_ha"] == 12.5
    assert item["contact"]["email"] == "invest@example.com"
    # Staff-side fields are not declared, so not served
    for hidden in ("contact_email", "officer", "owner", "latest_revision", "locked"):
        assert hidden not in item
    assert [(t["locale"], t["title"]) for t in item["translations"]] == [("vi", "Khu công nghiệp mẫu")]
    vi = get(client, item["translations"][0]["detail_url"])
    assert vi["title"] == "Khu công nghiệp mẫu" and vi["translations"][0]["locale"] == "en"
    # translation_of walks the same links
    data = get(client, "/api/v2/pages/", translation_of=vi["id"])
    assert titles(data) == ["Sample industrial park"]


def test_filters_mirror_the_listings(client, catalogue):
    assert titles(get(client, "/api/v2/pages/", kind="attraction", category="heritage", locale="vi")) == [
        "Làng công nhân cao su"
    ]
    free = titles(get(client, "/api/v2/pages/", kind="attraction", free="1", locale="vi"))
    assert free == ["Hồ Dầu Tiếng", "Núi Cậu"]
    assert titles(
        get(
            client,
            "/api/v2/pages/",
            kind="investment",
            status="open",
            commune="long-hoa",
            sector="manufacturing",
            locale="vi",
        )
    ) == ["Khu công nghiệp mẫu"]
    assert get(client, "/api/v2/pages/", kind="investment", status="awarded")["items"] == []
    assert titles(get(client, "/api/v2/pages/", kind="fair", upcoming="1", locale="en")) == ["Farm market"]
    assert get(client, "/api/v2/pages/", kind="fair", upcoming="0")["items"] == []
    assert titles(get(client, "/api/v2/pages/", kind="document", doc_type="decree", locale="en"))[
        0
    ].startswith("Decree")
    assert len(get(client, "/api/v2/pages/", kind="itinerary")["items"]) == 2
    data = get(client, "/api/v2/pages/", kind="fair", order="-start", fields="start,end")
    assert data["items"][0]["start"] == "2099-12-10"


def test_unknown_ids_are_json_404s(client, catalogue):
    for url in (
        "/api/v2/pages/99999999999999999999/",
        "/api/v2/pages/987654321/",
        "/api/v2/images/987654321/",
        "/api/v2/nothing/",
        "/open-data/nothing.csv",
    ):
        response = client.get(url)
        assert response.status_code == 404 and response["Content-Type"].startswith("application/json"), url
    assert get(client, "/api/v2/pages/find/", expect=400, id="x")["message"]


def test_media_outside_private_collections_only(client, catalogue):
    images = get(client, "/api/v2/images/")
    assert [i["title"] for i in images["items"]] == ["Public picture"]
    get(client, f"/api/v2/images/{catalogue['private_image'].pk}/", expect=404)
    documents = get(client, "/api/v2/documents/")
    listed = {d["id"] for d in documents["items"]}
    assert catalogue["private_document"].pk not in listed and listed
    get(client, f"/api/v2/documents/{catalogue['private_document'].pk}/", expect=404)


def test_itinerary_days_keep_only_live_stops(client, catalogue):
    trip = catalogue["trip"]
    data = get(client, f"/api/v2/pages/{trip.pk}/")
    stops = [stop["title"] for day in data["days"] for stop in day["stops"]]
    assert stops[0] == "Núi Cậu" and len(stops) == 5
    assert data["duration"]["code"] == "one-day"
