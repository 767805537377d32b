# Language-independent URLs (no /<lang>/ prefix).
from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from feeds import views
from feeds.sitemap import PortalSitemap
from pagecache.http import cacheable

urlpatterns = [
    path(
        "sitemap.xml",
        cacheable(sitemap, max_age=3600),
        {"sitemaps": {"pages": PortalSitemap}, "template_name": "feeds/sitemap.xml"},
        name="sitemap",
    ),
    path("robots.txt", cacheable(views.robots_txt, max_age=86400), name="robots_txt"),
]
