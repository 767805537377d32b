"""How the API and the datasets are served: caching with ETag/Last-Modified and 304s, CORS,
a per-client rate limit with 429 and Retry-After, and the site's security headers."""

import pytest

pytestmark = pytest.mark.django_db
URLS = (
    "/api/v2/pages/",
    "/api/v1/search/?q=n%C3%BAi",
    "/api/v1/places.geojson?kind=attraction",
    "/open-data/attractions.csv",
    "/open-data/catalog.jsonld",
    "/api/openapi.json",
)


def test_preflight_allows_reading_from_any_origin(client, site):
    response = client.options(
        "/api/v2/pages/", HTTP_ORIGIN="https://partner.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]
    # Pages of the site are not opened to other origins
    assert "Access-Control-Allow-Origin" not in client.get("/vi/open-data/")


def test_rate_limit_answers_429_with_retry_after(client, site, settings):
    settings.API_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get("/api/v2/pages/").status_code == 200
    response = client.get("/open-data/products.csv")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= settings.API_RATE_WINDOW
    assert response.json()["retry_after"] == int(response["Retry-After"])
    assert response["Access-Control-Allow-Origin"] == "*"
    # Another client (a different address) is counted apart
    assert client.get("/api/v2/pages/", REMOTE_ADDR="203.0.113.9").status_code == 200
    # The site's pages are not limited by the API's counter
    assert client.get("/vi/open-data/").status_code == 200


def test_conditional_get_cors_and_security_headers(client, catalogue):
    for url in URLS:
        response = client.get(url)
        assert response.status_code == 200, url
        etag = response["ETag"]
        assert response["Cache-Control"].startswith("public"), url
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "ETag" in response["Access-Control-Expose-Headers"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "default-src 'self'" in response["Content-Security-Policy"]
        assert "Permissions-Policy" in response
        assert "Cookie" not in response.get("Vary", "")
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304 and again.content == b"", url
        assert again["Access-Control-Allow-Origin"] == "*"
    response = client.get("/open-data/products.json")
    modified = response["Last-Modified"]
    assert client.get("/open-data/products.json", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert (
        client.get(
            "/open-data/products.json", HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT"
        ).status_code
        == 200
    )


def test_a_change_changes_the_etag_and_last_modified(client, catalogue):
    from promo.models import ProductPage

    before = client.get("/open-data/products.csv")
    page = ProductPage.objects.get(ref="mat-ong")
    page.unpublish()
    after = client.get(
        "/open-data/products.csv",
        HTTP_IF_NONE_MATCH=before["ETag"],
        HTTP_IF_MODIFIED_SINCE=before["Last-Modified"],
    )
    assert after.status_code == 200 and b"mat-ong" not in after.content
