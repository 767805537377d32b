from django.urls import path

from home import views

urlpatterns = [
    path("privacy/", views.privacy, name="privacy"),
    path("accessibility/", views.accessibility, name="accessibility"),
]
