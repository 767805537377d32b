"""The human pages, under each language (/vi/open-data/, /en/open-data/api/, …)."""

from django.urls import path

from opendata import views

urlpatterns = [
    path("open-data/", views.open_data_page, name="opendata_page"),
    path("open-data/api/", views.api_reference_page, name="opendata_api_reference"),
]
