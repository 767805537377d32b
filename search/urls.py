from django.urls import path

from search import views

api_urlpatterns = [
    path("api/v1/search/", views.api_search, name="api_search"),
    path("api/v1/search/autocomplete/", views.api_autocomplete, name="api_autocomplete"),
]
