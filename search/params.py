"""Checking the public search parameters (docs/search-api.md) once, for the API and the page.

Facet filters take a code or a name, resolved the way the catalogue importer resolves the same
words (the catalogue registers the resolver: `promo/search_documents.py`): a commune by its
code, its current name in any language or a former (pre-2025) name, a sector or category by
code or name; case and Vietnamese diacritics do not matter. `commune=Long Tân` filters on xã
Long Hòa, which absorbed it.
"""

import re
import unicodedata
from dataclasses import dataclass

from search.documents import KINDS, LOCALES

MAX_FACET_CHARS = 120
MAX_FACET_VALUES = 20
MAX_PAGE = 1000


class BadParameter(ValueError):
    def __init__(self, param, message):
        super().__init__(message)
        self.param = param
        self.message = message


@dataclass(frozen=True)
class SearchParams:
    q: str
    lang: str
    kinds: tuple = ()
    communes: tuple = ()
    sectors: tuple = ()
    categories: tuple = ()
    upcoming: bool = False
    page: int = 1
    page_size: int = 10


def _int(get, name, default, low, high):
    raw = get.get(name)
    if raw is None or raw == "":
        return default
    if not re.fullmatch(r"\d{1,6}", raw.strip()):
        raise BadParameter(name, f"{name} must be a whole number from {low} to {high}")
    value = int(raw)
    if not low <= value <= high:
        raise BadParameter(name, f"{name} must be from {low} to {high} (got {value})")
    return value


def _facet(get, name):
    values = tuple(dict.fromkeys(v.strip() for v in get.getlist(name) if v.strip()))
    if len(values) > MAX_FACET_VALUES:
        raise BadParameter(name, f"at most {MAX_FACET_VALUES} values of {name}")
    for value in values:
        if len(value) > MAX_FACET_CHARS or any(unicodedata.category(c)[0] == "C" for c in value):
            raise BadParameter(
                name, f"{name} must be a code or a name of at most {MAX_FACET_CHARS} characters"
            )
    return values


class FacetResolver:
    """Facet filter words → the codes the index carries (one resolver per request); how a word
    resolves is the catalogue's (`search.registry.facet_provider`)."""

    def __init__(self):
        from search.registry import facet_provider

        self._resolve = facet_provider().resolver()

    def resolve(self, name, word, lang):
        """The code(s) `word` names for the facet `name`; `BadParameter` when none."""
        try:
            return self._resolve(name, word, lang)
        except LookupError as exc:
            raise BadParameter(name, str(exc)) from exc


def resolve_facets(params, resolver=None):
    """`params` with its commune, sector and category words replaced by codes."""
    wanted = {"commune": params.communes, "sector": params.sectors, "category": params.categories}
    if not any(wanted.values()):
        return params
    resolver = resolver or FacetResolver()
    codes = {
        name: tuple(
            dict.fromkeys(code for word in words for code in resolver.resolve(name, word, params.lang))
        )
        for name, words in wanted.items()
    }
    return SearchParams(
        **{
            **params.__dict__,
            "communes": codes["commune"],
            "sectors": codes["sector"],
            "categories": codes["category"],
        }
    )


def parse_params(get, require_q=True, default_lang="vi", resolve=True):
    """The checked parameters; facet words resolved to codes unless `resolve` is false."""
    q = (get.get("q") or "").strip()
    if require_q and not q:
        raise BadParameter("q", "q is required: the words to search for")
    if len(q) > 200:
        raise BadParameter("q", f"q must be at most 200 characters (got {len(q)})")
    lang = get.get("lang") or default_lang
    if lang not in LOCALES:
        raise BadParameter("lang", f"lang must be one of {', '.join(LOCALES)}")
    kinds = _facet(get, "kind")
    for kind in kinds:
        if kind not in KINDS:
            raise BadParameter("kind", f"kind must be one of {', '.join(KINDS)} (got {kind!r})")
    upcoming = get.get("upcoming", "")
    if upcoming not in ("", "0", "1"):
        raise BadParameter("upcoming", "upcoming must be 1 (only fairs not yet over) or 0")
    params = SearchParams(
        q=q,
        lang=lang,
        kinds=kinds,
        communes=_facet(get, "commune"),
        sectors=_facet(get, "sector"),
        categories=_facet(get, "category"),
        upcoming=upcoming == "1",
        page=_int(get, "page", 1, 1, MAX_PAGE),
        page_size=_int(get, "page_size", 10, 1, 50),
    )
    return resolve_facets(params) if resolve else params
