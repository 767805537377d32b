"""The catalogue's pages as search documents, and its facets, registered with the site search
(`search/registry.py`) by `PromoConfig.ready`: the five catalogue kinds and the itineraries.

Communes are matched at index time: every document carries its commune's current names in all
languages and its former names as synonyms (docs/DESIGN.md).
"""

from django.utils.translation import override

from promo.catalogue.body import stream_to_text
from promo.languages import LANGUAGE_CODES, SOURCE_LANGUAGE, sentence_end
from search.documents import SearchDocument
from search.registry import FacetProvider, register_facets, register_kind

TEXT_FACTS = ("producer", "unit", "venue", "organizer", "opening_hours", "incentives_text")
CARD_FACTS = (
    "start",
    "end",
    "venue",
    "ocop_stars",
    "price_from_vnd",
    "unit",
    "area_ha",
    "capital_vnd",
    "status",
    "opening_hours",
    "ticket_vnd",
)
# facet → the taxonomies a filter word is looked up in (attraction categories are choices)
RESOLVED = {
    "commune": ("commune",),
    "sector": ("sector",),
    "category": ("product_category", "news_category"),
}


def commune_vocabulary():
    """{commune translation key: every name it is known by (current ones, former ones)}."""
    from promo.models import Commune, FormerCommuneName

    words = {}
    for key, name in Commune.objects.values_list("translation_key", "name"):
        words.setdefault(key, []).append(name)
    for key, name in FormerCommuneName.objects.values_list("commune__translation_key", "name"):
        words.setdefault(key, []).append(name)
    return words


def _commune_words(page, shared):
    if "commune_words" not in shared:
        shared["commune_words"] = commune_vocabulary()
    commune = page.commune
    return tuple(shared["commune_words"].get(commune.translation_key, ())) if commune else ()


def _text_fields(page):
    """Searchable text beyond title and summary: body paragraphs and the kind's text facts."""
    parts = [stream_to_text(page.body)]
    parts += [getattr(page, name, "") for name in TEXT_FACTS]
    return "\n\n".join(p for p in parts if p)


def _facts(page):
    facts = {}
    for name in CARD_FACTS:
        value = getattr(page, name, None)
        if value not in (None, ""):
            facts[name] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return facts


def _facets(page):
    facets = {}
    if page.commune:
        facets["commune"] = (page.commune.slug,)
    sector = getattr(page, "sector", None)
    if sector is not None:
        facets["sector"] = (sector.slug,)
    category = getattr(page, "category", None)
    if category:
        facets["category"] = (category if isinstance(category, str) else category.slug,)
    return facets


def _common(page, shared):
    return {
        "ref": page.ref,
        "kind": page.kind,
        "locale": page.locale.language_code,
        "title": page.title,
        "url": page.get_url() or "",
        "summary": page.summary,
        "tags": tuple(item.tag.name for item in page.tagged_items.all()),
        "facets": _facets(page),
        "synonyms": _commune_words(page, shared),
        "published": page.published,
    }


def catalogue_document(page, shared):
    """A SearchDocument for a live translation of a catalogue page (one of the five kinds)."""
    return SearchDocument(
        **_common(page, shared),
        text=_text_fields(page),
        start=getattr(page, "start", None),
        end=getattr(page, "end", None),
        facts=_facts(page),
    )


def itinerary_document(page, shared):
    """A SearchDocument for a live `TripPage` translation: its days and the stops a visitor can
    follow (unpublished stops are left out, as on the page) are its text, so `Núi Cậu
    itinerary` finds the trips that stop there."""
    # the stop's title ends a sentence the way the page's language ends one ("。" in ja and zh)
    stop_end = sentence_end(page.locale.language_code)
    lines = []
    for day in page.timeline():
        lines += [day.title, day.intro]
        lines += [
            stop_end.join(part for part in (stop.title, stop.description) if part) for stop in day.stops
        ]
    return SearchDocument(
        **_common(page, shared),
        text="\n\n".join(p for p in [*lines, stream_to_text(page.body)] if p),
        facts={"duration": page.duration, "stops": str(len(page.stops()))},
    )


class CatalogueFacets(FacetProvider):
    """Commune, sector and category: translatable snippets (and the attraction categories,
    which are choices), resolved the way the importer resolves them."""

    def labels(self, lang):
        from promo.models import Category, Commune, Sector
        from promo.models.attractions import AttractionCategory

        def names(model):
            rows = {}
            for slug, code, name in model.objects.filter(
                locale__language_code__in=[lang, SOURCE_LANGUAGE]
            ).values_list("slug", "locale__language_code", "name"):
                if code == lang or slug not in rows:
                    rows[slug] = name
            return rows

        categories = names(Category)
        categories.update({value: str(label) for value, label in AttractionCategory.choices})
        return {"commune": names(Commune), "sector": names(Sector), "category": categories}

    def resolver(self):
        from promo.catalogue.taxonomy import TaxonomyResolver

        taxonomy = TaxonomyResolver()

        def resolve(name, word, lang):
            found, problems = [], []
            for kind in RESOLVED[name]:
                try:
                    found.append(taxonomy.resolve(kind, word, lang).slug)
                except LookupError as exc:
                    problems.append(str(exc))
            if name == "category":
                attraction = attraction_category(word)
                if attraction:
                    found.append(attraction)
            if not found:
                ambiguous = [p for p in problems if "more than one" in p]
                raise LookupError(ambiguous[0] if ambiguous else f"unknown {name} {word!r}")
            return found

        return resolve


def attraction_category(word):
    """The attraction category `word` names (its code or its label in any language), or None."""
    from promo.catalogue.taxonomy import _key
    from promo.models.attractions import AttractionCategory

    key = _key(word)
    for value, label in AttractionCategory.choices:
        if key == _key(value):
            return value
        for code in LANGUAGE_CODES:
            with override(code):
                if key == _key(str(label)):
                    return value
    return None


def register():
    from promo.models import CATALOGUE_MODELS, TripPage

    for kind, model in CATALOGUE_MODELS.items():
        register_kind(kind, model, catalogue_document)
    register_kind(TripPage.kind, TripPage, itinerary_document)
    register_facets(CatalogueFacets())
