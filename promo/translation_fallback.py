"""The best available translation: what a visitor sees of an item nobody has translated yet.

A visitor reading Korean should never meet an empty section or a dead end because staff have
not translated an item: listings and home sections show it from its best available translation
(English, else Vietnamese), marked with its language; the language switcher keeps the visitor on
the same item. Such an item is served under the visitor's language prefix
(`/ko/products/<slug of the English page>/`), so the interface stays Korean and a notice says which
language the text is in; its canonical URL is the translation's own.

- `fallback_languages(code)`: the order translations are tried in for a visitor language.
- `items_with_fallback(...)`: one SQL query for a section's items in the best available language.
- `route_to_best_translation(...)`: the router used by the home page when a path has no page in
  the visitor's language.
"""

from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from wagtail.models import Page

# Tried in this order when the visitor's language has no translation: English is what a
# Korean, Japanese or Chinese visitor is likelier to read; Vietnamese is the source.
FALLBACK_LANGUAGES = ("en", "vi")


def fallback_languages(code):
    """`code` then the languages tried after it, e.g. ko -> [ko, en, vi], en -> [en, vi]."""
    return [code] + [other for other in FALLBACK_LANGUAGES if other != code]


def translations_of(page, codes):
    """{language code: live translation} of `page` (itself included) in `codes`; one query."""
    found = (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code__in=codes)
        .select_related("locale")
    )
    return {p.locale.language_code: p for p in found}


def _live_translation(locale_id):
    return Page.objects.live().filter(translation_key=OuterRef("translation_key"), locale_id=locale_id)


def items_with_fallback(queryset, sections, code):
    """`queryset` (live pages of one kind) narrowed to the items under `sections[code]`, plus, for
    each item without a live translation there, its translation under the section of the first
    fallback language that has one. `sections` maps language code -> that language's section page
    (missing languages are skipped). One query, whatever the number of items."""
    order = [c for c in fallback_languages(code) if c in sections]
    condition, earlier = Q(), []
    for language in order:
        section = sections[language]
        branch = Q(path__startswith=section.path, depth=section.depth + 1, locale_id=section.locale_id)
        for previous in earlier:
            branch &= ~Exists(_live_translation(previous))
        condition |= branch
        earlier.append(section.locale_id)
    if not order:
        return queryset.none()
    return queryset.filter(condition)


# Taxonomy fields a listing card shows: a fallback item shows them in the visitor's language.
TAXONOMY_FIELDS = ("commune", "category", "sector")


def mark_items(items, sections, code, request=None):
    """Tell each item of a listing which language it is shown in and where the visitor's link
    goes: its own URL, or for a fallback the same item under the visitor's language prefix.
    A fallback item's commune, category and sector are swapped (in memory) for their versions
    in the visitor's language: one query per taxonomy, only when there are fallback items."""
    codes = {section.locale_id: language for language, section in sections.items()}
    own = sections.get(code)
    base = own.get_url(request) if own is not None else None
    fallbacks = []
    for item in items:
        item.shown_language = codes.get(item.locale_id, code)
        item.is_fallback = item.shown_language != code
        item.visitor_url = f"{base}{item.slug}/" if item.is_fallback and base else item.get_url(request)
        if item.is_fallback:
            fallbacks.append(item)
    if fallbacks and own is not None:
        _localize_taxonomies(fallbacks, own.locale_id)
    return items


def _localize_taxonomies(items, locale_id):
    model = type(items[0])
    for name in TAXONOMY_FIELDS:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not field.many_to_one:
            continue
        keys = {getattr(item, name).translation_key for item in items if getattr(item, f"{name}_id")}
        if not keys:
            continue
        translated = {
            obj.translation_key: obj
            for obj in field.related_model.objects.filter(translation_key__in=keys, locale_id=locale_id)
        }
        for item in items:
            value = getattr(item, name)
            if value is not None and value.translation_key in translated:
                setattr(item, name, translated[value.translation_key])


@dataclass
class TranslationFallback:
    """Set on the request when a page is served in place of a missing translation."""

    requested: str  # the visitor's language (the URL prefix)
    shown: str  # the language of the page served
    parent: Page  # the deepest page of the path in the visitor's language
    redirect_to: str = ""  # the requested translation's URL, when it exists after all

    @property
    def section_key(self):
        return self.parent.translation_key


def route_to_best_translation(home, request, path_components):
    """A RouteResult for `path_components` (below `home`, the visitor's language root) from the
    best available translation, or None. Walks the path as far as it exists in the visitor's
    language, then continues from that page's translation in each fallback language."""
    if not path_components or getattr(request, "_routing_fallback", False):
        return None
    node, rest = home, list(path_components)
    while rest:
        child = node.get_children().filter(slug=rest[0]).first()
        if child is None:
            break
        node, rest = child, rest[1:]
    if not rest:
        return None  # the path exists here: the page itself refused (not live, private…)
    requested = home.locale.language_code
    fallbacks = fallback_languages(requested)[1:]
    translations = translations_of(node, fallbacks)
    request._routing_fallback = True
    try:
        for language in fallbacks:
            other = translations.get(language)
            if other is None:
                continue
            try:
                result = other.specific.route(request, rest)
            except Http404:
                continue
            page = result[0]
            page.shown_language = language
            _localize_taxonomies([page], home.locale_id)  # its facts in the visitor's language
            redirect = ""
            own = translations_of(page, [requested]).get(requested)
            if own is not None:
                redirect = own.get_url(request)
            request.translation_fallback = TranslationFallback(
                requested=requested, shown=language, parent=node, redirect_to=redirect
            )
            return result
    finally:
        request._routing_fallback = False
    return None


def visitor_url(page, code, request=None, sections=None):
    """The URL that shows `page`'s item to a visitor of language `code` who has no translation:
    the path of `page` under the deepest of its ancestors translated into `code`. `sections`
    ({kind: section page in `code`}) saves the ancestor queries for catalogue items."""
    kind = getattr(page.specific_class, "kind", "") if page.specific_class else ""
    section = (sections or {}).get(kind)
    if section is not None and page.depth == section.depth + 1:
        return f"{section.get_url(request)}{page.slug}/"
    ancestors = list(page.get_ancestors().filter(depth__gt=1))
    translated = {
        p.translation_key: p
        for p in Page.objects.live().filter(
            translation_key__in=[a.translation_key for a in ancestors], locale__language_code=code
        )
    }
    tail = [page.slug]
    for ancestor in reversed(ancestors):
        own = translated.get(ancestor.translation_key)
        if own is not None:
            return own.get_url(request) + "".join(f"{slug}/" for slug in tail)
        tail.insert(0, ancestor.slug)
    return f"/{code}/"
