from django.urls import path

from maps import views

# Language-independent (the language is a parameter), next to the search API.
api_urlpatterns = [
    path("api/v1/places.geojson", views.places_geojson, name="api_places_geojson"),
]
