# Language-independent URLs (no /<lang>/ prefix).
from django.urls import path

from portal import views

urlpatterns = [
    path("api/v1/views/", views.view_beacon, name="portal-view-beacon"),
]
