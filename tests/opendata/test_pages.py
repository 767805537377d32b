"""The open-data page and the API reference, in every language; the OpenAPI document is a valid
OpenAPI 3.1 document covering both APIs."""

import pytest
import schemathesis
from bs4 import BeautifulSoup
from django.utils import translation

from opendata.datasets import DATASETS

pytestmark = pytest.mark.django_db
LANGUAGES = ("vi", "en", "ko", "ja", "zh-hans")


def test_api_reference_in_every_language(client, site):
    for lang in LANGUAGES:
        check_api_reference(client, lang)


def check_api_reference(client, lang):
    response = client.get(f"/{lang}/open-data/api/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    with translation.override(lang):
        assert soup.h1.get_text(strip=True) == translation.gettext("API reference")
    paths = {code.get_text() for code in soup.select(".api-operation h3 code")}
    assert {
        "/api/v1/search/",
        "/api/v1/search/autocomplete/",
        "/api/v1/places.geojson",
        "/api/v2/pages/",
        "/api/v2/pages/{id}/",
        "/api/v2/images/",
        "/api/v2/documents/",
    } <= paths


def test_the_document_is_valid_openapi_and_covers_both_apis(client, site):
    document = client.get("/api/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    schemathesis.openapi.from_dict(document).validate()  # against the OpenAPI 3.1 meta-schema
    assert {p.split("/")[2] for p in document["paths"] if p.startswith("/api/")} == {"v1", "v2"}


def test_open_data_page_in_every_language(client, catalogue):
    for lang in LANGUAGES:
        check_open_data_page(client, lang)


def check_open_data_page(client, lang):
    response = client.get(f"/{lang}/open-data/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"].lower() == lang
    with translation.override(lang):
        assert soup.h1.get_text(strip=True) == translation.gettext("Open data")
        titles = [str(d.title) for d in DATASETS]
    rows = soup.select("table.opendata-table tbody tr")
    assert [row.select_one(".opendata-table__title").get_text() for row in rows] == titles
    links = {a["href"] for a in soup.select(".opendata-files a")}
    for dataset in DATASETS:
        for fmt in dataset.formats:
            assert any(href.endswith(f"/open-data/{dataset.name}.{fmt}") for href in links)
            assert any(href.endswith(f"/open-data/{dataset.name}.{fmt}?lang={lang}") for href in links)
    assert soup.select_one('a[rel="license"]')["href"].startswith("https://creativecommons.org/")
    assert soup.select_one('link[type="application/ld+json"]')["href"].endswith("/open-data/catalog.jsonld")
    # The investment row counts the items published in this language
    counts = {row["id"]: row.select("td")[0].get_text() for row in rows}
    assert counts["opportunities"] == ("1" if lang in ("vi", "en") else "0")
