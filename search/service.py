"""The one entry point the search page and the JSON API call: parse → expand → engine.

Free of Wagtail models: synonym groups are passed in by the caller (a list of lists of phrases,
or a callable returning one, so the caller can cache them however it likes).

A remote engine sits behind a circuit breaker (search/breaker.py): when it fails, this search
and the following ones for a cool-down answer from the embedded index at once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from typing import Iterable

from search import text
from search.breaker import breaker_for
from search.engines import get_embedded_engine, get_engine
from search.engines.base import EngineUnavailable, SearchResults, Suggestion
from search.query import Filters, Plan, Query, QueryError, Synonyms, expand, parse

__all__ = ["Filters", "QueryError", "run_search", "run_autocomplete", "search_with"]

log = logging.getLogger(__name__)
MAX_PAGE_SIZE = 50


def _tuple(values: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(v for v in (values or ()) if v)


def search_with(
    engine,
    q: str,
    lang: str = "vi",
    filters: Filters | None = None,
    page: int = 1,
    page_size: int = 10,
    synonyms: Synonyms = None,
    prefix_fallback: bool = False,
) -> SearchResults:
    """Parse, expand against `engine`'s vocabulary and search it (no fallback).

    `prefix_fallback`: when whole words find nothing, search again with the last word as the
    beginning of a word (what the search page does: `nui c` finds `Núi Cậu`)."""
    if page < 1:
        raise QueryError("page must be 1 or more.")
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise QueryError(f"page_size must be between 1 and {MAX_PAGE_SIZE}.")
    query = parse(q, filters)
    vocabulary = engine.vocabulary()
    plan = expand(query, vocabulary, synonyms)
    results = engine.search(plan, lang, page=page, page_size=page_size)
    if not results.total and prefix_fallback:
        prefixed = expand(query, vocabulary, synonyms, prefix_last=True)
        if prefixed != plan:
            found = engine.search(prefixed, lang, page=page, page_size=page_size)
            if found.total:
                return dataclasses.replace(found, prefix=True)
    suggestion = did_you_mean(query, plan, results) if page == 1 else ""
    hits = [
        dataclasses.replace(h, missing=missing_words(plan, h)) if h.match == "most" else h
        for h in results.hits
    ]
    return dataclasses.replace(results, suggestion=suggestion, hits=hits)


def missing_words(plan: Plan, hit) -> tuple[str, ...]:
    """The typed words (clause labels) a "most words" hit does not contain."""
    present = {tok for tok, _, _ in text.tokenize_with_spans(hit.matched_text)}
    present.update(hit.matched_tags.split())

    def found(m) -> bool:
        if m.mode == "some":
            return sum(t in present for t in m.tokens) >= m.minimum
        if m.mode == "prefix":
            return all(t in present for t in m.tokens[:-1]) and any(
                p.startswith(m.tokens[-1]) for p in present
            )
        return all(t in present for t in m.tokens)

    return tuple(c.label for c in plan.clauses if not any(found(m) for m in c.every_option))


def did_you_mean(query: Query, plan: Plan, results: SearchResults) -> str:
    """The typed query with the corrections the best corrected hit was found by, written as
    that hit's text writes them (`chợ cá sán Định Thành` → `chợ cá sáng Định Thành`), when the
    corrections find clearly more (at least twice as many items as the words as typed, and at
    least one); "" otherwise."""
    first = next((h for h in results.hits if h.match == "variants"), None)
    exact = results.tier_counts.get("all", 0)
    if first is None or results.tier_counts.get("variants", 0) < max(1, 2 * exact):
        return ""
    source = first.matched_text
    found = text.tokenize_with_spans(source)
    tokens = [tok for tok, _, _ in found]
    corrected = query.text
    changed = False
    for number, clause in enumerate(plan.clauses):
        if not clause.variants:
            continue
        wanted = {m.tokens[0] for m in clause.variants if len(m.tokens) == 1}
        typed = {t for m in clause.options for t in m.tokens}
        if typed & set(tokens):  # the hit has the word as typed: it was not the slip
            continue
        context = {
            t
            for other in plan.clauses[:number] + plan.clauses[number + 1 :]
            for m in other.every_option
            for t in m.tokens
        }
        # The occurrence beside another of the query's words is the one meant (`cá sáng`).
        places = [k for k, tok in enumerate(tokens) if tok in wanted]
        places.sort(
            key=lambda k: (
                not ({tokens[k - 1] if k else None, tokens[k + 1] if k + 1 < len(tokens) else None} & context)
            )
        )
        if not places:
            continue
        surface = source[found[places[0]][1] : found[places[0]][2]]
        if text.surface_key(surface) == text.surface_key(clause.label):
            continue
        if clause.label[:1].islower():
            surface = surface[:1].lower() + surface[1:]
        pattern = re.compile(rf"(?<!\w){re.escape(clause.label)}(?!\w)")
        corrected, n = pattern.subn(surface, corrected, count=1)
        changed |= bool(n)
    return corrected if changed else ""


def _frozen_today() -> dt.date | None:
    """`settings.SEARCH_TODAY` (ISO date), set only by tests whose judgments assume a fixed day;
    None (the real date) otherwise."""
    from django.conf import settings

    value = getattr(settings, "SEARCH_TODAY", None)
    return dt.date.fromisoformat(value) if value else None


def _with_fallback(primary, call):
    """`call(engine)` on the configured engine, else on the embedded one: at once while the
    configured engine's breaker is open, or after it failed just now."""
    fallback = get_embedded_engine()
    if primary is fallback:
        return call(primary)
    breaker = breaker_for(primary)
    if breaker.allow():
        try:
            result = call(primary)
        except EngineUnavailable as exc:
            breaker.failed()
            log.warning(
                "search engine %s unavailable, answering from the embedded index: %s",
                getattr(primary, "name", primary),
                exc,
            )
        else:
            breaker.succeeded()
            return result
    return call(fallback)


def run_search(
    q: str,
    lang: str = "vi",
    kinds=(),
    communes=(),
    sectors=(),
    categories=(),
    upcoming: bool = False,
    page: int = 1,
    page_size: int = 10,
    synonyms: Synonyms = None,
    today: dt.date | None = None,
    engine=None,
    prefix_fallback: bool = False,
) -> SearchResults:
    """Search the configured engine; when it is unreachable, answer from the embedded one
    (the results then say `engine='sqlite'`). Raises `QueryError` for unsearchable input and
    `EngineUnavailable` only when the embedded index itself fails."""
    if today is None:
        today = _frozen_today()
    filters = Filters(
        kinds=_tuple(kinds),
        communes=_tuple(communes),
        sectors=_tuple(sectors),
        categories=_tuple(categories),
        upcoming=bool(upcoming),
        today=today,
    )
    return _with_fallback(
        engine or get_engine(),
        lambda e: search_with(e, q, lang, filters, page, page_size, synonyms, prefix_fallback),
    )


def run_autocomplete(prefix: str, lang: str = "vi", limit: int = 8, engine=None) -> list[Suggestion]:
    return _with_fallback(engine or get_engine(), lambda e: e.autocomplete(prefix, lang, limit))
