"""A draft and a page behind a view restriction never appear: not in any API listing or
detail, not in the search or places APIs, not in any dataset file or the DCAT catalogue —
not even for a client whose session has the page's password."""

import pytest

from opendata.datasets import DATASETS
from tests.opendata.conftest import SECRET

pytestmark = pytest.mark.django_db


def every_response(client, catalogue):
    yield "/api/v2/pages/", client.get("/api/v2/pages/", {"limit": 50, "fields": "*"})
    for kind in ("investment", "product"):
        for locale in ("vi", "en"):
            url = "/api/v2/pages/"
            yield url, client.get(url, {"kind": kind, "fields": "*", "locale": locale, "limit": 50})
    for page in (catalogue["draft"], catalogue["restricted"]):
        yield "detail", client.get(f"/api/v2/pages/{page.pk}/")
        yield "find", client.get("/api/v2/pages/find/", {"id": page.pk})
        yield "find by path", client.get("/api/v2/pages/find/", {"html_path": page.url or "/vi/"})
    yield "images", client.get("/api/v2/images/", {"fields": "*"})
    yield "documents", client.get("/api/v2/documents/", {"fields": "*"})
    yield "search", client.get("/api/v1/search/", {"q": "bí mật"})
    yield "search", client.get("/api/v1/search/", {"q": "hạn chế"})
    yield "places", client.get("/api/v1/places.geojson", {"kind": "investment"})
    for dataset in DATASETS:
        for fmt in dataset.formats:
            yield dataset.name, client.get(f"/open-data/{dataset.name}.{fmt}")
    yield "dcat", client.get("/open-data/catalog.jsonld")


def test_drafts_and_restricted_pages_are_never_served(client, catalogue):
    # The session holds the restricted page's password: the public API must not care.
    session = client.session
    session["wagtail-page-view-restriction-passed"] = list(
        catalogue["restricted"].get_view_restrictions().values_list("pk", flat=True)
    )
    session.save()
    seen = 0
    for name, response in every_response(client, catalogue):
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8", "replace")
        assert response.status_code in (200, 404), (name, response.status_code)
        assert SECRET not in text and "du-an-nhap" not in text, name
        assert "san-pham-han-che" not in text, name
        seen += 1
    assert seen > 20
    for page in (catalogue["draft"], catalogue["restricted"]):
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
