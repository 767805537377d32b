"""Wagtail's API v2 at `/api/v2/`, narrowed to what anonymous visitors may read.

- pages: live pages without view restrictions, whatever the request's session; each type's
  fields as declared in `opendata.api.fields`; filters that mirror the listings
  (`opendata.api.filters`); `locale` and links between translations;
- images and documents: those outside private collections (`opendata.api.media`).

Every parameter is checked before any query runs: unknown parameters, control characters,
ids beyond the database's range, unknown locales and page sizes over the limit answer 400
with `{"message": …}` (Wagtail's error body), never 500. Wagtail's own full-text `search`
parameter is off: the catalogue search is `/api/v1/search/`.
"""

from django.conf import settings
from django.urls import path
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale

import promo.converters  # noqa: F401 - registers <id:…>
from opendata.api.filters import ListingFilter, OrderFilter, kind_models, listing_filters
from opendata.api.media import public_documents, public_images
from opendata.api.translations import public_pages, translation_links
from pagecache.http import cacheable
from promo.limits import MAX_DATABASE_ID

MAX_OFFSET = 100_000
MAX_PARAMETER_LENGTH = 500
ID_PARAMETERS = ("child_of", "ancestor_of", "descendant_of", "translation_of")


def limit_max():
    return getattr(settings, "WAGTAILAPI_LIMIT_MAX", 50)


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        for name, high in (("offset", MAX_OFFSET), ("limit", limit_max())):
            raw = request.GET.get(name)
            if raw in (None, ""):
                continue
            if not raw.isascii() or not raw.isdigit() or len(raw) > 7:
                raise BadRequestError(f"{name} must be a whole number from 0 to {high}")
            if int(raw) > high:
                raise BadRequestError(f"{name} cannot be higher than {high}")
        return super().paginate_queryset(queryset, request, view)


def check_values(request, id_parameters=()):
    for name, values in request.GET.lists():
        for value in values:
            if len(value) > MAX_PARAMETER_LENGTH:
                raise BadRequestError(f"{name[:40]} is longer than {MAX_PARAMETER_LENGTH} characters")
            if any(ord(c) < 32 or ord(c) == 127 for c in value):
                raise BadRequestError(f"{name[:40]} contains control characters")
    for name in id_parameters:
        raw = request.GET.get(name)
        takes_root = name not in ("ancestor_of", "id")
        if raw is None or (takes_root and raw == "root"):
            continue
        if not (raw.isascii() and raw.isdigit() and len(raw) <= 19 and 0 < int(raw) <= MAX_DATABASE_ID):
            raise BadRequestError(
                f"{name} must be an id (a positive whole number)" + (" or root" if takes_root else "")
            )


class PublicAPIMixin:
    renderer_classes = [JSONRenderer]
    pagination_class = BoundedPagination
    # Parameters of every endpoint (Wagtail's, without search, format and cache-busting "_").
    known_query_parameters = frozenset(["limit", "offset", "fields", "order"])

    order_fields = ("id", "title")

    def get_order_fields(self):
        return self.order_fields

    @property
    def listing_kind(self):
        return None

    def check_query_parameters(self, queryset):
        unknown = set(self.request.GET.keys()) - set(self.known_query_parameters)
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised "
                "filter: " + ", ".join(sorted(name[:40] for name in unknown))
            )
        check_values(self.request, ID_PARAMETERS)

    def find_view(self, request):
        check_values(request, ("id",))
        return super().find_view(request)

    @classmethod
    def get_urlpatterns(cls):
        # <id:pk>: a number beyond any database id is a 404, not a driver overflow.
        # Answers are the same for every client: cacheable like a page (pagecache).
        return [
            path("", cacheable(max_age=300)(cls.as_view({"get": "listing_view"})), name="listing"),
            path("<id:pk>/", cacheable(max_age=300)(cls.as_view({"get": "detail_view"})), name="detail"),
            path("find/", cls.as_view({"get": "find_view"}), name="find"),
        ]


class LocaleFilter:
    """`locale=en`: one language; an unknown code is a 400 (Wagtail answers 404)."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is None:
            return queryset
        codes = [c for c, _n in settings.LANGUAGES]
        if code not in codes:
            raise BadRequestError(f"locale must be one of: {', '.join(codes)}")
        locale = Locale.objects.filter(language_code=code).first()
        return queryset.filter(locale=locale) if locale else queryset.none()


class PublicPagesAPIViewSet(PublicAPIMixin, PagesAPIViewSet):
    filter_backends = [
        ListingFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        TranslationOfFilter,
        LocaleFilter,
        OrderFilter,
    ]
    known_query_parameters = PublicAPIMixin.known_query_parameters.union(
        ["rich_text_format", "type", "kind", "locale", *ID_PARAMETERS], [f.name for f in listing_filters()]
    )
    find_query_parameters = frozenset(["id", "html_path"])

    def get_base_queryset(self):
        return public_pages()

    def get_root_page(self):
        from wagtail.models import Site

        site = Site.find_for_request(self.request)
        if site is None:
            raise BadRequestError("this host serves no site")
        return site.root_page

    @property
    def listing_kind(self):
        if not hasattr(self, "_listing_kind"):
            self._listing_kind, self._listing_model = self._resolve_kind()
        return self._listing_kind

    def get_order_fields(self):
        from opendata.api.filters import order_fields

        return order_fields(self.listing_kind)

    def _resolve_kind(self):
        models = kind_models()
        kind = self.request.GET.get("kind")
        if kind is not None and kind not in models:
            raise BadRequestError(f"kind must be one of: {', '.join(models)}")
        type_model = None
        if "type" in self.request.GET:
            try:
                found = page_models_from_string(self.request.GET["type"])
            except (LookupError, ValueError) as exc:
                raise BadRequestError("type doesn't exist") from exc
            if len(found) == 1:
                type_model = found[0]
        if kind is not None:
            if type_model is not None and type_model is not models[kind]:
                raise BadRequestError(f"type and kind={kind} name different page types")
            return kind, models[kind]
        for name, model in models.items():
            if type_model is model:
                return name, model
        return None, None

    def get_queryset(self):
        self.listing_kind  # noqa: B018 - checks kind and type before any query
        model = self._listing_model
        if model is None:
            return super().get_queryset()
        return model.objects.filter(pk__in=self.get_base_queryset().values_list("pk", flat=True))

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if page is not None:
            page = list(page)
            self.translation_links = translation_links(page, self.request)
        return page

    def get_object(self):
        page = super().get_object()
        if not hasattr(self, "translation_links"):
            self.translation_links = translation_links([page], self.request)
        return page


class PublicImagesAPIViewSet(PublicAPIMixin, ImagesAPIViewSet):
    filter_backends = [OrderFilter]
    order_fields = ("id", "title", "created_at")

    def get_queryset(self):
        return public_images().order_by("id")


class PublicDocumentsAPIViewSet(PublicAPIMixin, DocumentsAPIViewSet):
    filter_backends = [OrderFilter]
    order_fields = ("id", "title", "created_at")

    def get_queryset(self):
        return public_documents().order_by("id")


api_router = WagtailAPIRouter("wagtailapi_v2")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
