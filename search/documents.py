"""The plain record every search engine indexes.

Nothing downstream of this module touches Wagtail models: `documents_for_page` (added with the
catalogue integration) turns a live page into a `SearchDocument`, and the engines only ever see
these records. That keeps both engines testable on plain data and rebuildable from the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from promo.languages import LANGUAGE_CODES, SOURCE_LANGUAGE

# The five catalogue kinds, then the portal's official documents (plans, decisions, notices).
KINDS = ("product", "fair", "attraction", "investment", "news", "document", "itinerary")
LOCALES = LANGUAGE_CODES
SOURCE_LOCALE = SOURCE_LANGUAGE
FACETS = ("commune", "sector", "category")


@dataclass(frozen=True)
class SearchDocument:
    """One live translation of one catalogue item.

    `ref` is shared by all translations of an item; (`ref`, `locale`) is the document key.
    `facets` maps a facet name (commune, sector, category) to the stable slugs the item carries;
    `synonyms` are extra words indexed with the item (former commune names, staff synonyms),
    so a search for a former name finds the merged unit's items.
    `facts` is small display data for result cards (fair dates, area, price), never searched.
    """

    ref: str
    kind: str
    locale: str
    title: str
    url: str
    summary: str = ""
    text: str = ""
    tags: tuple[str, ...] = ()
    facets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    synonyms: tuple[str, ...] = ()
    published: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    image_url: str = ""
    facts: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.ref}:{self.locale}"


def _text_fields(page):
    """Searchable text beyond title and summary: body paragraphs and the kind's text facts."""
    from promo.catalogue.body import stream_to_text

    parts = [stream_to_text(page.body)]
    for name in ("producer", "unit", "venue", "organizer", "opening_hours", "incentives_text"):
        value = getattr(page, name, "")
        if value:
            parts.append(value)
    return "\n\n".join(p for p in parts if p)


def _facts(page):
    facts = {}
    for name in (
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
    ):
        value = getattr(page, name, None)
        if value not in (None, ""):
            facts[name] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return facts


def _facets(page, commune_slug):
    facets = {}
    if commune_slug:
        facets["commune"] = (commune_slug,)
    sector = getattr(page, "sector", None)
    if sector is not None:
        facets["sector"] = (sector.slug,)
    category = getattr(page, "category", None)
    if category:
        facets["category"] = (category if isinstance(category, str) else category.slug,)
    return facets


def documents_for_pages(pages, commune_words=None, image_url=None):
    """SearchDocuments for live catalogue pages (specific instances).

    `commune_words` maps a commune translation key to every name it is known by (current names
    in all languages and former names), indexed as synonyms so a search for a pre-2025 commune
    finds the items of the unit that absorbed it.
    """
    commune_words = commune_words if commune_words is not None else commune_vocabulary()
    docs = []
    for page in pages:
        if page.kind == "document":
            docs.append(official_document(page))
            continue
        if page.kind == "itinerary":
            docs.append(itinerary_document(page, commune_words, image_url))
            continue
        commune = page.commune
        words = commune_words.get(commune.translation_key, ()) if commune else ()
        docs.append(
            SearchDocument(
                ref=page.ref,
                kind=page.kind,
                locale=page.locale.language_code,
                title=page.title,
                url=page.get_url() or "",
                summary=page.summary,
                text=_text_fields(page),
                tags=tuple(item.tag.name for item in page.tagged_items.all()),
                facets=_facets(page, commune.slug if commune else ""),
                synonyms=tuple(words),
                published=page.published,
                start=getattr(page, "start", None),
                end=getattr(page, "end", None),
                image_url=image_url(page) if image_url else "",
                facts=_facts(page),
            )
        )
    return docs


def official_document(page):
    """A SearchDocument for a live `portal.OfficialDocumentPage` translation.

    The type is indexed in the page's own language ("Kế hoạch", "Plan") so `ke hoach 64` finds
    the plan; number, issuer and dates are also result-card facts.
    """
    from django.utils.translation import override

    from promo.catalogue.body import rich_text_to_paragraphs

    with override(page.locale.language_code):
        type_label = str(page.get_doc_type_display())
    facts = {"doc_type": page.doc_type, "issuer": page.issuer, "issued": page.issued.isoformat()}
    if page.number:
        facts["number"] = page.number
    if page.effective:
        facts["effective"] = page.effective.isoformat()
    # "Nghị định 42/2022/NĐ-CP" is how people name a document: weighted like tags, not body text.
    tags = tuple(tag for tag in (f"{type_label} {page.number}".strip(), page.issuer) if tag)
    return SearchDocument(
        ref=page.ref,
        kind="document",
        locale=page.locale.language_code,
        title=page.title,
        url=page.get_url() or "",
        summary=page.abstract,
        text="\n\n".join(rich_text_to_paragraphs(page.body or "")),
        tags=tags,
        published=page.issued,
        facts=facts,
    )


def itinerary_document(page, commune_words, image_url=None):
    """A SearchDocument for a live `promo.TripPage` translation: its days and the stops a
    visitor can follow (unpublished stops are left out, as on the page) are its text, so
    `Núi Cậu itinerary` finds the trips that stop there."""
    from promo.catalogue.body import stream_to_text

    lines = []
    for day in page.timeline():
        lines += [day.title, day.intro]
        lines += [f"{stop.title}. {stop.description}" for stop in day.stops]
    commune = page.commune
    words = commune_words.get(commune.translation_key, ()) if commune else ()
    return SearchDocument(
        ref=page.ref,
        kind="itinerary",
        locale=page.locale.language_code,
        title=page.title,
        url=page.get_url() or "",
        summary=page.summary,
        text="\n\n".join(p for p in [*lines, stream_to_text(page.body)] if p),
        tags=tuple(item.tag.name for item in page.tagged_items.all()),
        facets={"commune": (commune.slug,)} if commune else {},
        synonyms=tuple(words),
        published=page.published,
        image_url=image_url(page) if image_url else "",
        facts={"duration": page.duration, "stops": str(len(page.stops()))},
    )


def commune_vocabulary():
    from promo.models import Commune, FormerCommuneName

    words = {}
    for key, name in Commune.objects.values_list("translation_key", "name"):
        words.setdefault(key, []).append(name)
    for key, name in FormerCommuneName.objects.values_list("commune__translation_key", "name"):
        words.setdefault(key, []).append(name)
    return {key: tuple(dict.fromkeys(names)) for key, names in words.items()}
