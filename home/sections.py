"""What the home page shows of each catalogue section: a few items each, fetched per kind with
a fixed number of queries, in the visitor's language or, for items not translated yet, in their
best available translation (promo.translation_fallback)."""

import functools

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page

from pagecache.memo import language_of, per_generation, public
from promo.models import CATALOGUE_MODELS, INDEX_MODELS
from promo.models.listing import LISTING_RENDITIONS
from promo.translation_fallback import fallback_languages, items_with_fallback, mark_items

PER_SECTION = 3


def section_pages(code, depth):
    """{kind: {language: section page}} for `code` and its fallback languages; one query, kept
    until the content changes (pagecache.memo)."""

    def load():
        kinds = {ContentType.objects.get_for_model(model).id: kind for kind, model in INDEX_MODELS.items()}
        languages = fallback_languages(code)
        found = {}
        for page in (
            Page.objects.live()
            .filter(content_type_id__in=kinds, depth=depth, locale__language_code__in=languages)
            .select_related("locale")
            .order_by("path")
        ):
            found.setdefault(kinds[page.content_type_id], {}).setdefault(page.locale.language_code, page)
        return found

    return per_generation(("home-section-pages", code, depth), load)


def chosen_items(kind, code, translations):
    """Primary keys of the first items of a section, in order. Choosing them (fallback
    translations, live and public, upcoming fairs, newest first) is the costly query; it is
    kept until the content or the day changes (pagecache.memo), also when the home page's
    sections are read again for another host."""
    today = timezone.localdate()

    def choose():
        qs = items_with_fallback(public(CATALOGUE_MODELS[kind].objects.live()), translations, code)
        if kind == "fair":
            qs = qs.filter(end__gte=today).order_by("start", "pk")
        else:
            qs = qs.order_by("-published", "-first_published_at", "pk")
        return tuple(qs.values_list("pk", flat=True)[:PER_SECTION])

    return per_generation(("home-section-items", kind, code, today.isoformat()), choose)


@functools.cache
def _stream_fields(model):
    """A card shows no StreamField (body, itinerary…); reading one costs a JSON parse each."""
    return tuple(field.name for field in model._meta.get_fields() if isinstance(field, StreamField))


def home_sections(home, request=None):
    """[{kind, index, items}] for the home page, kept until the content or the day changes
    (pagecache.memo): the cards' rows, pictures and opening hours are read once, while what
    depends on the hour (open now) is still worked out as each page is rendered. Per host,
    because an item's link is relative to the request's site."""
    host = request.get_host() if request is not None else ""
    key = ("home-sections", home.pk, host, timezone.localdate().isoformat())
    return per_generation(key, lambda: _load_sections(home, request))


def _load_sections(home, request):
    code = language_of(home)
    pages = section_pages(code, home.depth + 1)
    sections = []
    for kind, index_model in INDEX_MODELS.items():
        translations = pages.get(kind, {})
        index = translations.get(code)
        if index is None:
            continue
        pks = chosen_items(kind, code, translations)
        model, listing = CATALOGUE_MODELS[kind], index_model()
        found = (
            model.objects.filter(pk__in=pks)
            .select_related("commune", *listing.extra_select_related())
            .prefetch_related(*listing.extra_prefetch_related())
            .defer(*_stream_fields(model))
            .in_bulk()
            if pks
            else {}
        )
        chosen = [found[pk] for pk in pks if pk in found]
        items = mark_items(chosen, translations, code, request)
        sections.append({"kind": kind, "index": index, "items": items})
    # Every section's pictures and their card renditions in two queries, not two per section.
    images = get_image_model().objects.prefetch_renditions(*LISTING_RENDITIONS)
    every_item = [item for section in sections for item in section["items"]]
    prefetch_related_objects(every_item, Prefetch("hero_image", queryset=images))
    return sections
