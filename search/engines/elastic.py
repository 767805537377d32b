"""Elasticsearch engine, through the client's DSL (`elasticsearch.dsl`).

Same behaviour as the embedded engine (`sqlite.py`), checked by the same contract suite:

* Index layout: one document per translation, `_id` = "ref:locale". The searchable fields hold
  the tokens `search.text.analyze` produced, joined by spaces, under the plain `whitespace`
  analyzer, so ES never analyses language itself (the integ-test distribution has no
  analysis-common module anyway). `show` keeps the original fields for display and snippets
  (stored in `_source`, never indexed).
* Item-level fields (`item_kind`, `item_end`, `item_facets` = "name=value" strings) are the union
  over the item's live translations (the source translation decides kind and end date), written
  on every translation, so filters and facet counts treat an item the same whichever of its
  translations matched.
* Ranking: bm25 over the weighted fields, times the title match bonus (`function_score`, see
  base.py), per translation.
* One hit per item: `collapse` on `ref`, best-scoring translation first, ties by ref. The shown
  translation is the visitor's language if the item has one, else vi, else the best match
  (fetched with one real-time `mget`).
* Totals and facet counts are distinct refs (`cardinality` aggregation; exact in practice below
  its 40,000 precision threshold, which is far beyond this catalogue).
* Autocomplete: `match_phrase_prefix` over the unstemmed folded title words; the field has
  `index_prefixes` so a 1–10 character prefix is a single term lookup, not an expansion.
* Vocabulary for typo tolerance: a keyword field with each document's distinct tokens; a terms
  aggregation restricted (`include`) to the candidate words gives their document frequency.
* `rebuild` loads a new `<prefix>-<timestamp>-<rand>` index and swaps the `<prefix>` alias
  atomically, then deletes the old indices: searches never see a half-built index.
* Short timeouts (connect 1 s, read 3 s, no retries) on the request path; every transport or API
  error becomes `EngineUnavailable` so the service can fall back to the embedded engine.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
import secrets
import time
from collections.abc import Iterable, Iterator
from typing import Any

import urllib3
from elastic_transport import TransportError, Urllib3HttpNode
from elasticsearch import ApiError, Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import A, Date, Document, Integer, Keyword, Object, Q, Search, Text

from search import text
from search.documents import LOCALES, SOURCE_LOCALE, SearchDocument
from search.engines.base import (
    EngineUnavailable,
    Health,
    Hit,
    Progress,
    SearchResults,
    Suggestion,
)
from search.engines.es_cluster import ClusterConfig, describe_error, node_health
from search.query import Match, Plan, edits1
from search.snippets import make_snippet

log = logging.getLogger(__name__)

FACET_NAMES = ("kind", "commune", "sector", "category")
# bm25 field weights, as in the embedded engine (title, tags, summary, body).
FIELDS = ("title^10", "tags^5", "summary^3", "body")
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
_MAX_TYPO_TOKEN = 40  # longer "words" are noise; their one-edit neighbourhood is thousands of strings
_PRECISION = 40_000  # cardinality: counts below this are exact in practice
_FACET_BUCKETS = 5_000
_BULK_CHUNK = 500
CONNECT_TIMEOUT = 1.0
REQUEST_TIMEOUT = 3.0
BULK_TIMEOUT = 120.0
_PREFIX_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,100}$")


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
    title_len = Integer()
    vocab = Keyword(ignore_above=256)
    show = Object(enabled=False)  # title, url, summary, text, image_url, facts, facets


class _Node(Urllib3HttpNode):
    """urllib3 node with separate connect and read timeouts (the client has only one knob)."""

    def __init__(self, config):
        super().__init__(config)
        self.pool.timeout = urllib3.Timeout(connect=CONNECT_TIMEOUT, read=REQUEST_TIMEOUT)


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _item_values(translations: dict[str, dict]) -> dict[str, Any]:
    """Item-level fields from the item's translations ({locale: {kind, end, facets}})."""
    order = sorted(translations, key=lambda loc: (loc != SOURCE_LOCALE,
                                                  LOCALES.index(loc) if loc in LOCALES else 99, loc))
    first = translations[order[0]]
    values = {f"kind={first['kind']}"}
    for loc in order:
        for name, slugs in (translations[loc].get("facets") or {}).items():
            values.update(f"{name}={s}" for s in slugs)
    return {"item_kind": first["kind"], "item_end": first.get("end"),
            "item_facets": sorted(values)}


def _doc_body(doc: SearchDocument) -> dict[str, Any]:
    facets = {k: list(v) for k, v in doc.facets.items() if v}
    fields = {
        "title": text.analyze(doc.title),
        "tags": text.analyze(" \n ".join(doc.tags + doc.synonyms)),
        "summary": text.analyze(doc.summary),
        "body": text.analyze(doc.text),
    }
    vocab = sorted({t for toks in fields.values() for t in toks})
    body = {
        "ref": doc.ref, "locale": doc.locale, "kind": doc.kind,
        "published": _date(doc.published), "start": _date(doc.start), "end": _date(doc.end),
        **{name: " ".join(toks) for name, toks in fields.items()},
        "title_key": " ".join(fields["title"]),
        "ac": " ".join(text.analyze(doc.title, stemming=False)),
        "title_len": len(doc.title),
        "vocab": vocab,
        "show": {"title": doc.title, "url": doc.url, "summary": doc.summary, "text": doc.text,
                 "image_url": doc.image_url, "facts": dict(doc.facts), "facets": facets},
    }
    body.update(_item_values({doc.locale: {"kind": doc.kind, "end": body["end"], "facets": facets}}))
    return body


def _match_query(m: Match) -> Q:
    """One `Match` of the plan over all fields.

    Scored like FTS5's bm25: `combined_fields` is BM25F (term frequencies of all fields, weighted,
    saturate once per document), not a sum of per-field scores that would reward the same word
    repeated in every field. A phrase must also occur, adjacent and in order, within one field
    (as in FTS5): that is a non-scoring filter beside the scored terms.
    """
    if m.mode == "some":
        return Q("combined_fields", query=" ".join(m.tokens), fields=list(FIELDS), operator="or",
                 minimum_should_match=max(1, min(m.minimum, len(m.tokens))), boost=m.weight)
    scored = Q("combined_fields", query=" ".join(m.tokens), fields=list(FIELDS), operator="and",
               boost=m.weight)
    if len(m.tokens) == 1:
        return scored
    return Q("bool", must=[scored], filter=[
        Q("multi_match", query=" ".join(m.tokens), type="phrase", fields=list(FIELDS))])


def _title_bonus(query: Q, phrase: tuple[str, ...]) -> Q:
    """The title match bonus of base.py: score x2 when the title is the typed phrase, x1.5 when
    it starts with it, x1.25 when it contains it (the largest that holds, else x1)."""
    if not phrase:
        return query
    if len(phrase) == 1:
        first = {"span_term": {"title": phrase[0]}}
    else:
        first = {"span_near": {"clauses": [{"span_term": {"title": t}} for t in phrase],
                               "slop": 0, "in_order": True}}
    return Q("function_score", query=query, score_mode="max", boost_mode="multiply", functions=[
        {"filter": {"term": {"title_key": " ".join(phrase)}}, "weight": 2.0},
        {"filter": {"span_first": {"match": first, "end": len(phrase)}}, "weight": 1.5},
        {"filter": {"match_phrase": {"title": " ".join(phrase)}}, "weight": 1.25},
    ])


class ElasticEngine:
    name = "elasticsearch"

    def __init__(self, url: str, index_prefix: str = "dautieng", replicas: int | None = None,
                 client: Elasticsearch | None = None):
        if not _PREFIX_RE.match(index_prefix):
            raise ValueError(f"index prefix {index_prefix!r}: use lowercase letters, digits, '-', '_' "
                             "and '.', starting with a letter or digit")
        # Nodes, credentials, TLS, shards and replicas from settings (es_cluster.py).
        self.cluster = ClusterConfig.from_settings(url)
        self.url = self.cluster.display  # never with credentials
        self.alias = index_prefix
        self.replicas = self.cluster.replicas if replicas is None else replicas
        # Short timeouts, no retry on a timeout: a dead cluster must cost the visitor one fast
        # failure. A node that refuses connections is retried on another node (es_cluster.py).
        self.client = client or Elasticsearch(**self.cluster.client_options(), node_class=_Node)
        self._bulk_client = self.client.options(request_timeout=BULK_TIMEOUT)
        self._name_re = re.compile(rf"^{re.escape(index_prefix)}-\d{{14}}-[0-9a-f]{{6}}$")

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
        settings = {"number_of_shards": self.cluster.shards,
                    "number_of_replicas": 0 if loading else self.replicas,
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
            resp = self._bulk_client.bulk(operations=chunk, refresh=refresh and last)
            items.extend(resp["items"])
        return items

    def _translations(self, refs: Iterable[str], extra: Iterable[str] = ()) -> dict[str, dict[str, dict]]:
        """{ref: {locale: _source subset}} for every stored translation (real-time mget)."""
        locales = sorted(set(LOCALES) | set(extra))
        ids = [f"{ref}:{loc}" for ref in refs for loc in locales]
        out: dict[str, dict[str, dict]] = {}
        if not ids:
            return out
        resp = self.client.mget(index=self.alias, ids=ids,
                                source_includes=["ref", "locale", "kind", "end", "show.facets",
                                                 "item_kind", "item_end", "item_facets"])
        for d in resp["docs"]:
            if d.get("found"):
                src = d["_source"]
                out.setdefault(src["ref"], {})[src["locale"]] = src
        return out

    @staticmethod
    def _stored_item(src: dict) -> dict[str, Any]:
        return {"item_kind": src.get("item_kind"), "item_end": src.get("item_end"),
                "item_facets": sorted(src.get("item_facets") or [])}

    @staticmethod
    def _summary(src: dict) -> dict:
        return {"kind": src["kind"], "end": src.get("end"),
                "facets": (src.get("show") or {}).get("facets") or src.get("facets") or {}}

    def _item_updates(self, refs: set[str], stored: dict[str, dict[str, dict]],
                      written: dict[str, dict[str, dict]]) -> list[dict]:
        """Partial updates for stored translations whose item-level fields change."""
        ops: list[dict] = []
        for ref in refs:
            current = {loc: self._summary(src) for loc, src in stored.get(ref, {}).items()}
            current.update(written.get(ref, {}))
            if not current:
                continue
            item = _item_values(current)
            for loc, src in stored.get(ref, {}).items():
                if loc in written.get(ref, {}):
                    continue
                if self._stored_item(src) != item:
                    ops += [{"update": {"_id": f"{ref}:{loc}", "_index": self.alias}}, {"doc": item}]
        return ops

    # -- writing -------------------------------------------------------------------------------

    def index(self, docs: Iterable[SearchDocument]) -> int:
        docs = list(docs)
        if not docs:
            return 0
        return self._call("indexing", self._index, docs)

    def _index(self, docs: list[SearchDocument]) -> int:
        self._ensure_index()
        refs = {d.ref for d in docs}
        stored = self._translations(refs, {d.locale for d in docs})
        bodies: dict[str, dict] = {}
        written: dict[str, dict[str, dict]] = {}
        for d in docs:
            body = _doc_body(d)
            bodies[d.key] = body
            written.setdefault(d.ref, {})[d.locale] = self._summary(body)
        ops: list[dict] = []
        for key, body in bodies.items():
            current = {loc: self._summary(src) for loc, src in stored.get(body["ref"], {}).items()}
            current.update(written[body["ref"]])
            body.update(_item_values(current))
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
        return self._call("deleting", self._delete, keys)

    def _delete(self, keys: list[str]) -> int:
        if not self._alias_targets():
            return 0
        ops = [{"delete": {"_id": key, "_index": self.alias}} for key in keys]
        items = self._bulk(ops, refresh=False)
        deleted = [it["delete"]["_id"] for it in items if it["delete"].get("result") == "deleted"]
        refs = {key.rpartition(":")[0] for key in deleted}
        stored = self._translations(refs)
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
        return n

    def _load(self, name: str, docs: Iterable[SearchDocument], total: int | None,
              progress: Progress | None) -> int:
        items: dict[str, dict[str, dict]] = {}  # ref -> locale -> summary, for item-level fields
        count = 0

        def actions() -> Iterator[dict]:
            for d in docs:
                body = _doc_body(d)
                items.setdefault(d.ref, {})[d.locale] = {
                    **self._summary(body), **self._stored_item(body)}
                yield {"_index": name, "_id": d.key, "_source": body}

        for _ok, _info in helpers.streaming_bulk(self._bulk_client, actions(), chunk_size=_BULK_CHUNK,
                                                 max_retries=3, initial_backoff=1, max_backoff=10):
            count += 1
            if progress and count % _BULK_CHUNK == 0:
                progress(count, total or count)
        # Items whose translations disagree (facets, kind) get the union on every translation.
        ops: list[dict] = []
        for ref, translations in items.items():
            if len(translations) < 2:
                continue
            item = _item_values(translations)
            for loc, seen in translations.items():
                if self._stored_item(seen) != item:
                    ops += [{"update": {"_id": f"{ref}:{loc}", "_index": name}}, {"doc": item}]
        if ops:
            self._bulk(ops, refresh=False)
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

    # -- vocabulary (typo tolerance) -----------------------------------------------------------

    def _doc_freq(self, tokens: list[str]) -> dict[str, int]:
        if not tokens:
            return {}
        s = self._search().extra(size=0, track_total_hits=False)
        s.aggs.bucket("v", A("terms", field="vocab", include=tokens, size=len(tokens)))
        resp = self._call("looking up words", s.execute)
        return {b.key: b.doc_count for b in resp.aggregations.v.buckets}

    def known_terms(self, tokens: Iterable[str]) -> set[str]:
        return set(self._doc_freq(sorted(set(tokens))))

    def similar_terms(self, token: str, limit: int = 3) -> list[str]:
        if len(token) > _MAX_TYPO_TOKEN:
            return []
        found = self._doc_freq(sorted(edits1(token, _ALPHABET)))
        return [t for t, _ in sorted(found.items(), key=lambda x: (-x[1], x[0]))[:limit]]

    # -- searching -----------------------------------------------------------------------------

    @staticmethod
    def _filters(plan: Plan) -> list[Q]:
        f = plan.filters
        out = []
        for name, values in (("kind", f.kinds), ("commune", f.communes), ("sector", f.sectors),
                             ("category", f.categories)):
            if values:
                out.append(Q("terms", item_facets=[f"{name}={v}" for v in values]))
        if f.upcoming:
            today = (f.today or dt.date.today()).isoformat()
            out.append(Q("term", item_kind="fair"))
            out.append(Q("range", item_end={"gte": today}))
        return out

    def search(self, query: Plan, lang: str, page: int = 1, page_size: int = 10) -> SearchResults:
        plan = query
        must = [Q("bool", should=[_match_query(o) for o in c.options], minimum_should_match=1)
                for c in plan.clauses]
        if not must:
            return SearchResults(total=0, hits=[], facets={n: {} for n in FACET_NAMES},
                                 engine=self.name)
        q = _title_bonus(Q("bool", must=must, must_not=[_match_query(m) for m in plan.excluded]),
                         tuple(getattr(plan, "phrase", ()) or ()))
        q = Q("bool", must=[q], filter=self._filters(plan))
        start = (page - 1) * page_size
        s = (self._search().query(q).collapse("ref").sort({"_score": "desc"}, {"ref": "asc"})
             .source(["ref", "locale", "kind", "item_kind", "show"])
             .extra(from_=start, size=page_size, track_total_hits=False, track_scores=True))
        s.aggs.metric("items", "cardinality", field="ref", precision_threshold=_PRECISION)
        s.aggs.bucket("facets", "terms", field="item_facets", size=_FACET_BUCKETS).metric(
            "items", "cardinality", field="ref", precision_threshold=_PRECISION)
        resp = self._call("searching", s.execute)
        aggs = resp.aggregations
        facets: dict[str, dict[str, int]] = {name: {} for name in FACET_NAMES}
        counted = sorted(((b.key.partition("=")[0], b.key.partition("=")[2], b["items"].value)
                          for b in aggs.facets.buckets), key=lambda x: (-x[2], x[1]))
        for name, value, n in counted:
            facets.setdefault(name, {})[value] = n
        # Raw hits: the DSL's Hit merges collapse's `fields` (ref as a list) over `_source`.
        matched = [(h.get("_score") or 0.0, h["_source"]) for h in resp.to_dict()["hits"]["hits"]]
        shown = self._call("fetching translations", self._shown, [src["ref"] for _, src in matched], lang)
        hits = []
        for score, src in matched:
            doc = shown.get(src["ref"]) or src
            show = doc["show"]
            hits.append(Hit(
                ref=src["ref"], kind=src.get("item_kind") or src["kind"], locale=doc["locale"],
                title=show["title"], url=show["url"],
                snippet=make_snippet((show.get("summary", ""), show.get("text", "")),
                                     plan.highlight_tokens),
                score=round(score, 4), image_url=show.get("image_url", ""),
                facts=dict(show.get("facts") or {})))
        total = max(int(aggs["items"].value), start + len(hits))
        return SearchResults(total=total, hits=hits, facets=facets, engine=self.name)

    def _shown(self, refs: list[str], lang: str) -> dict[str, dict]:
        """ref -> the `_source` of its translation in `lang`, else in vi (absent: neither exists)."""
        if not refs:
            return {}
        wanted = [lang, SOURCE_LOCALE] if lang != SOURCE_LOCALE else [SOURCE_LOCALE]
        ids = [f"{ref}:{loc}" for ref in refs for loc in wanted]
        resp = self.client.mget(index=self.alias, ids=ids,
                                source_includes=["ref", "locale", "kind", "item_kind", "show"])
        found = {d["_id"]: d["_source"] for d in resp["docs"] if d.get("found")}
        out = {}
        for ref in refs:
            for loc in wanted:
                if f"{ref}:{loc}" in found:
                    out[ref] = found[f"{ref}:{loc}"]
                    break
        return out

    def autocomplete(self, prefix: str, lang: str, limit: int = 8) -> list[Suggestion]:
        tokens = text.analyze(prefix[:200], stemming=False)
        if not tokens or limit < 1:
            return []
        s = (self._search()
             .query(Q("match_phrase_prefix", ac={"query": " ".join(tokens), "max_expansions": 200}))
             .collapse("ref").sort({"_score": "desc"}, {"title_len": "asc"}, {"ref": "asc"})
             .source(["ref", "locale", "kind", "item_kind", "show.title", "show.url"])
             .extra(size=limit, track_total_hits=False, track_scores=True))
        resp = self._call("autocomplete", s.execute)
        matched = [h["_source"] for h in resp.to_dict()["hits"]["hits"]]
        shown = self._call("fetching translations", self._shown, [m["ref"] for m in matched], lang)
        out = []
        for src in matched:
            doc = shown.get(src["ref"]) or src
            out.append(Suggestion(ref=src["ref"], kind=src.get("item_kind") or src["kind"],
                                  title=doc["show"]["title"], url=doc["show"]["url"],
                                  locale=doc["locale"]))
        return out

    def health(self) -> Health:
        nodes = [vars(n) for n in node_health(self.cluster, node_class=_Node)]
        t0 = time.perf_counter()
        try:
            cluster = self.client.cluster.health()
            if not self._alias_targets():
                return Health(ok=False, detail=f"Elasticsearch at {self.url} ({cluster['status']}): "
                                               f"index {self.alias!r} not built yet", nodes=nodes)
            s = self._search().extra(size=0, track_total_hits=False)
            s.aggs.bucket("locales", "terms", field="locale", size=100)
            resp = s.execute()
        except (TransportError, ApiError) as exc:
            return Health(ok=False, detail=str(self._unavailable(exc, "health")), nodes=nodes)
        counts = {b.key: b.doc_count for b in resp.aggregations.locales.buckets}
        ms = (time.perf_counter() - t0) * 1000
        status = cluster["status"]
        return Health(ok=status in ("green", "yellow"),
                      detail=f"Elasticsearch at {self.url}, index {self.alias!r}, cluster {status} "
                             f"({ms:.0f} ms)",
                      documents=counts, nodes=nodes)
