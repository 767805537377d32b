"""Every dataset in every format parses with a standard reader (CSV, JSON, GeoJSON), keeps its
documented columns, neutralises formulas, and is described by the DCAT catalogue (rdflib)."""

import csv
import io
import json

import geojson
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF

from opendata.datasets import DATASETS

pytestmark = pytest.mark.django_db
FOAF = Namespace("http://xmlns.com/foaf/0.1/")


def test_every_column_is_documented():
    """The column names are a public contract: docs/open-data.md lists each with its type."""
    from pathlib import Path

    from opendata.datasets import DATASETS

    doc = (Path(__file__).resolve().parents[2] / "docs" / "open-data.md").read_text()
    sections = doc.split("\n### `")[1:]
    by_name = {section.split("`", 1)[0]: section for section in sections}
    for dataset in DATASETS:
        assert dataset.name in by_name, dataset.name
        for column in dataset.columns:
            assert f"| `{column.name}` | {column.type} |" in by_name[dataset.name], (
                dataset.name,
                column.name,
            )


def test_every_dataset_in_every_format_parses(client, catalogue):
    for dataset in DATASETS:
        columns = [c.name for c in dataset.columns]
        response = client.get(f"/open-data/{dataset.name}.csv")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv; charset=utf-8")
        assert response.content.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark"
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
        assert rows[0] == columns and len(rows) > 1, dataset.name
        assert all(len(row) == len(columns) for row in rows)
        assert response["Last-Modified"] and "license" in response["Link"]

        data = json.loads(client.get(f"/open-data/{dataset.name}.json").content)
        assert [c["name"] for c in data["columns"]] == columns
        assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
        assert data["modified"] and len(data["items"]) == len(rows) - 1
        assert all(list(item) == columns for item in data["items"])
        assert {item["locale"] for item in data["items"]} <= {"vi", "en", "ko", "ja", "zh-hans"}

        if "geojson" in dataset.formats:
            for lang in ("vi", "en"):
                response = client.get(f"/open-data/{dataset.name}.geojson", {"lang": lang})
                assert response["Content-Type"] == "application/geo+json"
                collection = geojson.loads(response.content.decode())
                assert collection.is_valid, collection.errors()
                assert isinstance(collection, geojson.FeatureCollection)
                for feature in collection["features"]:
                    lon, lat = feature["geometry"]["coordinates"]
                    assert 106 < lon < 107 and 11 < lat < 12
            vi = json.loads(client.get(f"/open-data/{dataset.name}.geojson").content)
            assert vi["features"], dataset.name
    assert client.get("/open-data/products.geojson").status_code == 404


def test_one_language_and_typed_values(client, catalogue):
    data = json.loads(client.get("/open-data/opportunities.json", {"lang": "en"}).content)
    (item,) = data["items"]
    assert item["locale"] == "en" and item["title"] == "Sample industrial park"
    assert item["capital_vnd"] == 130_000_000_000 and item["area_ha"] == 12.5
    assert item["commune"] == "long-hoa" and item["status"] == "open"
    assert item["url"].endswith("/en/investment/sample-industrial-park/")
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/open-data/attractions.csv", {"lang": "vi"}).content.decode("utf-8-sig"))
        )
    )
    hill = next(row for row in rows if row["ref"] == "nui-cau")
    assert hill["free_entry"] == "true" and json.loads(hill["hours"])["status"] == "scheduled"
    assert hill["lat"] == "11.336"
    geo = json.loads(client.get("/open-data/attractions.geojson", {"lang": "en"}).content)
    feature = next(f for f in geo["features"] if f["properties"]["ref"] == "nui-cau")
    assert feature["properties"]["title"] == "Cau Mountain"
    stops = json.loads(client.get("/open-data/itineraries.geojson").content)["features"]
    assert [f["properties"]["number"] for f in stops] == [1, 2, 3, 4, 5]
    bad = client.get("/open-data/products.csv", {"lang": "fr"})
    assert bad.status_code == 400 and "lang must be one of" in bad.json()["error"]
    assert client.get("/open-data/products.csv", {"x": "1"}).status_code == 400


def test_csv_cells_cannot_run_as_formulas(client, catalogue):
    rows = list(
        csv.DictReader(io.StringIO(client.get("/open-data/products.csv").content.decode("utf-8-sig")))
    )
    row = next(row for row in rows if row["ref"] == "cong-thuc")
    assert row["title"] == '\'=HYPERLINK("http://evil.example")'
    assert row["producer"].startswith("'+cmd")


def test_dcat_catalogue_reads_as_rdf(client, catalogue):
    response = client.get("/open-data/catalog.jsonld")
    assert response["Content-Type"] == "application/ld+json"
    graph = Graph().parse(data=response.content.decode(), format="json-ld")
    (catalog,) = graph.subjects(RDF.type, DCAT.Catalog)
    assert graph.value(catalog, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    titles = {str(t.language): str(t) for t in graph.objects(catalog, DCTERMS.title)}
    assert set(titles) == {"vi", "en", "ko", "ja", "zh-hans"}
    publisher = graph.value(catalog, DCTERMS.publisher)
    assert graph.value(publisher, FOAF.name)
    datasets = set(graph.objects(catalog, DCAT.dataset))
    assert len(datasets) == len(DATASETS)
    media_types = set()
    for dataset in datasets:
        assert graph.value(dataset, DCTERMS.modified) is not None
        assert graph.value(dataset, DCTERMS.publisher) == publisher
        assert graph.value(dataset, DCTERMS.license) is not None
        distributions = list(graph.objects(dataset, DCAT.distribution))
        assert len(distributions) >= 2
        for distribution in distributions:
            media_types.add(str(graph.value(distribution, DCAT.mediaType)))
            url = str(graph.value(distribution, DCAT.downloadURL))
            assert graph.value(distribution, DCTERMS.license) is not None
            assert graph.value(distribution, DCTERMS.modified) is not None
            path = url.split("testserver", 1)[1]
            assert client.get(path).status_code == 200, url
    assert {m.rsplit("/", 2)[-2] + "/" + m.rsplit("/", 1)[-1] for m in media_types} == {
        "text/csv",
        "application/json",
        "application/geo+json",
    }
    (service,) = graph.subjects(RDF.type, DCAT.DataService)
    assert str(graph.value(service, DCAT.endpointDescription)).endswith("/api/openapi.json")
