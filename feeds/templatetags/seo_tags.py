"""Sharing and search-engine metadata for the <head> (see templates/includes/head_meta.html).

{% load seo_tags %}
{% seo_meta as seo %}     title, description, type, url, image, locale, alternates, ...
{% json_ld %}             one <script type="application/ld+json"> for the current page
"""

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language
from wagtail.models import Page

from feeds import structured
from feeds.common import LANGUAGE_CODES, SITE_NAME, publication_datetime
from promo.languages import OPEN_GRAPH_LOCALES

register = template.Library()

# Open Graph's recommended 1.91:1 size; JPEG because not every link preview reads WebP.
OG_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-82"


def _page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _description(page):
    if page is None:
        return ""
    text = (
        page.search_description
        or getattr(page, "summary", "")
        or strip_tags(getattr(page, "intro", "") or "")
        or getattr(page, "tagline", "")
    )
    return Truncator(" ".join(text.split())).chars(300)


def _og_image(request, page):
    """(absolute URL, width, height, alt) of the share image, or None; cached per request."""
    image = getattr(page, "hero_image", None) if page is not None else None
    if image is None:
        return None
    cache = request.__dict__.setdefault("_seo_og_image", {})
    if page.pk not in cache:
        rendition = image.get_rendition(OG_IMAGE_SPEC)
        alt = getattr(page, "hero_alt_text", "") or getattr(page, "hero_alt", "") or page.title
        cache[page.pk] = {
            "url": request.build_absolute_uri(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": alt,
        }
    return cache[page.pk]


def _live_translation_languages(request, page):
    # Same cached query as the hreflang links and the language switcher.
    from promo.templatetags.promo_tags import _translations

    return set(_translations(request, page))


@register.simple_tag(takes_context=True)
def seo_meta(context):
    request = context.get("request")
    if request is None:
        return {}
    page = _page(context)
    language = get_language()
    specific = page.specific if page is not None else None
    title = (page.seo_title or page.title) if page is not None else SITE_NAME
    url = request.build_absolute_uri(page.get_url(request) if page is not None else request.path)
    image = _og_image(request, specific)
    alternates = []
    if page is not None:
        live = _live_translation_languages(request, page)
        alternates = [
            OPEN_GRAPH_LOCALES[code]
            for code in LANGUAGE_CODES
            if code in live and code != language and code in OPEN_GRAPH_LOCALES
        ]
    kind = getattr(specific, "kind", "")
    is_item = hasattr(specific, "ref")  # a catalogue item, not its section index
    return {
        "title": title,
        "description": _description(specific),
        "type": "article" if kind == "news" and is_item else "website",
        "url": url,
        "image": image,
        "locale": OPEN_GRAPH_LOCALES.get(language, "vi_VN"),
        "locale_alternates": alternates,
        "site_name": SITE_NAME,
        "twitter_card": "summary_large_image" if image else "summary",
        "published": publication_datetime(specific) if kind == "news" and is_item else None,
        "fair_calendar": kind == "fair",
    }


@register.simple_tag(takes_context=True)
def json_ld(context):
    request = context.get("request")
    page = _page(context)
    if request is None or page is None:
        return ""
    specific = page.specific
    image = _og_image(request, specific)
    data = structured.page_graph(specific, request, get_language(), image["url"] if image else None)
    return structured.script_tag(data) if data else ""
