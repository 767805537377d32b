"""Template tags for the public site: section navigation, language switcher, hreflang links,
responsive images and locale-aware number, price and date formatting (separators from Django's l10n formats).

    {% load promo_tags %}
    {% section_nav %}                          nav of the five index pages (pagecache.memo)
    {% language_switcher %}                    links to every language version (pagecache.memo)
    {% hreflang_links %}                       <link rel="alternate" hreflang> for the head
    {% canonical_url as url %}                 absolute URL of this page without query string
    {% responsive_image img alt sizes %}       <img srcset> of WebP renditions
    {% responsive_image img alt sizes variant="card" lazy=False %}
    {% date_range start end %}                 two <time> elements, or one when same day
    {{ value|vnd }}  {{ value|usd }}  {{ value|number }}
"""

import functools
from decimal import Decimal

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.template.defaultfilters import date as date_filter
from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from pagecache.memo import per_generation, public

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
DEFAULT_LANGUAGE = settings.LANGUAGE_CODE

# variant -> (filter specs, index of the spec used for src); "card" matches the renditions the
# listings prefetch (promo.models.listing.LISTING_RENDITIONS), so cards cost no extra queries.
IMAGE_VARIANTS = {
    "wide": ("width-400|format-webp", "width-800|format-webp", "width-1200|format-webp"),
    "card": ("fill-400x260|format-webp", "fill-800x520|format-webp"),
}


@functools.cache
def _filters(specs):
    """Wagtail Filters for `specs`, made once: a Filter parses its spec on first use, and a
    listing asks for the same few on every card."""
    from wagtail.images.models import Filter

    return tuple(Filter(spec=spec) for spec in specs)


def _request(context):
    return context.get("request")


def _current_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _index_content_types():
    """{content_type_id: kind} of the five index page models, in navigation order."""
    from promo.models import INDEX_MODELS

    return {ContentType.objects.get_for_model(model).id: kind for kind, model in INDEX_MODELS.items()}


def _section_indexes(request, language_code):
    """The live, public index pages of one locale as [(kind, Page)], in navigation order. One
    query fetches every language's (the language switcher needs them all), kept until the
    content changes (pagecache.memo)."""
    return per_generation("section-indexes", _load_section_indexes).get(language_code, [])


def _load_section_indexes():
    kinds = _index_content_types()
    order = list(kinds.values())
    pages = (
        public(Page.objects.live().filter(content_type_id__in=kinds))
        .select_related("locale")
        .order_by("path")
    )
    by_language = {}
    for page in pages:
        by_language.setdefault(page.locale.language_code, {}).setdefault(kinds[page.content_type_id], page)
    return {
        code: sorted(by_kind.items(), key=lambda item: order.index(item[0]))
        for code, by_kind in by_language.items()
    }


def _translations(request, page):
    """{language_code: live public Page} for every translation of `page`; one query, kept until
    the content changes."""

    def load():
        found = public(Page.objects.live().filter(translation_key=page.translation_key)).select_related(
            "locale"
        )
        return {p.locale.language_code: p for p in found}

    return per_generation(("translations", page.translation_key), load)


def _page_kind(page):
    return getattr(page.specific_class, "kind", "") if page.specific_class else ""


def _swap_language(request, language_code):
    """The current non-page URL in another language: swap the /<lang>/ prefix, keep the query."""
    parts = request.path.split("/")
    if len(parts) > 1 and parts[1] in LANGUAGE_CODES:
        parts[1] = language_code
    else:
        parts.insert(1, language_code)
    url = "/".join(parts)
    if request.META.get("QUERY_STRING"):
        url += "?" + request.META["QUERY_STRING"]
    return url


@register.inclusion_tag("includes/section_nav.html", takes_context=True)
def section_nav(context):
    request = _request(context)
    page = _current_page(context)
    language = get_language()
    items = []
    fallback = getattr(request, "translation_fallback", None)
    for kind, index in _section_indexes(request, language):
        current = page is not None and (
            page.path.startswith(index.path)
            or (fallback is not None and fallback.section_key == index.translation_key)
        )
        items.append(
            {
                "kind": kind,
                "title": index.title,
                "url": index.get_url(request),
                "current": current,
                "exact": page is not None and page.pk == index.pk,
            }
        )
    return {"items": items}


def language_links(context):
    """[{code, name, url, current, available}] for every site language."""
    request = _request(context)
    page = _current_page(context)
    current = get_language()
    links = []
    if page is not None:
        from promo.translation_fallback import fallback_languages, visitor_url

        translations = _translations(request, page)
        for code in LANGUAGE_CODES:
            if code in translations:
                url, available = translations[code].get_url(request), True
            else:
                # No dead end: the same item in its best available translation, under `code`.
                best = next(
                    (translations[c] for c in fallback_languages(code)[1:] if c in translations), page
                )
                url = visitor_url(best, code, request, dict(_section_indexes(request, code)))
                available = False
            links.append(
                {
                    "code": code,
                    "name": LANGUAGE_NAMES[code],
                    "url": url,
                    "current": code == current,
                    "available": available,
                }
            )
    elif request is not None:
        for code in LANGUAGE_CODES:
            links.append(
                {
                    "code": code,
                    "name": LANGUAGE_NAMES[code],
                    "url": _swap_language(request, code),
                    "current": code == current,
                    "available": True,
                }
            )
    return links


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"languages": language_links(context)}


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang="…"> for every live translation, plus x-default (vi)."""
    request = _request(context)
    page = _current_page(context)
    if page is None or request is None:
        return ""
    translations = _translations(request, page)
    rows = [
        (code, request.build_absolute_uri(translations[code].get_url(request)))
        for code in LANGUAGE_CODES
        if code in translations
    ]
    if DEFAULT_LANGUAGE in translations:
        rows.append(
            ("x-default", request.build_absolute_uri(translations[DEFAULT_LANGUAGE].get_url(request)))
        )
    return format_html_join("\n", '<link rel="alternate" hreflang="{}" href="{}">', rows)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    request = _request(context)
    if request is None:
        return ""
    page = _current_page(context)
    path = page.get_url(request) if page is not None else request.path
    return request.build_absolute_uri(path)


@register.simple_tag
def responsive_image(image, alt, sizes="100vw", variant="wide", lazy=True, css_class=""):
    """<img> with a srcset of WebP renditions, intrinsic size, lazy loading and alt text.

    `variant` is "wide" (width-400/800/1200, no crop) or "card" (3:2 crops the listings
    prefetch). Pass lazy=False for the first, largest image of a page (the hero)."""
    if not image:
        return ""
    specs = IMAGE_VARIANTS.get(variant, IMAGE_VARIANTS["wide"])
    renditions = image.get_renditions(*_filters(specs))
    seen, candidates = set(), []
    for spec in specs:
        rendition = renditions[spec]
        if rendition.width in seen:
            continue
        seen.add(rendition.width)
        candidates.append(rendition)
    src = candidates[min(1, len(candidates) - 1)]
    srcset = ", ".join(f"{r.url} {r.width}w" for r in candidates)
    loading = "lazy" if lazy else "eager"
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" loading="{}" '
        'decoding="async"{}{}>',
        src.url,
        srcset,
        sizes,
        src.width,
        src.height,
        alt or "",
        loading,
        format_html(' class="{}"', css_class) if css_class else "",
        mark_safe(' fetchpriority="high"') if not lazy else "",
    )


def _plain_number(value):
    if value is None or value == "":
        return None
    if isinstance(value, Decimal | float) and value == int(value):
        value = int(value)
    return value


@register.filter
def number(value, decimals=2):
    """A number with the active language's separators, always grouped in thousands (some
    Django locales, e.g. vi, set no grouping); trailing zero decimals dropped."""
    value = _plain_number(value)
    if value is None:
        return ""
    if not isinstance(value, int):
        value = round(Decimal(str(value)), int(decimals)).normalize()
        if value == int(value):
            value = int(value)
    return numberformat.format(
        value,
        get_format("DECIMAL_SEPARATOR"),
        grouping=3,  # thousands everywhere (zh_Hans would group by 10,000)
        thousand_sep=get_format("THOUSAND_SEPARATOR") or ",",
        force_grouping=True,
    )


@register.filter
def vnd(value):
    """A price in Vietnamese đồng, e.g. “150.000 ₫” (vi) or “VND 150,000” (en)."""
    value = _plain_number(value)
    if value is None:
        return ""
    return _("%(amount)s VND") % {"amount": number(value)}


@register.filter
def usd(value):
    """An amount in US dollars, e.g. “US$8,000,000”."""
    value = _plain_number(value)
    if value is None:
        return ""
    return _("US$%(amount)s") % {"amount": number(value)}


@register.simple_tag
def date_range(start, end=None, fmt="DATE_FORMAT"):
    """One <time>, or two joined by an en dash, formatted for the active language."""
    if not start:
        return ""
    first = format_html('<time datetime="{}">{}</time>', start.isoformat(), date_filter(start, fmt))
    if not end or end == start:
        return first
    last = format_html('<time datetime="{}">{}</time>', end.isoformat(), date_filter(end, fmt))
    return format_html("{}&#8201;–&#8201;{}", first, last)


@register.filter
def language_name(code):
    return LANGUAGE_NAMES.get(code, code)


@register.filter
def file_extension(document):
    try:
        return document.file_extension.upper()
    except AttributeError:
        return ""


@register.filter
def file_size(document):
    from django.template.defaultfilters import filesizeformat

    try:
        size = document.get_file_size()
    except (AttributeError, OSError):
        size = None
    return filesizeformat(size) if size else ""


@register.filter
def lookup(mapping, key):
    """mapping[key] or an empty list: `{% with selected=active_filters|lookup:param %}`."""
    try:
        return mapping.get(key) or []
    except AttributeError:
        return []


@register.filter
def stars(count):
    """“★★★” for 3 (decorative: pair it with a text equivalent)."""
    try:
        return "★" * max(0, min(5, int(count)))
    except (TypeError, ValueError):
        return ""
