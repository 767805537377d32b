"""Language-independent addresses: the API, the OpenAPI document, the datasets and the DCAT
catalogue. The human pages are in opendata/page_urls.py (under each language)."""

from django.urls import include, path

from opendata import views

urlpatterns = [
    path("", include("opendata.api.urls")),
    path("api/openapi.json", views.openapi_document, name="openapi"),
    path("open-data/catalog.jsonld", views.dcat_catalogue, name="opendata_dcat"),
    path("open-data/<slug:name>.<str:fmt>", views.dataset_file, name="opendata_file"),
]
