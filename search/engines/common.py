"""What every engine does the same way, written once: how a document is analysed into fields,
how an item's translations add up to item-level values, the facet names and their order, the
ranking factors, which translation a hit is shown in, and the score bands of the tiers.

Engines differ only in how they store and query these (SQL over FTS5, the Elasticsearch DSL);
the values themselves come from here, so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from search import text
from search.documents import FACETS, LOCALES, SOURCE_LOCALE, SearchDocument

FACET_NAMES = ("kind",) + FACETS
# bm25 field weights: a word in the title says far more about what the item is than the same
# word deep in the body. Tags hold tags, staff synonyms and commune names (current and former).
FIELD_WEIGHTS = {"title": 10.0, "tags": 5.0, "summary": 3.0, "body": 1.0}
FIELDS = tuple(FIELD_WEIGHTS)
# Ranking factors (see `SearchEngine` in base.py): the largest title factor that holds, times
# PHRASE_ANYWHERE when the typed words stand together, in order, in some field.
TITLE_EXACT, TITLE_PREFIX, TITLE_PHRASE = 2.0, 1.5, 1.25
PHRASE_ANYWHERE = 1.5
# Scores of tier t of n fall in [n - 1 - t, n - t): a looser tier never outranks a stricter one.
# Within a band a relevance score s > 0 maps to s / (s + BAND_SCALE), which keeps its order.
BAND_SCALE = 10.0


def band_score(relevance: float, tier: int, tiers: int) -> float:
    return (tiers - 1 - tier) + relevance / (relevance + BAND_SCALE)


def tier_of(score: float, tiers: int) -> int:
    return min(tiers - 1, max(0, tiers - 1 - int(score)))


def relevance_of(score: float) -> float:
    """The relevance inside a band score (inverse of `band_score`)."""
    frac = score - int(score)
    return BAND_SCALE * frac / (1 - frac) if frac < 1 else 0.0


@dataclass(frozen=True)
class AnalysedDocument:
    """The index tokens of one document, per field, as both engines store them."""

    title: tuple[str, ...]
    tags: tuple[str, ...]
    summary: tuple[str, ...]
    body: tuple[str, ...]
    autocomplete: tuple[str, ...]  # unstemmed folded title words
    surfaces: tuple[str, ...]  # `text.surface_key`s of the Vietnamese syllables, distinct

    @property
    def fields(self) -> dict[str, tuple[str, ...]]:
        return {"title": self.title, "tags": self.tags, "summary": self.summary, "body": self.body}

    @property
    def title_key(self) -> str:
        return " ".join(self.title)

    @property
    def title_len(self) -> int:
        """The title's length in tokens (the title match bonus compares token counts)."""
        return len(self.title)

    @property
    def vocabulary(self) -> tuple[str, ...]:
        return tuple(sorted({t for toks in self.fields.values() for t in toks}))


def analyse(doc: SearchDocument) -> AnalysedDocument:
    fields = {
        name: text.analyze_with_surfaces(value)
        for name, value in (
            ("title", doc.title),
            ("tags", " \n ".join(doc.tags + doc.synonyms)),
            ("summary", doc.summary),
            ("body", doc.text),
        )
    }
    return AnalysedDocument(
        title=tuple(fields["title"][0]),
        tags=tuple(fields["tags"][0]),
        summary=tuple(fields["summary"][0]),
        body=tuple(fields["body"][0]),
        autocomplete=tuple(text.analyze(doc.title, stemming=False)),
        surfaces=tuple(sorted({key for _, surfaces in fields.values() for key in surfaces})),
    )


def display(doc: SearchDocument) -> dict[str, Any]:
    """What a result card and its snippet need of one translation."""
    return {
        "title": doc.title,
        "url": doc.url,
        "summary": doc.summary,
        "text": doc.text,
        "image_url": doc.image_url,
        "facts": dict(doc.facts),
    }


def locale_order(locale: str) -> tuple:
    """The source translation first, then the site's languages in order, then any other."""
    return (locale != SOURCE_LOCALE, LOCALES.index(locale) if locale in LOCALES else 99, locale)


def item_values(translations: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Item-level values from an item's live translations ({locale: {kind, end, facets}}):
    the source translation (else the first in `locale_order`) decides kind and end date; the
    facet values are the union over all translations, so a filter treats the item the same
    whichever translation matched. `facets` is a sorted list of (name, value)."""
    order = sorted(translations, key=locale_order)
    first = translations[order[0]]
    values = {("kind", first["kind"])}
    for loc in order:
        for name, slugs in (translations[loc].get("facets") or {}).items():
            values.update((name, s) for s in slugs)
    return {"kind": first["kind"], "end": first.get("end"), "facets": sorted(values)}


def shown_locale(available, lang: str, best: str | None = None) -> str:
    """The translation a hit is shown in: the visitor's language, else the source, else the
    one that matched best (`best`), else the first in `locale_order`."""
    available = list(available)
    for wanted in (lang, SOURCE_LOCALE, best):
        if wanted in available:
            return wanted
    return sorted(available, key=locale_order)[0]


def empty_facets() -> dict[str, dict[str, int]]:
    return {name: {} for name in FACET_NAMES}


def ordered_facets(counts) -> dict[str, dict[str, int]]:
    """{facet: {value: items}} from (facet, value, items) rows: most items first, then value."""
    facets = empty_facets()
    for name, value, n in sorted(counts, key=lambda row: (-row[2], row[1])):
        facets.setdefault(name, {})[value] = n
    return facets
