from django.urls import include, path

from opendata.api.views import api_router

urlpatterns = [
    path(
        "api/v2/",
        include((api_router.get_urlpatterns(), api_router.url_namespace), namespace=api_router.url_namespace),
    )
]
