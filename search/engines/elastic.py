"""Elasticsearch engine, through the client's DSL (`elasticsearch.dsl`).

Same behaviour as the embedded engine (`sqlite.py`), checked by the same contract suite:

* Index layout: one document per translation, `_id` = "ref:locale". The searchable fields hold
  the tokens of `common.analyse`, joined by spaces, under the plain `whitespace` analyzer, so
  ES never analyses language itself (the integ-test distribution has no analysis-common module
  anyway, and no scripting either: everything below is plain query DSL). `show` keeps the
  original fields of the translation for display and snippets (stored in `_source`, never
  indexed).
* Item-level fields, written on every translation of an item: `item_kind`, `item_end`,
  `item_facets` ("name=value" strings) from `common.item_values`, and `shown` — the display
  fields of the item's other translations — so a hit can be shown in the visitor's language
  from the hit itself: a search is one request (no `_mget`).
* Ranking: bm25 over the weighted fields (`combined_fields`), times the ranking factors
  (`function_score`, see base.py), per tier; tier t of n gets a query boost of
  `TIER_SCALE ** (n - 1 - t)` and the tiers are combined by `dis_max`, so a document scores in
  the band of the strictest tier it satisfies (bm25 scores span far less than `TIER_SCALE`).
  Named queries tell which tier a hit matched in.
* One hit per item: `collapse` on `ref`, best-scoring translation first, ties by ref.
* Totals and facet counts are distinct refs (`cardinality` aggregation; exact in practice below
  its 40,000 precision threshold, which is far beyond this catalogue). A plan with conditional
  tiers also counts the tiers up to each one (`filter` aggregations) to decide, in the same
  request, which tiers count.
* Autocomplete: `match_phrase_prefix` over the unstemmed folded title words; the field has
  `index_prefixes` so a 1–10 character prefix is a single term lookup, not an expansion.
* Vocabulary: keyword fields with each document's distinct tokens (`vocab`) and surface keys
  (`surface`), read with `composite` aggregations and kept in memory for
  `SEARCH_VOCABULARY_TTL` seconds (renewed at once after this process writes).
* `rebuild` loads a new `<prefix>-<timestamp>-<rand>` index and swaps the `<prefix>` alias
  atomically, then deletes the old indices: searches never see a half-built index.
* Short timeouts on the request path (`SEARCH_ES_CONNECT_TIMEOUT`, `SEARCH_ES_TIMEOUT`), no
  retries; every transport or API error becomes `EngineUnavailable` so the service can fall
  back to the embedded engine (and open its circuit breaker, search/breaker.py).
"""
from __future__ import annotations

import datetime as dt
import logging
import re
import secrets
import threading
import time
from collections.abc import Iterable
from typing import Any

import urllib3
from elastic_transport import TransportError, Urllib3HttpNode
from elasticsearch import ApiError, Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import Date, Document, Integer, Keyword, Object, Q, Search, Text

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
from search.query import Match, Plan, Tier
from search.snippets import make_snippet
from search.text import analyze
from search.vocabulary import Vocabulary

log = logging.getLogger(__name__)

FIELDS = [f"{name}^{weight:g}" for name, weight in common.FIELD_WEIGHTS.items()]
TIER_SCALE = 1e15
_PRECISION = 40_000  # cardinality: counts below this are exact in practice
_FACET_BUCKETS = 5_000
_BULK_CHUNK = 500
_VOCAB_PAGE = 10_000
CONNECT_TIMEOUT = 0.5
REQUEST_TIMEOUT = 1.5
WRITE_TIMEOUT = 10.0
BULK_TIMEOUT = 120.0
VOCABULARY_TTL = 60.0
_PREFIX_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,100}$")
_SOURCE = ["ref", "locale", "kind", "item_kind", "show", "tags"]


class CatalogueDoc(Document):
    """The mapping; documents are written as plain dicts by the bulk helpers."""

    ref = Keyword()
    locale = Keyword()
    kind = Keyword()
    item_kind = Keyword()
    item_end = Date()
    item_facets = Keyword()  # "commune=long-hoa", "kind=product", …
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
    show = Object(enabled=False)  # this translation: title, url, summary, text, image_url, facts
    shown = Object(enabled=False)  # the item's other translations, by locale, the same fields


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


def _summary(src: dict) -> dict[str, Any]:
    """What item-level values are computed from, out of a stored or new document."""
    show = src.get("show") or {}
    return {"kind": src["kind"], "end": src.get("end"), "facets": show.get("facets") or {},
            "show": {k: v for k, v in show.items() if k != "facets"}}


def _item_fields(translations: dict[str, dict], own: str) -> dict[str, Any]:
    """The item-level fields of the translation `own` of an item ({locale: _summary})."""
    values = common.item_values(translations)
    return {"item_kind": values["kind"], "item_end": values["end"],
            "item_facets": sorted(f"{name}={value}" for name, value in values["facets"]),
            "shown": {loc: t["show"] for loc, t in translations.items() if loc != own}}


def _stored_item(src: dict) -> dict[str, Any]:
    return {"item_kind": src.get("item_kind"), "item_end": src.get("item_end"),
            "item_facets": sorted(src.get("item_facets") or []), "shown": src.get("shown") or {}}


def _doc_body(doc: SearchDocument) -> dict[str, Any]:
    analysed = common.analyse(doc)
    facets = {k: list(v) for k, v in doc.facets.items() if v}
    body = {
        "ref": doc.ref, "locale": doc.locale, "kind": doc.kind,
        "published": _date(doc.published), "start": _date(doc.start), "end": _date(doc.end),
        **{name: " ".join(toks) for name, toks in analysed.fields.items()},
        "title_key": analysed.title_key,
        "ac": " ".join(analysed.autocomplete),
        "title_len": analysed.title_len,
        "vocab": list(analysed.vocabulary),
        "surface": list(analysed.surfaces),
        "show": {**common.display(doc), "facets": facets},
    }
    body.update(_item_fields({doc.locale: _summary(body)}, doc.locale))
    return body


def _match_query(m: Match) -> Q:
    """One `Match` of the plan over all fields.

    Scored like FTS5's bm25: `combined_fields` is BM25F (term frequencies of all fields, weighted,
    saturate once per document), not a sum of per-field scores that would reward the same word
    repeated in every field. A phrase must also occur, adjacent and in order, within one field
    (as in FTS5): that is a non-scoring filter beside the scored terms.
    """
    words = " ".join(m.tokens)
    if m.mode == "some":
        return Q("combined_fields", query=words, fields=FIELDS, operator="or",
                 minimum_should_match=max(1, min(m.minimum, len(m.tokens))), boost=m.weight)
    if m.mode == "prefix":
        *head, last = m.tokens
        per_field = []
        for name in common.FIELDS:
            span = {"span_multi": {"match": {"prefix": {name: {"value": last}}}}}
            if head:
                span = {"span_near": {"clauses": [{"span_term": {name: t}} for t in head] + [span],
                                      "slop": 0, "in_order": True}}
            per_field.append(Q(span))
        return Q("bool", should=per_field, minimum_should_match=1, boost=m.weight)
    scored = Q("combined_fields", query=words, fields=FIELDS, operator="and", boost=m.weight)
    if len(m.tokens) == 1:
        return scored
    return Q("bool", must=[scored], filter=[Q("multi_match", query=words, type="phrase",
                                              fields=list(common.FIELDS))])


def _clause_query(options: tuple[Match, ...]) -> Q:
    return Q("bool", should=[_match_query(o) for o in options], minimum_should_match=1)


def _tier_query(tier: Tier) -> Q:
    clauses = [_clause_query(c) for c in tier.clauses]
    needs = [Q("bool", should=[_match_query(m) for m in tier.needs], minimum_should_match=1)
             ] if tier.needs else []
    if tier.is_all:
        return Q("bool", must=clauses, filter=needs)
    required = [clauses[i] for i in sorted(tier.required)]
    droppable = [q for i, q in enumerate(clauses) if i not in tier.required]
    return Q("bool", must=required, should=droppable, filter=needs,
             minimum_should_match=tier.minimum - len(tier.required))


def _span_phrase(field: str, phrase: tuple[str, ...]) -> dict:
    if len(phrase) == 1:
        return {"span_term": {field: phrase[0]}}
    return {"span_near": {"clauses": [{"span_term": {field: t}} for t in phrase], "slop": 0,
                          "in_order": True}}


def _ranked(query: Q, phrases: tuple[tuple[str, ...], ...]) -> Q:
    """The ranking factors of base.py: title (the largest that holds) times phrase."""
    phrases = tuple(p for p in phrases if p)
    if not phrases:
        return query
    title = Q("function_score", query=query, score_mode="max", boost_mode="multiply", functions=[
        {"filter": {"terms": {"title_key": sorted({" ".join(p) for p in phrases})}},
         "weight": common.TITLE_EXACT},
        {"filter": {"bool": {"should": [
            {"span_first": {"match": _span_phrase("title", p), "end": len(p)}} for p in phrases]}},
         "weight": common.TITLE_PREFIX},
        {"filter": {"bool": {"should": [{"match_phrase": {"title": " ".join(p)}} for p in phrases]}},
         "weight": common.TITLE_PHRASE},
    ])
    long = [p for p in phrases if len(p) > 1]
    if not long:
        return title
    anywhere = {"bool": {"should": [
        {"multi_match": {"query": " ".join(p), "type": "phrase", "fields": list(common.FIELDS)}}
        for p in long]}}
    return Q("function_score", query=title, boost_mode="multiply",
             functions=[{"filter": anywhere, "weight": common.PHRASE_ANYWHERE}])


class ElasticEngine:
    name = "elasticsearch"

    def __init__(self, url: str, index_prefix: str = "dautieng", replicas: int = 0,
                 client: Elasticsearch | None = None):
        if not _PREFIX_RE.match(index_prefix):
            raise ValueError(f"index prefix {index_prefix!r}: use lowercase letters, digits, '-', '_' "
                             "and '.', starting with a letter or digit")
        self.url = url
        self.alias = index_prefix
        self.replicas = replicas
        connect = _setting("SEARCH_ES_CONNECT_TIMEOUT", CONNECT_TIMEOUT)
        read = _setting("SEARCH_ES_TIMEOUT", REQUEST_TIMEOUT)
        # No retries and short timeouts: a dead cluster must cost the visitor one fast failure.
        self.client = client or Elasticsearch(url, node_class=_node_class(connect, read),
                                              max_retries=0, retry_on_timeout=False)
        self._write_client = self.client.options(
            request_timeout=_setting("SEARCH_ES_WRITE_TIMEOUT", WRITE_TIMEOUT))
        self._bulk_client = self.client.options(request_timeout=BULK_TIMEOUT)
        self._name_re = re.compile(rf"^{re.escape(index_prefix)}-\d{{14}}-[0-9a-f]{{6}}$")
        self._vocab_lock = threading.Lock()
        self._vocab: tuple[float, Vocabulary] | None = None

    # -- plumbing ------------------------------------------------------------------------------

    def _unavailable(self, exc: Exception, what: str) -> EngineUnavailable:
        if isinstance(exc, NotFoundError):
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
        settings = {"number_of_shards": 1, "number_of_replicas": 0 if loading else self.replicas,
                    "refresh_interval": "-1" if loading else None}
        self.client.options(request_timeout=30).indices.create(
            index=name, settings={k: v for k, v in settings.items() if v is not None},
            mappings=CatalogueDoc._doc_type.mapping.to_dict())

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

    def _bulk(self, operations: list[dict], refresh: bool = True) -> list[dict]:
        items: list[dict] = []
        for i in range(0, len(operations), 2 * _BULK_CHUNK):
            chunk = operations[i : i + 2 * _BULK_CHUNK]
            last = i + 2 * _BULK_CHUNK >= len(operations)
            resp = self._write_client.bulk(operations=chunk, refresh=refresh and last)
            items.extend(resp["items"])
        return items

    def _translations(self, refs: Iterable[str], locales: Iterable[str]) -> dict[str, dict[str, dict]]:
        """{ref: {locale: _source}} for every stored translation (real-time mget)."""
        ids = [f"{ref}:{loc}" for ref in refs for loc in sorted(set(locales))]
        out: dict[str, dict[str, dict]] = {}
        if not ids:
            return out
        resp = self._write_client.mget(index=self.alias, ids=ids)
        for d in resp["docs"]:
            if d.get("found"):
                src = d["_source"]
                out.setdefault(src["ref"], {})[src["locale"]] = src
        return out

    def _item_updates(self, refs: set[str], stored: dict[str, dict[str, dict]],
                      written: dict[str, dict[str, dict]]) -> list[dict]:
        """Stored translations whose item-level fields change, written again whole (a partial
        update would merge `shown` into the old one and keep translations that are gone)."""
        ops: list[dict] = []
        for ref in refs:
            current = {loc: _summary(src) for loc, src in stored.get(ref, {}).items()}
            current.update(written.get(ref, {}))
            for loc, src in stored.get(ref, {}).items():
                if loc in written.get(ref, {}) or loc not in current:
                    continue
                item = _item_fields(current, loc)
                if _stored_item(src) != item:
                    ops += [{"index": {"_id": f"{ref}:{loc}", "_index": self.alias}},
                            {**src, **item}]
        return ops

    def _locales(self, extra: Iterable[str] = ()) -> set[str]:
        from search.documents import LOCALES

        return set(LOCALES) | set(extra)

    # -- writing -------------------------------------------------------------------------------

    def index(self, docs: Iterable[SearchDocument]) -> int:
        docs = list(docs)
        if not docs:
            return 0
        try:
            return self._call("indexing", self._index, docs)
        finally:
            self._forget_vocabulary()

    def _index(self, docs: list[SearchDocument]) -> int:
        self._ensure_index()
        refs = {d.ref for d in docs}
        stored = self._translations(refs, self._locales(d.locale for d in docs))
        bodies: dict[str, dict] = {}
        written: dict[str, dict[str, dict]] = {}
        for d in docs:
            body = _doc_body(d)
            bodies[d.key] = body
            written.setdefault(d.ref, {})[d.locale] = _summary(body)
        ops: list[dict] = []
        for key, body in bodies.items():
            current = {loc: _summary(src) for loc, src in stored.get(body["ref"], {}).items()}
            current.update(written[body["ref"]])
            body.update(_item_fields(current, body["locale"]))
            ops += [{"index": {"_id": key, "_index": self.alias}}, body]
        ops += self._item_updates(refs, stored, written)
        items = self._bulk(ops)
        errors = [next(iter(it.values())) for it in items if next(iter(it.values())).get("error")]
        if errors:
            raise EngineUnavailable(f"Elasticsearch at {self.url} rejected {len(errors)} document(s): "
                                    f"{errors[0].get('_id')}: {errors[0]['error']}")
        return len(docs)

    def delete(self, keys: Iterable[str]) -> int:
        keys = list(dict.fromkeys(keys))
        if not keys:
            return 0
        try:
            return self._call("deleting", self._delete, keys)
        finally:
            self._forget_vocabulary()

    def _delete(self, keys: list[str]) -> int:
        if not self._alias_targets():
            return 0
        ops = [{"delete": {"_id": key, "_index": self.alias}} for key in keys]
        items = self._bulk(ops, refresh=False)
        deleted = [it["delete"]["_id"] for it in items if it["delete"].get("result") == "deleted"]
        refs = {key.rpartition(":")[0] for key in deleted}
        stored = self._translations(refs, self._locales(k.rpartition(":")[2] for k in keys))
        updates = self._item_updates(refs, stored, {})
        if updates:
            self._bulk(updates)
        else:
            self.client.indices.refresh(index=self.alias)
        return len(deleted)

    def rebuild(self, docs: Iterable[SearchDocument], total: int | None = None,
                progress: Progress | None = None) -> int:
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

    def _load(self, name: str, docs: Iterable[SearchDocument], total: int | None,
              progress: Progress | None) -> int:
        # Translations are grouped by item first, so every document is written once with its
        # item-level fields (the union of facets, the other translations to show).
        items: dict[str, dict[str, dict]] = {}
        for d in docs:
            items.setdefault(d.ref, {})[d.locale] = _doc_body(d)
        count = 0

        def actions():
            for translations in items.values():
                summaries = {loc: _summary(body) for loc, body in translations.items()}
                for loc, body in translations.items():
                    body.update(_item_fields(summaries, loc))
                    yield {"_index": name, "_id": f"{body['ref']}:{loc}", "_source": body}

        for _ok, _info in helpers.streaming_bulk(self._bulk_client, actions(), chunk_size=_BULK_CHUNK,
                                                 max_retries=3, initial_backoff=1, max_backoff=10):
            count += 1
            if progress and count % _BULK_CHUNK == 0:
                progress(count, total or count)
        client = self.client.options(request_timeout=BULK_TIMEOUT)
        client.indices.put_settings(index=name, settings={
            "refresh_interval": None, "number_of_replicas": self.replicas})
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
            stale |= {i for i in self.client.indices.get(index=f"{self.alias}-*",
                                                         expand_wildcards="open,closed")
                      if self._name_re.match(i)}
        except NotFoundError:
            pass
        stale.discard(name)
        for index in sorted(stale):
            self.client.options(ignore_status=404, request_timeout=30).indices.delete(index=index)

    def drop_indices(self) -> None:
        """Delete the alias and every index of this prefix (tests clean up with it)."""
        names = set(self._alias_targets())
        try:
            names |= {i for i in self.client.indices.get(index=f"{self.alias}-*",
                                                         expand_wildcards="open,closed")
                      if self._name_re.match(i)}
        except NotFoundError:
            pass
        for index in sorted(names):
            self.client.options(ignore_status=404, request_timeout=30).indices.delete(index=index)
        self._forget_vocabulary()

    # -- vocabulary ----------------------------------------------------------------------------

    def _forget_vocabulary(self) -> None:
        with self._vocab_lock:
            self._vocab = None

    def vocabulary(self) -> Vocabulary:
        ttl = _setting("SEARCH_VOCABULARY_TTL", VOCABULARY_TTL)
        with self._vocab_lock:
            cached = self._vocab
            if cached is not None and time.monotonic() - cached[0] < ttl:
                return cached[1]
            vocab = self._call("reading the vocabulary", self._read_vocabulary)
            self._vocab = (time.monotonic(), vocab)
            return vocab

    def _read_vocabulary(self) -> Vocabulary:
        terms: dict[str, int] = {}
        surfaces: set[str] = set()
        for field, into in (("vocab", terms), ("surface", None)):
            after = None
            while True:
                composite = {"size": _VOCAB_PAGE, "sources": [{"t": {"terms": {"field": field}}}]}
                if after:
                    composite["after"] = after
                try:
                    resp = self.client.search(index=self.alias, size=0, track_total_hits=False,
                                              aggs={"v": {"composite": composite}})
                except NotFoundError:
                    return Vocabulary()
                agg = resp["aggregations"]["v"]
                for bucket in agg["buckets"]:
                    if into is None:
                        surfaces.add(bucket["key"]["t"])
                    else:
                        into[bucket["key"]["t"]] = bucket["doc_count"]
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
    def _count_aggs(aggs) -> None:
        """Items and facet counts under `aggs` (a search's aggregations or a bucket)."""
        aggs.metric("items", "cardinality", field="ref", precision_threshold=_PRECISION)
        aggs.bucket("facets", "terms", field="item_facets", size=_FACET_BUCKETS).metric(
            "items", "cardinality", field="ref", precision_threshold=_PRECISION)

    @staticmethod
    def _counts(aggs: dict) -> tuple[int, dict[str, dict[str, int]]]:
        rows = [(b["key"].partition("=")[0], b["key"].partition("=")[2], b["items"]["value"])
                for b in aggs["facets"]["buckets"]]
        return int(aggs["items"]["value"]), common.ordered_facets(rows)

    def search(self, query: Plan, lang: str, page: int = 1, page_size: int = 10) -> SearchResults:
        plan = query
        if not plan.tiers:
            return SearchResults(total=0, hits=[], facets=common.empty_facets(), engine=self.name)
        n = len(plan.tiers)
        bands = [Q("bool", must=[_ranked(_tier_query(t), t.phrases)],
                   boost=TIER_SCALE ** (n - 1 - i), _name=f"tier{i}")
                 for i, t in enumerate(plan.tiers)]
        q = Q("bool", must=[Q("dis_max", queries=bands, tie_breaker=0.0)],
              must_not=[_match_query(m) for m in plan.excluded], filter=self._filters(plan))
        start = (page - 1) * page_size
        s = (self._search().query(q).collapse("ref").sort({"_score": "desc"}, {"ref": "asc"})
             .source(_SOURCE + [f"shown.{lang}", f"shown.{SOURCE_LOCALE}"])
             .extra(from_=start, size=page_size, track_total_hits=False, track_scores=True))
        self._count_aggs(s.aggs)
        # The items of the tiers up to i (with their facets where a later tier is conditional:
        # then the answer may end at tier i), to decide in the same request which tiers count.
        for i in range(n - 1):
            upto = Q("bool", should=[_tier_query(t) for t in plan.tiers[: i + 1]],
                     minimum_should_match=1)
            agg = s.aggs.bucket(f"upto{i}", "filter", filter=upto)
            if any(t.conditional for t in plan.tiers[i + 1:]):
                self._count_aggs(agg)
            else:
                agg.metric("items", "cardinality", field="ref", precision_threshold=_PRECISION)
        resp = self._call("searching", s.execute).to_dict()
        aggs = resp["aggregations"]
        buckets = [aggs[f"upto{i}"] for i in range(n - 1)] + [aggs]
        upto = [int(b["items"]["value"]) for b in buckets]
        counted, last = 0, -1
        for i, tier in enumerate(plan.tiers):
            if not tier.counts(counted, plan.relax_below):
                break
            counted, last = upto[i], i
        upto = upto[: last + 1]
        if last < 0:
            total, facets, hits = 0, common.empty_facets(), []
        else:
            total, facets = self._counts(buckets[last])
            hits = [h for h in resp["hits"]["hits"] if self._tier(h, n) <= last]
        counts = {plan.tiers[i].name: c - (upto[i - 1] if i else 0) for i, c in enumerate(upto)}
        out = [self._hit(h, self._tier(h, n), plan, lang) for h in hits]
        total = max(total, start + len(out)) if out else total
        return SearchResults(total=total, hits=out, facets=facets if total else common.empty_facets(),
                             engine=self.name, tier_counts={k: v for k, v in counts.items() if v})

    @staticmethod
    def _tier(hit: dict, tiers: int) -> int:
        names = hit.get("matched_queries") or []
        found = [int(name[4:]) for name in names if name.startswith("tier")]
        return min(found) if found else tiers - 1

    @staticmethod
    def _shown(src: dict, lang: str) -> tuple[str, dict]:
        """(locale, display fields) of the translation a hit is shown in (`common.shown_locale`)."""
        own = src["locale"]
        available = {own: src.get("show") or {}, **(src.get("shown") or {})}
        locale = common.shown_locale(available, lang, own)
        return locale, available[locale]

    def _hit(self, hit: dict, tier: int, plan: Plan, lang: str) -> Hit:
        src = hit["_source"]
        locale, show = self._shown(src, lang)
        own = src.get("show") or {}
        return Hit(
            ref=src["ref"], kind=src.get("item_kind") or src["kind"], locale=locale,
            title=show["title"], url=show["url"],
            snippet=make_snippet((show.get("summary", ""), show.get("text", "")), plan),
            score=round((hit.get("_score") or 0.0) / TIER_SCALE ** (len(plan.tiers) - 1 - tier), 4),
            image_url=show.get("image_url", ""), facts=dict(show.get("facts") or {}),
            match=plan.tiers[tier].name,
            matched_text="\n".join((own.get("title", ""), own.get("summary", ""),
                                    own.get("text", ""))),
            matched_tags=src.get("tags") or "")

    def autocomplete(self, prefix: str, lang: str, limit: int = 8) -> list[Suggestion]:
        tokens = analyze(prefix[:200], stemming=False)
        if not tokens or limit < 1:
            return []
        s = (self._search()
             .query(Q("match_phrase_prefix", ac={"query": " ".join(tokens), "max_expansions": 200}))
             .collapse("ref").sort({"_score": "desc"}, {"title_len": "asc"}, {"ref": "asc"})
             .source(["ref", "locale", "kind", "item_kind", "show.title", "show.url",
                      f"shown.{lang}.title", f"shown.{lang}.url",
                      f"shown.{SOURCE_LOCALE}.title", f"shown.{SOURCE_LOCALE}.url"])
             .extra(size=limit, track_total_hits=False, track_scores=True))
        resp = self._call("autocomplete", s.execute).to_dict()
        out = []
        for h in resp["hits"]["hits"]:
            src = h["_source"]
            locale, show = self._shown(src, lang)
            out.append(Suggestion(ref=src["ref"], kind=src.get("item_kind") or src["kind"],
                                  title=show["title"], url=show["url"], locale=locale))
        return out

    def health(self) -> Health:
        t0 = time.perf_counter()
        try:
            cluster = self.client.cluster.health()
            if not self._alias_targets():
                return Health(ok=False, detail=f"Elasticsearch at {self.url} ({cluster['status']}): "
                                               f"index {self.alias!r} not built yet")
            s = self._search().extra(size=0, track_total_hits=False)
            s.aggs.bucket("locales", "terms", field="locale", size=100)
            resp = s.execute()
        except (TransportError, ApiError) as exc:
            return Health(ok=False, detail=str(self._unavailable(exc, "health")))
        counts = {b.key: b.doc_count for b in resp.aggregations.locales.buckets}
        ms = (time.perf_counter() - t0) * 1000
        status = cluster["status"]
        return Health(ok=status in ("green", "yellow"),
                      detail=f"Elasticsearch at {self.url}, index {self.alias!r}, cluster {status} "
                             f"({ms:.0f} ms)",
                      documents=counts)
