"""The small interface every catalogue search engine implements.

Both engines receive the same analysed tokens from `search.text` (per document through
`search.engines.common.analyse`) and the same `Plan` from `search.query`, and answer with the
same `SearchResults`; the contract suite in `tests/integration/` runs unchanged against each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Protocol

from search.documents import SearchDocument
from search.vocabulary import Vocabulary

Progress = Callable[[int, int], None]  # (done, total)


class EngineUnavailable(Exception):
    """The engine cannot be reached or answered with an error; the caller may fall back."""


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
    match: str = "all"  # the tier it matched in: "all" words, spelling "variants", "most" words
    # Title, summary and text of the translation that matched, and its tag tokens (for "did
    # you mean" and the words a partial match lacks; not shown as such).
    matched_text: str = field(default="", repr=False, compare=False)
    matched_tags: str = field(default="", repr=False, compare=False)
    missing: tuple[str, ...] = ()  # for a "most words" match: the typed words it lacks


@dataclass(frozen=True)
class SearchResults:
    total: int  # items (refs), not translations
    hits: list[Hit]
    facets: dict[str, dict[str, int]]  # facet name -> value -> item count
    engine: str
    suggestion: str = ""  # "did you mean": the query with the corrections the best hit used
    prefix: bool = False  # the last word was matched as a prefix (whole words found nothing)
    tier_counts: dict[str, int] = field(default_factory=dict)  # tier name -> items counted


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

    * `search(plan, lang, page, page_size)`: `plan` is a `search.query.Plan`. Matching: a
      document satisfies a `Tier` when at least `tier.minimum` of `tier.clauses` match it and
      every clause in `tier.required` does; a clause matches when any of its `Match` options
      does; `Match(mode="phrase")` = its tokens adjacent and in order in one field (one token =
      that token); `Match(mode="some", minimum=k)` = at least k of its tokens anywhere in the
      document; `Match(mode="prefix")` = a phrase whose last token is a prefix of an indexed
      token; no `plan.excluded` match may occur in the document. Every translation is
      searched; an item belongs to the first (strictest) tier one of its translations
      satisfies, and within it ranks by its best translation's relevance there. A tier counts
      only when `tier.counts(items the earlier tiers counted, plan.relax_below)`; once one does
      not, no later one does, and their items are left out of the hits, the total and the
      facets. Items are ordered by tier, relevance (descending), ref. Each ref appears once,
      `tier_counts` says how many counted items each tier holds.
      shown per `common.shown_locale`, with `Hit.match` = its tier's name. `total` and `facets`
      count items over the whole filtered match set (facets: `common.FACET_NAMES`, value ->
      number of items, ordered by `common.ordered_facets`). Filters (`plan.filters.facets()`):
      OR within a facet, AND across facets, on the item-level values of
      `common.item_values`; `upcoming` keeps only fairs with `end >= reference_day()`.
      Snippets come from `search.snippets.make_snippet((summary, text), plan)`.
    * Relevance within a tier: bm25 over the fields weighted by `common.FIELD_WEIGHTS` (the
      tokens of `common.analyse`), using that tier's matches, times the ranking factors: let
      P be the tier's `phrases` (token sequences) and T the title tokens. The largest title
      factor that holds: `TITLE_EXACT` when T equals some P, `TITLE_PREFIX` when T starts with
      one, `TITLE_PHRASE` when one occurs in T (adjacent, in order), else 1; times
      `PHRASE_ANYWHERE` when a P of at least two tokens occurs in some field. No factor when
      P is empty. SQLite: bm25 times the factors in SQL (`title_len` = tokens). ES: a
      `function_score` per tier (score_mode max, boost_mode multiply) inside another one for
      the phrase factor, each tier mapped into its band by `common.band_score` (a script) and
      the tiers combined by `dis_max`, so one request answers.
    * `vocabulary() -> search.vocabulary.Vocabulary`: the index tokens with the documents
      holding each, and the surface keys of the syllables as written; may be cached (ES: for
      `SEARCH_VOCABULARY_TTL` seconds, renewed at once after this process writes).
    * `autocomplete(prefix, lang, limit)`: refs whose title (any translation, tokens of
      `analyze(title, stemming=False)`) contains the tokens of `analyze(prefix, stemming=False)`
      as consecutive words, the last one as a prefix; title shown per `common.shown_locale`.
    * Unreachable/failed engine — including a locked or unwritable SQLite file: raise
      `EngineUnavailable`, never a client-library or sqlite3 exception. Its message is for
      logs and staff, never for visitors.
    """

    name: str

    def index(self, docs: Iterable[SearchDocument]) -> int: ...

    def delete(self, keys: Iterable[str]) -> int: ...  # document keys "ref:locale"

    def search(self, plan, lang: str, page: int = 1, page_size: int = 10) -> SearchResults: ...

    def autocomplete(self, prefix: str, lang: str, limit: int = 8) -> list[Suggestion]: ...

    def rebuild(
        self, docs: Iterable[SearchDocument], total: int | None = None, progress: Progress | None = None
    ) -> int: ...

    def health(self) -> Health: ...

    def vocabulary(self) -> Vocabulary: ...
