"""What the site search finds, filled in by the apps that own it.

The search sits below the apps whose pages it finds: it never imports their models. Each app
registers, in its `AppConfig.ready`, the page models of its searchable kinds with the function
that turns a live page into a `SearchDocument` (`register_kind`), and the catalogue registers
its facets — their names in a language and how a filter word resolves to a code
(`register_facets`). `search/indexing.py`, `search/labels.py` and `search/params.py` read only
this module. How to add a searchable kind: docs/DESIGN.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from search.documents import KINDS


@dataclass(frozen=True)
class SearchableKind:
    """One kind of result: its page model, and `to_document(page, shared)` → `SearchDocument`.

    `shared` is a dict kept for one batch of pages (a rebuild keeps one for the whole run), where
    a converter may keep what every page of the batch needs (the communes' names, say).
    `fact_labels` names coded result facts in the visitor's language: {fact: {code: label}}.
    """

    kind: str
    model: type
    to_document: Callable
    fact_labels: dict = field(default_factory=dict)


class FacetProvider:
    """What the search asks of the app that owns the facets (commune, sector, category)."""

    def labels(self, lang) -> dict:
        """{facet: {code: name in `lang`}}."""
        raise NotImplementedError

    def resolver(self) -> Callable:
        """A function (facet, word, lang) → [codes], raising LookupError with a message that
        names the word; one per request (it may keep what it has read)."""
        raise NotImplementedError


_kinds: dict[str, SearchableKind] = {}
_facets: list[FacetProvider] = []


def register_kind(kind, model, to_document, fact_labels=None):
    if kind not in KINDS:
        raise ValueError(f"unknown search kind {kind!r}: add it to search.documents.KINDS first")
    _kinds[kind] = SearchableKind(kind, model, to_document, fact_labels or {})


def register_facets(provider):
    _facets[:] = [provider]


def searchable_kinds() -> dict[str, SearchableKind]:
    """{kind: SearchableKind}, in the order of `KINDS`."""
    return {kind: _kinds[kind] for kind in KINDS if kind in _kinds}


def kind_of(page) -> SearchableKind:
    return _kinds[page.kind]


def facet_provider() -> FacetProvider:
    if not _facets:
        raise LookupError("no app registered the search facets (search.registry.register_facets)")
    return _facets[0]
