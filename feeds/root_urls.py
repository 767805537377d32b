# Language-independent URLs (no /<lang>/ prefix).
from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from feeds import views
from feeds.sitemap import PortalSitemap

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap},
                                  "template_name": "feeds/sitemap.xml"}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
