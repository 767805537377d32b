"""The plain record every search engine indexes.

Nothing downstream of this module touches Wagtail models: the apps that own the searchable
page types register how a live page becomes a `SearchDocument` (`search/registry.py`), and
the engines only ever see these records. That keeps both engines testable on plain data and
rebuildable from the database.
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


def documents_for_pages(pages, shared=None):
    """SearchDocuments for live pages (specific instances) of the registered searchable kinds
    (`search/registry.py`); `shared` is kept for a batch (see `SearchableKind`)."""
    from search.registry import kind_of

    shared = {} if shared is None else shared
    return [kind_of(page).to_document(page, shared) for page in pages]
