"""The small interface every catalogue search engine implements.

Both engines receive the same analysed tokens from `search.text` and the same parsed `Query`
from `search.query`, and answer with the same `SearchResults`; the contract suite in
`tests/integration/` runs unchanged against each of them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Iterable, Protocol

from search.documents import SearchDocument

Progress = Callable[[int, int], None]  # (done, total)


class EngineUnavailable(Exception):
    """The engine cannot be reached or answered with an error; the caller may fall back."""


@dataclass(frozen=True)
class Filters:
    kinds: tuple[str, ...] = ()
    communes: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    upcoming: bool = False
    today: dt.date | None = None  # the reference day for `upcoming` (injected for tests)


@dataclass(frozen=True)
class Hit:
    ref: str
    kind: str
    locale: str  # the translation shown: the visitor's language when live, else vi
    title: str
    url: str
    snippet: str  # HTML-escaped text; only <mark>/</mark> are markup
    score: float
    image_url: str = ""
    facts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SearchResults:
    total: int  # items (refs), not translations
    hits: list[Hit]
    facets: dict[str, dict[str, int]]  # facet name -> value -> item count
    engine: str


@dataclass(frozen=True)
class Suggestion:
    ref: str
    kind: str
    title: str
    url: str
    locale: str = ""  # the translation shown: the visitor's language, else vi


@dataclass(frozen=True)
class Health:
    ok: bool
    detail: str
    documents: dict[str, int] = field(default_factory=dict)  # locale -> indexed documents
    nodes: list[dict] = field(default_factory=list)  # Elasticsearch: {url, ok, detail, ms} per node


class SearchEngine(Protocol):
    """What `search.service` needs from an engine.

    * `search(query, ...)`: `query` is a `search.query.Plan` (already parsed and expanded).
      Semantics every engine must honour: all `plan.clauses` must match (AND); a clause matches
      when any of its `Match` options does (OR); `Match(mode="phrase")` = its tokens adjacent
      and in order in one field (one token = that token); `Match(mode="some", minimum=k)` = at
      least k of its tokens anywhere in the document (ES: bool/should + minimum_should_match);
      `Match.weight` may be used as a boost; no `plan.excluded` match may occur in the document.
      Documents hold `search.text.analyze` tokens per field (title, tags+synonyms, summary, text;
      ES: `" ".join(tokens)` with the `whitespace` analyzer), weighted title > tags > summary >
      text. Every translation is searched; each ref appears once, ranked by its best translation,
      and is shown in `lang` when that translation is indexed, else `vi`, else any. `total` and
      `facets` count refs over the whole filtered match set (facets: kind, commune, sector,
      category; value -> number of items). Filters: OR within a facet, AND across facets;
      `upcoming` keeps only fairs with `end >= (filters.today or date.today())`. Snippets come
      from `search.snippets.make_snippet((summary, text), plan.highlight_tokens)`.
    * Title match bonus (ranking): let P = `plan.phrase` (the analysed tokens of what was typed,
      terms and quoted phrases in typed order; no synonyms, typo corrections or exclusions) and
      T = the document's title tokens (`analyze(title)`). A document's relevance score is
      multiplied by the largest factor whose condition holds, else 1: 2.0 when T == P (the
      title IS the query); 1.5 when T starts with P; 1.25 when P occurs in T as a phrase
      (adjacent, in order). Per translation, before the best translation decides the item's
      rank; no bonus when P is empty. SQLite: `bm25 * factor` (`TITLE_*` in engines/sqlite.py).
      ES: wrap the document query in `function_score` with `score_mode: "max"`,
      `boost_mode: "multiply"` and three filter functions: `{"term": {"title_key": " ".join(P)}}`
      weight 2.0 (a keyword field `title_key` = `" ".join(analyze(title))`); `{"span_first":
      {"match": {"span_near": {"clauses": [{"span_term": {"title": t}} for t in P], "slop": 0,
      "in_order": true}}, "end": len(P)}}` weight 1.5 (for len(P) == 1 the single `span_term`
      instead of `span_near`); `{"match_phrase": {"title": " ".join(P)}}` weight 1.25.
    * `known_terms(tokens) -> set[str]`: which of these analysed tokens occur in at least one
      indexed document (any field, any translation).
    * `similar_terms(token, limit=3) -> list[str]`: indexed tokens exactly one edit away from
      `token` (Damerau–Levenshtein: delete, insert, replace, transpose adjacent; see
      `search.query.edits1`), most documents first, ties alphabetical, at most `limit`, never
      `token` itself. `search.query.expand` calls it only for unknown Latin tokens.
    * `autocomplete(prefix, lang, limit)`: refs whose title (any translation, tokens of
      `analyze(title, stemming=False)`) contains the tokens of `analyze(prefix, stemming=False)`
      as consecutive words, the last one as a prefix; title shown in `lang` where it exists.
    * Unreachable/failed engine: raise `EngineUnavailable`, never a client-library exception.
    """

    name: str

    def index(self, docs: Iterable[SearchDocument]) -> int: ...

    def delete(self, keys: Iterable[str]) -> int: ...  # document keys "ref:locale"

    def search(self, query, lang: str, page: int = 1, page_size: int = 10) -> SearchResults: ...

    def autocomplete(self, prefix: str, lang: str, limit: int = 8) -> list[Suggestion]: ...

    def rebuild(self, docs: Iterable[SearchDocument], total: int | None = None,
                progress: Progress | None = None) -> int: ...

    def health(self) -> Health: ...

    def known_terms(self, tokens: Iterable[str]) -> set[str]: ...

    def similar_terms(self, token: str, limit: int = 3) -> list[str]: ...
