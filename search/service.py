"""The one entry point the search page and the JSON API call: parse → expand → engine.

Free of Wagtail models: synonym groups are passed in by the caller (a list of lists of phrases,
or a callable returning one, so the caller can cache them however it likes).
"""
from __future__ import annotations

import datetime as dt
import logging
from typing import Iterable

from search.engines import get_embedded_engine, get_engine
from search.engines.base import EngineUnavailable, Filters, SearchResults, Suggestion
from search.query import QueryError, Synonyms, expand, parse

__all__ = ["QueryError", "run_search", "run_autocomplete", "search_with"]

log = logging.getLogger(__name__)
MAX_PAGE_SIZE = 50


def _tuple(values: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(v for v in (values or ()) if v)


def search_with(engine, q: str, lang: str = "vi", filters: Filters | None = None, page: int = 1,
                page_size: int = 10, synonyms: Synonyms = None) -> SearchResults:
    """Parse, expand against `engine`'s vocabulary and search it (no fallback)."""
    if page < 1:
        raise QueryError("page must be 1 or more.")
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise QueryError(f"page_size must be between 1 and {MAX_PAGE_SIZE}.")
    query = parse(q, filters)
    plan = expand(query, engine, synonyms)
    return engine.search(plan, lang, page=page, page_size=page_size)


def _frozen_today() -> dt.date | None:
    """`settings.SEARCH_TODAY` (ISO date), set only by tests whose judgments assume a fixed day;
    None (the real date) otherwise."""
    from django.conf import settings

    value = getattr(settings, "SEARCH_TODAY", None)
    return dt.date.fromisoformat(value) if value else None


def run_search(q: str, lang: str = "vi", kinds=(), communes=(), sectors=(), categories=(),
               upcoming: bool = False, page: int = 1, page_size: int = 10,
               synonyms: Synonyms = None, today: dt.date | None = None,
               engine=None) -> SearchResults:
    """Search the configured engine; when it is unreachable, answer from the embedded one
    (the results then say `engine='sqlite'`). Raises `QueryError` for unsearchable input."""
    if today is None:
        today = _frozen_today()
    filters = Filters(kinds=_tuple(kinds), communes=_tuple(communes), sectors=_tuple(sectors),
                      categories=_tuple(categories), upcoming=bool(upcoming), today=today)
    primary = engine or get_engine()
    try:
        return search_with(primary, q, lang, filters, page, page_size, synonyms)
    except EngineUnavailable as exc:
        fallback = get_embedded_engine()
        if fallback is primary:
            raise
        log.warning("search engine %s unavailable, answering from the embedded index: %s",
                    getattr(primary, "name", primary), exc)
        return search_with(fallback, q, lang, filters, page, page_size, synonyms)


def run_autocomplete(prefix: str, lang: str = "vi", limit: int = 8, engine=None) -> list[Suggestion]:
    primary = engine or get_engine()
    try:
        return primary.autocomplete(prefix, lang, limit)
    except EngineUnavailable:
        fallback = get_embedded_engine()
        if fallback is primary:
            raise
        return fallback.autocomplete(prefix, lang, limit)
