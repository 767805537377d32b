from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from maps.urls import api_urlpatterns as map_api_urlpatterns
from opendata import views as opendata_views
from search import views as search_views
from search.urls import api_urlpatterns

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    *api_urlpatterns,
    *map_api_urlpatterns,
    path("", include("opendata.urls")),
    path("", include("feeds.root_urls")),
    path("", include("portal.root_urls")),
    path("", include("enquiries.root_urls")),
    path("", include("staff.root_urls")),
    # Unknown addresses under /api/ and /open-data/ answer a JSON 404, not a language redirect.
    re_path(r"^(?:api|open-data)/", opendata_views.not_found),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Everything a visitor reads carries its language in the URL (/vi/, /en/, ...); a bare "/"
# is redirected by LocaleMiddleware using the browser's preferred language.
urlpatterns += i18n_patterns(
    path("search/", search_views.search_page, name="search"),
    path("", include("feeds.urls")),
    path("", include("portal.urls")),
    path("", include("enquiries.urls")),
    path("", include("staff.urls")),
    path("", include("alerts.urls")),
    path("", include("opendata.page_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
