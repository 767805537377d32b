"""Checking the public search parameters (shared/search-api.md) once, for the API and the page."""
import re
from dataclasses import dataclass

from search.documents import KINDS, LOCALES

FACET_VALUE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
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
    for value in values:
        if not FACET_VALUE.match(value):
            raise BadParameter(name, f"{name} must be a code of lowercase letters, digits and "
                                     "hyphens")
    if len(values) > 20:
        raise BadParameter(name, f"at most 20 values of {name}")
    return values


def parse_params(get, require_q=True, default_lang="vi"):
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
    return SearchParams(
        q=q, lang=lang, kinds=kinds, communes=_facet(get, "commune"),
        sectors=_facet(get, "sector"), categories=_facet(get, "category"),
        upcoming=upcoming == "1", page=_int(get, "page", 1, 1, MAX_PAGE),
        page_size=_int(get, "page_size", 10, 1, 50),
    )
