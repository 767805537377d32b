"""What the home page shows of each catalogue section: a few items each, fetched per kind with
a fixed number of queries, in the visitor's language or, for items not translated yet, in their
best available translation (promo.translation_fallback)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

from promo.models import CATALOGUE_MODELS, INDEX_MODELS
from promo.models.listing import LISTING_RENDITIONS
from promo.translation_fallback import fallback_languages, items_with_fallback, mark_items

PER_SECTION = 3


def section_pages(code, depth):
    """{kind: {language: section page}} for `code` and its fallback languages; one query."""
    kinds = {ContentType.objects.get_for_model(model).id: kind for kind, model in INDEX_MODELS.items()}
    found = {}
    for page in (
        Page.objects.live()
        .filter(content_type_id__in=kinds, depth=depth, locale__language_code__in=fallback_languages(code))
        .select_related("locale")
        .order_by("path")
    ):
        found.setdefault(kinds[page.content_type_id], {}).setdefault(page.locale.language_code, page)
    return found


def home_sections(home, request=None):
    code = home.locale.language_code
    images = get_image_model().objects.prefetch_renditions(*LISTING_RENDITIONS)
    pages = section_pages(code, home.depth + 1)
    sections = []
    for kind, index_model in INDEX_MODELS.items():
        translations = pages.get(kind, {})
        index = translations.get(code)
        if index is None:
            continue
        qs = (
            CATALOGUE_MODELS[kind]
            .objects.live()
            .public()
            .select_related("commune", *index_model().extra_select_related())
            .prefetch_related(
                Prefetch("hero_image", queryset=images), *index_model().extra_prefetch_related()
            )
        )
        qs = items_with_fallback(qs, translations, code)
        if kind == "fair":
            qs = qs.filter(end__gte=timezone.localdate()).order_by("start", "pk")
        else:
            qs = qs.order_by("-published", "-first_published_at", "pk")
        items = mark_items(list(qs[:PER_SECTION]), translations, code, request)
        sections.append({"kind": kind, "index": index, "items": items})
    return sections
