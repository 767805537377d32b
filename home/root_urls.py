# Language-independent URLs (no /<lang>/ prefix).
from django.urls import path

from home import views

urlpatterns = [
    path("favicon.ico", views.favicon, name="favicon"),
]
