from django.conf import settings
from django.urls import path

from home import views

urlpatterns = [
    path("privacy/", views.privacy, name="privacy"),
    path("accessibility/", views.accessibility, name="accessibility"),
]
if settings.DEBUG:
    # With DEBUG, Django shows its own error pages: these show the site's, to check their design.
    urlpatterns += [
        path("errors/404/", views.page_not_found),
        path("errors/500/", views.server_error),
    ]
