"""Elasticsearch engine, through the client's DSL (`elasticsearch.dsl`).

Same behaviour as the embedded engine (`sqlite.py`), checked by the same contract suite:

* Index layout: one document per item (`_id` = its ref), its live translations as `nested`
  documents (`tr`). The searchable fields of a translation hold the tokens of
  `common.analyse`, joined by spaces, under the plain `whitespace` analyzer, so ES never
  analyses language itself (the integ-test distribution has no analysis-common module, and no
  scripting either: everything below is plain query DSL); its `show` keeps the original fields
  for display and snippets (in `_source`, never indexed). The item carries the item-level
  values of `common.item_values` (`item_kind`, `item_end`, `item_facets` "name=value") and
  `shown`, the display fields of every translation by locale, so a hit is shown in the
  visitor's language from the hit itself: a search is one request.
* Matching and ranking happen per translation, inside one `nested` query with
  `score_mode: max`: the item scores as its best translation. Per tier, bm25 over the weighted
  fields (`combined_fields`) times the ranking factors (`function_score`, see base.py); tier t
  of n gets a query boost of `TIER_SCALE ** (n - 1 - t)` and the tiers are combined by
  `dis_max`, so a translation scores in the band of the strictest tier it satisfies (bm25
  scores span far less than `TIER_SCALE`, so the band tells the tier). The best translation
  comes back as an inner hit.
* Totals and facet counts are plain document counts of items: exact and cheap. A plan with
  conditional tiers also counts the tiers up to each one (`filter` aggregations) to decide, in
  the same request, which tiers count.
* Autocomplete: `match_phrase_prefix` over the unstemmed folded title words; the field has
  `index_prefixes` so a 1–10 character prefix is a single term lookup, not an expansion.
* Vocabulary: keyword fields with each translation's distinct tokens (`vocab`) and surface keys
  (`surface`), read with `composite` aggregations and kept in memory for
  `SEARCH_VOCABULARY_TTL` seconds (renewed at once after this process writes).
* Writing a translation rewrites its item (read first with a real-time `mget`): the item-level
  values always agree with the translations, with no partial updates to keep in step.
* `rebuild` loads a new `<prefix>-<timestamp>-<rand>` index and swaps the `<prefix>` alias
  atomically, then deletes the old indices: searches never see a half-built index. An index
  written by an older layout (see `LAYOUT`) is reported by `health` and needs a rebuild.
* Short timeouts on the request path (`SEARCH_ES_CONNECT_TIMEOUT`, `SEARCH_ES_TIMEOUT`), no
  retries; every transport or API error becomes `EngineUnavailable` so the service can fall
  back to the embedded engine (and open its circuit breaker, search/breaker.py).
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
import secrets
import threading
import time
from collections.abc import Iterable
from typing import Any

import urllib3
from elastic_transport import TransportError, Urllib3HttpNode
from elasticsearch import ApiError, Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import (
    Date,
    Document,
    InnerDoc,
    Integer,
    Keyword,
    Nested,
    Object,
    Q,
    Search,
    Text,
)

from search.documents import SOURCE_LOCALE, SearchDocument
from search.engines import common
from search.engines.base import (
    EngineUnavailable,
    Health,
    Hit,
    Progress,
    SearchResults,
    Suggestion,
)
from search.engines.es_cluster import ClusterConfig, describe_error, node_health
from search.query import Match, Plan, Tier
from search.snippets import make_snippet
from search.text import analyze
from search.vocabulary import Vocabulary

log = logging.getLogger(__name__)

LAYOUT = 2  # bump when the mapping changes: an older index needs `search_index rebuild`
NESTED = "tr"
FIELDS = [f"{NESTED}.{name}^{weight:g}" for name, weight in common.FIELD_WEIGHTS.items()]
PLAIN_FIELDS = [f"{NESTED}.{name}" for name in common.FIELDS]
TIER_SCALE = 1e15
_FACET_BUCKETS = 5_000
_BULK_CHUNK = 500
_VOCAB_PAGE = 10_000
CONNECT_TIMEOUT = 0.5
REQUEST_TIMEOUT = 1.5
WRITE_TIMEOUT = 10.0
BULK_TIMEOUT = 120.0
VOCABULARY_TTL = 60.0
_PREFIX_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,100}$")


class Translation(InnerDoc):
    locale = Keyword()
    kind = Keyword()
    published = Date()
    start = Date()
    end = Date()
    title = Text(analyzer="whitespace")
    title_key = Keyword(ignore_above=2048)  # the whole analysed title, for the title match bonus
    tags = Text(analyzer="whitespace")
    summary = Text(analyzer="whitespace")
    body = Text(analyzer="whitespace")
    ac = Text(analyzer="whitespace", index_prefixes={"min_chars": 1, "max_chars": 10})
    title_len = Integer()  # tokens
    vocab = Keyword(ignore_above=256)
    surface = Keyword(ignore_above=256)
    show = Object(enabled=False)  # title, url, summary, text, image_url, facts, facets


class CatalogueItem(Document):
    """The mapping; items are written as plain dicts by the bulk helpers."""

    ref = Keyword()
    item_kind = Keyword()
    item_end = Date()
    item_facets = Keyword()  # "commune=long-hoa", "kind=product", …
    shown = Object(enabled=False)  # every translation's display fields, by locale
    tr = Nested(Translation)


_VOCABULARY_GENERATION_KEY = "search:elasticsearch:vocabulary-generation"


def _vocabulary_generation():
    """The index's write generation as the default cache holds it (None when the cache is away:
    then the TTL alone decides)."""
    from django.core.cache import cache

    try:
        return cache.get(_VOCABULARY_GENERATION_KEY, 0)
    except Exception:
        return None


def _bump_vocabulary_generation() -> None:
    from django.core.cache import cache

    try:
        try:
            cache.incr(_VOCABULARY_GENERATION_KEY)
        except ValueError:  # not set yet (or evicted)
            cache.set(_VOCABULARY_GENERATION_KEY, 1, None)
    except Exception:  # a cache that is away only delays new words until the TTL
        log.warning("search vocabulary generation not shared: cache unavailable")


def _setting(name: str, default: float) -> float:
    try:
        from django.conf import settings

        return float(getattr(settings, name, default))
    except Exception:  # used outside Django (benchmarks): the defaults
        return default


def _node_class(connect: float, read: float):
    class _Node(Urllib3HttpNode):
        """urllib3 node with separate connect and read timeouts (the client has one knob)."""

        def __init__(self, config):
            super().__init__(config)
            self.pool.timeout = urllib3.Timeout(connect=connect, read=read)

    return _Node


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _translation(doc: SearchDocument) -> dict[str, Any]:
    analysed = common.analyse(doc)
    return {
        "locale": doc.locale,
        "kind": doc.kind,
        "published": _date(doc.published),
        "start": _date(doc.start),
        "end": _date(doc.end),
        **{name: " ".join(toks) for name, toks in analysed.fields.items()},
        "title_key": analysed.title_key,
        "ac": " ".join(analysed.autocomplete),
        "title_len": analysed.title_len,
        "vocab": list(analysed.vocabulary),
        "surface": list(analysed.surfaces),
        "show": {**common.display(doc), "facets": {k: list(v) for k, v in doc.facets.items() if v}},
    }


def _item(ref: str, translations: dict[str, dict]) -> dict[str, Any]:
    """The item document from its translations ({locale: `_translation`})."""
    values = common.item_values(
        {
            loc: {"kind": t["kind"], "end": t.get("end"), "facets": t["show"].get("facets") or {}}
            for loc, t in translations.items()
        }
    )
    order = sorted(translations, key=common.locale_order)
    return {
        "ref": ref,
        "item_kind": values["kind"],
        "item_end": values["end"],
        "item_facets": sorted(f"{name}={value}" for name, value in values["facets"]),
        "shown": {
            loc: {k: v for k, v in translations[loc]["show"].items() if k != "facets"} for loc in order
        },
        NESTED: [translations[loc] for loc in order],
    }


def _match_query(m: Match) -> Q:
    """One `Match` of the plan over a translation's fields.

    Scored like FTS5's bm25: `combined_fields` is BM25F (term frequencies of all fields, weighted,
    saturate once per document), not a sum of per-field scores that would reward the same word
    repeated in every field. A phrase must also occur, adjacent and in order, within one field
    (as in FTS5): that is a non-scoring filter beside the scored terms.
    """
    words = " ".join(m.tokens)
    if m.mode == "some":
        return Q(
            "combined_fields",
            query=words,
            fields=FIELDS,
            operator="or",
            minimum_should_match=max(1, min(m.minimum, len(m.tokens))),
            boost=m.weight,
        )
    if m.mode == "prefix":
        *head, last = m.tokens
        per_field = []
        for name in PLAIN_FIELDS:
            span = {"span_multi": {"match": {"prefix": {name: {"value": last}}}}}
            if head:
                span = {
                    "span_near": {
                        "clauses": [{"span_term": {name: t}} for t in head] + [span],
                        "slop": 0,
                        "in_order": True,
                    }
                }
            per_field.append(Q(span))
        return Q("bool", should=per_field, minimum_should_match=1, boost=m.weight)
    scored = Q("combined_fields", query=words, fields=FIELDS, operator="and", boost=m.weight)
    if len(m.tokens) == 1:
        return scored
    return Q(
        "bool", must=[scored], filter=[Q("multi_match", query=words, type="phrase", fields=PLAIN_FIELDS)]
    )


def _clause_query(options: tuple[Match, ...]) -> Q:
    return Q("bool", should=[_match_query(o) for o in options], minimum_should_match=1)


def _tier_query(tier: Tier) -> Q:
    clauses = [_clause_query(c) for c in tier.clauses]
    needs = (
        [Q("bool", should=[_match_query(m) for m in tier.needs], minimum_should_match=1)]
        if tier.needs
        else []
    )
    if tier.is_all:
        return Q("bool", must=clauses, filter=needs)
    required = [clauses[i] for i in sorted(tier.required)]
    droppable = [q for i, q in enumerate(clauses) if i not in tier.required]
    return Q(
        "bool",
        must=required,
        should=droppable,
        filter=needs,
        minimum_should_match=tier.minimum - len(tier.required),
    )


def _span_phrase(field: str, phrase: tuple[str, ...]) -> dict:
    if len(phrase) == 1:
        return {"span_term": {field: phrase[0]}}
    return {
        "span_near": {"clauses": [{"span_term": {field: t}} for t in phrase], "slop": 0, "in_order": True}
    }


def _ranked(query: Q, phrases: tuple[tuple[str, ...], ...]) -> Q:
    """The ranking factors of base.py: title (the largest that holds) times phrase."""
    phrases = tuple(p for p in phrases if p)
    if not phrases:
        return query
    title = f"{NESTED}.title"
    ranked = Q(
        "function_score",
        query=query,
        score_mode="max",
        boost_mode="multiply",
        functions=[
            {
                "filter": {"terms": {f"{NESTED}.title_key": sorted({" ".join(p) for p in phrases})}},
                "weight": common.TITLE_EXACT,
            },
            {
                "filter": {
                    "bool": {
                        "should": [
                            {"span_first": {"match": _span_phrase(title, p), "end": len(p)}} for p in phrases
                        ]
                    }
                },
                "weight": common.TITLE_PREFIX,
            },
            {
                "filter": {"bool": {"should": [{"match_phrase": {title: " ".join(p)}} for p in phrases]}},
                "weight": common.TITLE_PHRASE,
            },
        ],
    )
    long = [p for p in phrases if len(p) > 1]
    if not long:
        return ranked
    anywhere = {
        "bool": {
            "should": [
                {"multi_match": {"query": " ".join(p), "type": "phrase", "fields": PLAIN_FIELDS}}
                for p in long
            ]
        }
    }
    return Q(
        "function_score",
        query=ranked,
        boost_mode="multiply",
        functions=[{"filter": anywhere, "weight": common.PHRASE_ANYWHERE}],
    )


def _nested(query: Q, **options) -> Q:
    return Q("nested", path=NESTED, query=query, **options)


class ElasticEngine:
    name = "elasticsearch"

    def __init__(
        self,
        url: str,
        index_prefix: str = "dautieng",
        replicas: int | None = None,
        client: Elasticsearch | None = None,
    ):
        if not _PREFIX_RE.match(index_prefix):
            raise ValueError(
                f"index prefix {index_prefix!r}: use lowercase letters, digits, '-', '_' "
                "and '.', starting with a letter or digit"
            )
        # Nodes, credentials, TLS, shards and replicas from settings (es_cluster.py).
        self.cluster = ClusterConfig.from_settings(url)
        self.url = self.cluster.display  # never with credentials
        self.alias = index_prefix
        self.replicas = self.cluster.replicas if replicas is None else replicas
        connect = _setting("SEARCH_ES_CONNECT_TIMEOUT", CONNECT_TIMEOUT)
        read = _setting("SEARCH_ES_TIMEOUT", REQUEST_TIMEOUT)
        self._node_class = _node_class(connect, read)
        # Short timeouts, no retry on a timeout: a dead cluster must cost the visitor one fast
        # failure. A node that refuses connections is retried on another node (es_cluster.py).
        self.client = client or Elasticsearch(**self.cluster.client_options(), node_class=self._node_class)
        self._write_client = self.client.options(
            request_timeout=_setting("SEARCH_ES_WRITE_TIMEOUT", WRITE_TIMEOUT)
        )
        self._bulk_client = self.client.options(request_timeout=BULK_TIMEOUT)
        self._name_re = re.compile(rf"^{re.escape(index_prefix)}-\d{{14}}-[0-9a-f]{{6}}$")
        self._vocab_lock = threading.Lock()
        self._vocab: tuple[float, object, Vocabulary] | None = None

    # -- plumbing ------------------------------------------------------------------------------

    def _unavailable(self, exc: Exception, what: str) -> EngineUnavailable:
        if describe_error(exc):
            detail = describe_error(exc)
        elif isinstance(exc, NotFoundError):
            detail = f"index {self.alias!r} does not exist yet (run `manage.py search_index rebuild`)"
        elif isinstance(exc, ApiError):
            detail = f"HTTP {exc.meta.status}: {exc.message} {str(exc.info)[:300]}"
        else:
            detail = f"{type(exc).__name__}: {exc}"
        return EngineUnavailable(f"Elasticsearch at {self.url}, {what}: {detail}")

    def _call(self, what: str, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (TransportError, ApiError, helpers.BulkIndexError) as exc:
            raise self._unavailable(exc, what) from exc

    def _new_index_name(self) -> str:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S")
        return f"{self.alias}-{stamp}-{secrets.token_hex(3)}"

    def _create_index(self, name: str, loading: bool = False) -> None:
        settings = {
            "number_of_shards": self.cluster.shards,
            "number_of_replicas": 0 if loading else self.replicas,
            "refresh_interval": "-1" if loading else None,
        }
        mappings = CatalogueItem._doc_type.mapping.to_dict()
        mappings["_meta"] = {"layout": LAYOUT}
        self.client.options(request_timeout=30).indices.create(
            index=name, settings={k: v for k, v in settings.items() if v is not None}, mappings=mappings
        )

    def _alias_targets(self) -> list[str]:
        try:
            return sorted(self.client.indices.get_alias(name=self.alias).body)
        except NotFoundError:
            return []

    def _ensure_index(self) -> None:
        if self._alias_targets():
            return
        name = self._new_index_name()
        self._create_index(name)
        self.client.indices.update_aliases(actions=[{"add": {"index": name, "alias": self.alias}}])

    def _search(self) -> Search:
        return Search(using=self.client, index=self.alias)

    def _bulk(self, operations: list[dict], refresh: bool = True) -> None:
        for i in range(0, len(operations), 2 * _BULK_CHUNK):
            chunk = operations[i : i + 2 * _BULK_CHUNK]
            last = i + 2 * _BULK_CHUNK >= len(operations)
            resp = self._write_client.bulk(operations=chunk, refresh=refresh and last)
            errors = [next(iter(it.values())) for it in resp["items"] if next(iter(it.values())).get("error")]
            if errors:
                raise EngineUnavailable(
                    f"Elasticsearch at {self.url} rejected {len(errors)} "
                    f"item(s): {errors[0].get('_id')}: {errors[0]['error']}"
                )

    def _stored(self, refs: Iterable[str]) -> dict[str, dict[str, dict]]:
        """{ref: {locale: translation}} of the stored items (real-time `mget`)."""
        refs = sorted(set(refs))
        if not refs:
            return {}
        resp = self._write_client.mget(index=self.alias, ids=refs)
        return {
            d["_id"]: {t["locale"]: t for t in d["_source"].get(NESTED) or []}
            for d in resp["docs"]
            if d.get("found")
        }

    def _write_items(self, changes: dict[str, dict[str, dict | None]]) -> None:
        """Apply {ref: {locale: translation, or None to remove it}} to the stored items."""
        stored = self._stored(changes)
        ops: list[dict] = []
        for ref, wanted in changes.items():
            translations = dict(stored.get(ref, {}))
            for loc, body in wanted.items():
                if body is None:
                    translations.pop(loc, None)
                else:
                    translations[loc] = body
            if translations:
                ops += [{"index": {"_id": ref, "_index": self.alias}}, _item(ref, translations)]
            elif ref in stored:
                ops.append({"delete": {"_id": ref, "_index": self.alias}})
        if ops:
            self._bulk(ops)

    # -- writing -------------------------------------------------------------------------------

    def index(self, docs: Iterable[SearchDocument]) -> int:
        docs = list(docs)
        if not docs:
            return 0
        changes: dict[str, dict[str, dict | None]] = {}
        for d in docs:
            changes.setdefault(d.ref, {})[d.locale] = _translation(d)
        try:
            self._call("indexing", self._ensure_index)
            self._call("indexing", self._write_items, changes)
        finally:
            self._forget_vocabulary()
        return len(docs)

    def delete(self, keys: Iterable[str]) -> int:
        changes: dict[str, dict[str, dict | None]] = {}
        for key in dict.fromkeys(keys):
            ref, _, locale = key.rpartition(":")
            changes.setdefault(ref, {})[locale] = None
        if not changes:
            return 0
        try:
            return self._call("deleting", self._delete, changes)
        finally:
            self._forget_vocabulary()

    def _delete(self, changes: dict[str, dict[str, None]]) -> int:
        if not self._alias_targets():
            return 0
        stored = self._stored(changes)
        removed = sum(1 for ref, locs in changes.items() for loc in locs if loc in stored.get(ref, {}))
        self._write_items({ref: locs for ref, locs in changes.items() if ref in stored})
        return removed

    def rebuild(
        self, docs: Iterable[SearchDocument], total: int | None = None, progress: Progress | None = None
    ) -> int:
        name = self._new_index_name()
        try:
            self._call("creating a new index", self._create_index, name, True)
            n = self._call("loading the new index", self._load, name, docs, total, progress)
            self._call("switching to the new index", self._swap, name)
        except BaseException:
            try:
                self.client.options(ignore_status=404).indices.delete(index=name)
            except (TransportError, ApiError):
                log.warning("could not delete the half-built index %s", name)
            raise
        finally:
            self._forget_vocabulary()
        return n

    def _load(
        self, name: str, docs: Iterable[SearchDocument], total: int | None, progress: Progress | None
    ) -> int:
        items: dict[str, dict[str, dict]] = {}
        count = 0
        for d in docs:
            items.setdefault(d.ref, {})[d.locale] = _translation(d)
            count += 1
            if progress and count % _BULK_CHUNK == 0:
                progress(count, total or count)

        def actions():
            for ref, translations in items.items():
                yield {"_index": name, "_id": ref, "_source": _item(ref, translations)}

        for _ok, _info in helpers.streaming_bulk(
            self._bulk_client,
            actions(),
            chunk_size=_BULK_CHUNK,
            max_retries=3,
            initial_backoff=1,
            max_backoff=10,
        ):
            pass
        client = self.client.options(request_timeout=BULK_TIMEOUT)
        client.indices.put_settings(
            index=name, settings={"refresh_interval": None, "number_of_replicas": self.replicas}
        )
        client.indices.refresh(index=name)
        if progress:
            progress(count, total or count)
        return count

    def _swap(self, name: str) -> None:
        old = self._alias_targets()
        actions = [{"remove": {"index": i, "alias": self.alias}} for i in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)  # atomic: readers see old, then new
        stale = set(old)
        try:
            stale |= {
                i
                for i in self.client.indices.get(index=f"{self.alias}-*", expand_wildcards="open,closed")
                if self._name_re.match(i)
            }
        except NotFoundError:
            pass
        stale.discard(name)
        for index in sorted(stale):
            self.client.options(ignore_status=404, request_timeout=30).indices.delete(index=index)

    def drop_indices(self) -> None:
        """Delete the alias and every index of this prefix (tests clean up with it)."""
        names = set(self._alias_targets())
        try:
            names |= {
                i
                for i in self.client.indices.get(index=f"{self.alias}-*", expand_wildcards="open,closed")
                if self._name_re.match(i)
            }
        except NotFoundError:
            pass
        for index in sorted(names):
            self.client.options(ignore_status=404, request_timeout=30).indices.delete(index=index)
        self._forget_vocabulary()

    # -- vocabulary ----------------------------------------------------------------------------

    def _forget_vocabulary(self) -> None:
        with self._vocab_lock:
            self._vocab = None
        _bump_vocabulary_generation()

    def vocabulary(self) -> Vocabulary:
        ttl = _setting("SEARCH_VOCABULARY_TTL", VOCABULARY_TTL)
        # The generation is shared through the default cache (Redis when several servers run):
        # a word published through another server is known here at once, not after the TTL.
        generation = _vocabulary_generation()
        with self._vocab_lock:
            cached = self._vocab
            if cached is not None and time.monotonic() - cached[0] < ttl and cached[1] == generation:
                return cached[2]
            vocab = self._call("reading the vocabulary", self._read_vocabulary)
            self._vocab = (time.monotonic(), generation, vocab)
            return vocab

    def _read_vocabulary(self) -> Vocabulary:
        """Every token with the translations holding it, and the surface keys."""
        terms: dict[str, int] = {}
        surfaces: set[str] = set()
        for field in ("vocab", "surface"):
            after = None
            while True:
                composite = {
                    "size": _VOCAB_PAGE,
                    "sources": [{"t": {"terms": {"field": f"{NESTED}.{field}"}}}],
                }
                if after:
                    composite["after"] = after
                try:
                    resp = self.client.search(
                        index=self.alias,
                        size=0,
                        track_total_hits=False,
                        aggs={"n": {"nested": {"path": NESTED}, "aggs": {"v": {"composite": composite}}}},
                    )
                except NotFoundError:
                    return Vocabulary()
                agg = resp["aggregations"]["n"]["v"]
                for bucket in agg["buckets"]:
                    if field == "vocab":
                        terms[bucket["key"]["t"]] = bucket["doc_count"]
                    else:
                        surfaces.add(bucket["key"]["t"])
                after = agg.get("after_key")
                if not after or len(agg["buckets"]) < _VOCAB_PAGE:
                    break
        return Vocabulary(terms, frozenset(surfaces))

    # -- searching -----------------------------------------------------------------------------

    @staticmethod
    def _filters(plan: Plan) -> list[Q]:
        f = plan.filters
        out = [Q("terms", item_facets=[f"{name}={v}" for v in values]) for name, values in f.facets()]
        if f.upcoming:
            out.append(Q("term", item_kind="fair"))
            out.append(Q("range", item_end={"gte": f.reference_day().isoformat()}))
        return out

    @staticmethod
    def _facet_agg(aggs) -> None:
        aggs.bucket("facets", "terms", field="item_facets", size=_FACET_BUCKETS)

    @staticmethod
    def _facet_counts(bucket: dict) -> dict[str, dict[str, int]]:
        return common.ordered_facets(
            (b["key"].partition("=")[0], b["key"].partition("=")[2], b["doc_count"])
            for b in bucket["facets"]["buckets"]
        )

    def search(self, query: Plan, lang: str, page: int = 1, page_size: int = 10) -> SearchResults:
        plan = query
        if not plan.tiers:
            return SearchResults(total=0, hits=[], facets=common.empty_facets(), engine=self.name)
        n = len(plan.tiers)
        excluded = [_match_query(m) for m in plan.excluded]
        bands = [
            Q("bool", must=[_ranked(_tier_query(t), t.phrases)], boost=TIER_SCALE ** (n - 1 - i))
            for i, t in enumerate(plan.tiers)
        ]
        best = {"size": 1, "_source": [f"{NESTED}.locale", f"{NESTED}.show", f"{NESTED}.tags"]}
        q = Q(
            "bool",
            filter=self._filters(plan),
            must=[
                _nested(
                    Q("bool", must=[Q("dis_max", queries=bands, tie_breaker=0.0)], must_not=excluded),
                    score_mode="max",
                    inner_hits=best,
                )
            ],
        )
        start = (page - 1) * page_size
        s = (
            self._search()
            .query(q)
            .sort({"_score": "desc"}, {"ref": "asc"})
            .source(["ref", "item_kind", f"shown.{lang}", f"shown.{SOURCE_LOCALE}"])
            .extra(from_=start, size=page_size, track_total_hits=True, track_scores=True)
        )
        self._facet_agg(s.aggs)
        # The items of the tiers up to i (with their facets where a later tier is conditional:
        # then the answer may end at tier i), to decide in the same request which tiers count.
        for i in range(n - 1):
            upto = _nested(
                Q(
                    "bool",
                    should=[_tier_query(t) for t in plan.tiers[: i + 1]],
                    minimum_should_match=1,
                    must_not=excluded,
                )
            )
            agg = s.aggs.bucket(f"upto{i}", "filter", filter=upto)
            if any(t.conditional for t in plan.tiers[i + 1 :]):
                self._facet_agg(agg)
        resp = self._call("searching", s.execute).to_dict()
        aggs = resp["aggregations"]
        upto = [int(aggs[f"upto{i}"]["doc_count"]) for i in range(n - 1)]
        upto.append(int(resp["hits"]["total"]["value"]))
        counted, last = 0, -1
        for i, tier in enumerate(plan.tiers):
            if not tier.counts(counted, plan.relax_below):
                break
            counted, last = upto[i], i
        upto = upto[: last + 1]
        if last < 0:
            total, facets, hits = 0, common.empty_facets(), []
        else:
            total = upto[last]
            facets = self._facet_counts(aggs if last == n - 1 else aggs[f"upto{last}"])
            hits = [h for h in resp["hits"]["hits"] if self._tier(h, n) <= last]
        counts = {plan.tiers[i].name: c - (upto[i - 1] if i else 0) for i, c in enumerate(upto)}
        out = [self._hit(h, self._tier(h, n), plan, lang) for h in hits]
        return SearchResults(
            total=total,
            hits=out,
            facets=facets if total else common.empty_facets(),
            engine=self.name,
            tier_counts={k: v for k, v in counts.items() if v},
        )

    @staticmethod
    def _best(hit: dict) -> dict:
        inner = hit.get("inner_hits", {}).get(NESTED, {}).get("hits", {}).get("hits") or [{}]
        return inner[0]

    @staticmethod
    def _tier(hit: dict, tiers: int) -> int:
        """The tier a hit matched in, read off its score's band (named queries would tell as
        well, but make ES evaluate every tier again for each inner hit: several times slower).
        A relevance score lies between 1e-8 and 1e7, far within one band."""
        score = hit.get("_score") or 0.0
        band = int((math.log10(score) + 8) // 15) if score > 0 else 0
        return min(tiers - 1, max(0, tiers - 1 - band))

    def _shown(self, hit: dict, lang: str) -> tuple[str, dict, dict]:
        """(locale, display fields) of the translation a hit is shown in, and the best one."""
        src = hit["_source"]
        best = self._best(hit).get("_source") or {}
        own = best.get("locale")
        available = dict(src.get("shown") or {})
        if own:
            available.setdefault(own, best.get("show") or {})
        locale = common.shown_locale(available, lang, own)
        return locale, available[locale], best

    def _hit(self, hit: dict, tier: int, plan: Plan, lang: str) -> Hit:
        src = hit["_source"]
        locale, show, best = self._shown(hit, lang)
        own = best.get("show") or {}
        return Hit(
            ref=src["ref"],
            kind=src.get("item_kind") or "",
            locale=locale,
            title=show["title"],
            url=show["url"],
            snippet=make_snippet((show.get("summary", ""), show.get("text", "")), plan),
            score=round((hit.get("_score") or 0.0) / TIER_SCALE ** (len(plan.tiers) - 1 - tier), 4),
            image_url=show.get("image_url", ""),
            facts=dict(show.get("facts") or {}),
            match=plan.tiers[tier].name,
            matched_text="\n".join((own.get("title", ""), own.get("summary", ""), own.get("text", ""))),
            matched_tags=best.get("tags") or "",
        )

    def autocomplete(self, prefix: str, lang: str, limit: int = 8) -> list[Suggestion]:
        tokens = analyze(prefix[:200], stemming=False)
        if not tokens or limit < 1:
            return []
        typed = Q(
            "match_phrase_prefix", **{f"{NESTED}.ac": {"query": " ".join(tokens), "max_expansions": 200}}
        )
        best = {"size": 1, "_source": [f"{NESTED}.locale", f"{NESTED}.show.title", f"{NESTED}.show.url"]}
        shortest = {
            f"{NESTED}.title_len": {
                "order": "asc",
                "mode": "min",
                "nested": {"path": NESTED, "filter": typed.to_dict()},
            }
        }
        s = (
            self._search()
            .query(_nested(typed, score_mode="max", inner_hits=best))
            .sort({"_score": "desc"}, shortest, {"ref": "asc"})
            .source(
                [
                    "ref",
                    "item_kind",
                    f"shown.{lang}.title",
                    f"shown.{lang}.url",
                    f"shown.{SOURCE_LOCALE}.title",
                    f"shown.{SOURCE_LOCALE}.url",
                ]
            )
            .extra(size=limit, track_total_hits=False, track_scores=True)
        )
        resp = self._call("autocomplete", s.execute).to_dict()
        out = []
        for h in resp["hits"]["hits"]:
            locale, show, _ = self._shown(h, lang)
            out.append(
                Suggestion(
                    ref=h["_source"]["ref"],
                    kind=h["_source"].get("item_kind") or "",
                    title=show["title"],
                    url=show["url"],
                    locale=locale,
                )
            )
        return out

    def health(self) -> Health:
        nodes = [vars(n) for n in node_health(self.cluster, node_class=self._node_class)]
        t0 = time.perf_counter()
        try:
            cluster = self.client.cluster.health()
            targets = self._alias_targets()
            if not targets:
                return Health(
                    ok=False,
                    detail=f"Elasticsearch at {self.url} ({cluster['status']}): "
                    f"index {self.alias!r} not built yet",
                    nodes=nodes,
                )
            meta = self.client.indices.get_mapping(index=self.alias).body
            layouts = {(m.get("mappings", {}).get("_meta") or {}).get("layout") for m in meta.values()}
            if layouts != {LAYOUT}:
                return Health(
                    ok=False,
                    detail=f"Elasticsearch at {self.url}: index {self.alias!r} "
                    f"has an older layout; run `manage.py search_index "
                    f"rebuild`",
                    nodes=nodes,
                )
            resp = self.client.search(
                index=self.alias,
                size=0,
                track_total_hits=False,
                aggs={
                    "n": {
                        "nested": {"path": NESTED},
                        "aggs": {"locales": {"terms": {"field": f"{NESTED}.locale", "size": 100}}},
                    }
                },
            )
        except (TransportError, ApiError) as exc:
            return Health(ok=False, detail=str(self._unavailable(exc, "health")), nodes=nodes)
        counts = {b["key"]: b["doc_count"] for b in resp["aggregations"]["n"]["locales"]["buckets"]}
        ms = (time.perf_counter() - t0) * 1000
        status = cluster["status"]
        return Health(
            ok=status in ("green", "yellow"),
            detail=f"Elasticsearch at {self.url}, index {self.alias!r}, cluster {status} ({ms:.0f} ms)",
            documents=counts,
            nodes=nodes,
        )
