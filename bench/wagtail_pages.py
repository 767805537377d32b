"""The parts of the search benchmark that need a Django database, run in a child process.

`bench.search_bench` starts this module with a throwaway `DATABASE_URL` and
`SEARCH_INDEX_PATH` (never the developer's own database or index) and reads back one JSON file:

    python -m bench.wagtail_pages migrate
    python -m bench.wagtail_pages pages JOB.json OUT.json       # scale: Wagtail's built-in search
    python -m bench.wagtail_pages relevance JOB.json OUT.json   # the judged dev set, both engines
    python -m bench.wagtail_pages api JOB.json OUT.json         # search API cost vs the FTS5 floor

`pages` turns the synthetic documents (bench/corpus.py) into real catalogue pages — ProductPage,
FairPage, … under the index pages of `ensure_site()`, the vi page and its en translation sharing
a translation key — fast: tree paths are computed here and each page is saved once, live, without
a revision, all in one transaction, with Wagtail's per-save search indexing switched off (it is
timed separately as `update_index`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

TODAY = dt.date(2026, 11, 26)  # the day the dev-set judgments assume (`upcoming`)
EVAL_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "search-eval"


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "promo.settings.dev")
    for name in ("DATABASE_URL", "SEARCH_INDEX_PATH"):
        if not os.environ.get(name):
            sys.exit(f"bench.wagtail_pages: {name} must point into a temporary directory")
    import logging

    import django

    django.setup()
    # The Elasticsearch client logs every request at INFO: far too chatty for a benchmark.
    logging.getLogger("elastic_transport").setLevel(logging.WARNING)


def _quiet_call(*args) -> None:
    import io

    from django.core.management import call_command

    call_command(*args, stdout=io.StringIO(), stderr=io.StringIO())


def _say(msg: str) -> None:
    print(f"    [wagtail] {msg}", flush=True)


# -- pages -------------------------------------------------------------------------------------


class _Taxonomy:
    """Snippets by (slug, locale), for the facets the synthetic documents carry."""

    def __init__(self):
        from promo.models import Category, Commune, Sector

        self.commune = {(c.slug, c.locale.language_code): c for c in Commune.objects.select_related("locale")}
        self.sector = {(s.slug, s.locale.language_code): s for s in Sector.objects.select_related("locale")}
        self.category = {
            (c.kind, c.slug, c.locale.language_code): c for c in Category.objects.select_related("locale")
        }

    def fields(self, doc) -> dict:
        """Model field values for the facets of `doc` that the seeded taxonomies know."""
        loc = doc.locale
        facets = doc.facets
        values = {}
        commune = facets.get("commune", ("",))[0]
        values["commune"] = self.commune.get((commune, loc)) or self.commune.get((commune, "vi"))
        if doc.kind == "investment":
            sector = facets.get("sector", ("",))[0]
            values["sector"] = self.sector.get((sector, loc)) or self.sector.get((sector, "vi"))
        category = facets.get("category", ("",))[0]
        if doc.kind in ("product", "news"):
            values["category"] = self.category.get((doc.kind, category, loc)) or self.category.get(
                (doc.kind, category, "vi")
            )
        elif doc.kind == "attraction":
            values["category"] = category
        return values


def create_pages(docs) -> int:
    """Save one live catalogue page per document (vi first, then its translations)."""
    import uuid

    from django.db import transaction
    from django.db.models.signals import post_save
    from django.utils import timezone
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.models import Locale
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from promo.catalogue.body import text_to_stream
    from promo.catalogue.site import index_page
    from promo.models import CATALOGUE_MODELS

    taxonomy = _Taxonomy()
    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    parents, next_step = {}, {}
    keys: dict[str, uuid.UUID] = {}
    now = timezone.now()
    for model in CATALOGUE_MODELS.values():
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        # Wagtail's reference index (used by the admin's "usage" view) and the audit log are
        # bookkeeping, not search: left out, as a bulk load would.
        with transaction.atomic(), disable_reference_index_auto_update():
            for n, doc in enumerate(sorted(docs, key=lambda d: (d.ref, d.locale != "vi")), 1):
                key = (doc.kind, doc.locale)
                if key not in parents:
                    parents[key] = index_page(doc.kind, doc.locale)
                    next_step[key] = parents[key].numchild + 1
                parent = parents[key]
                model = CATALOGUE_MODELS[doc.kind]
                page = model(
                    title=doc.title,
                    draft_title=doc.title,
                    slug=doc.ref,
                    ref=doc.ref,
                    locale=locales[doc.locale],
                    translation_key=keys.setdefault(doc.ref, uuid.uuid4()),
                    summary=doc.summary,
                    body=text_to_stream(doc.text),
                    published=doc.published,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    depth=parent.depth + 1,
                    numchild=0,
                    path=model._get_path(parent.path, parent.depth + 1, next_step[key]),
                    **taxonomy.fields(doc),
                )
                if doc.kind == "fair":
                    page.start, page.end = doc.start, doc.end
                page._cached_parent_obj = parent  # treebeard: no query for the parent
                page.save(clean=False, log_action=None)
                next_step[key] += 1
                if n % 5000 == 0:
                    _say(f"created {n}/{len(docs)} pages")
            for key, parent in parents.items():
                type(parent).objects.filter(pk=parent.pk).update(numchild=next_step[key] - 1)
    finally:
        for model in CATALOGUE_MODELS.values():
            post_save.connect(post_save_signal_handler, sender=model)
    return len(docs)


def wagtail_search(q: str, kinds=(), limit: int = 10):
    """Wagtail's built-in search (the configured database backend) over live catalogue pages."""
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from promo.models import CATALOGUE_MODELS

    models = [CATALOGUE_MODELS[k] for k in kinds] or list(CATALOGUE_MODELS.values())
    return list(get_search_backend().search(q, Page.objects.live().type(*models))[:limit])


def run_pages(job: dict) -> dict:
    from bench.corpus import synthetic_documents
    from search.engines.sqlite import SqliteEngine
    from search.indexing import all_live_documents

    out = {}
    from promo.catalogue.site import ensure_site

    docs = synthetic_documents(job["items"], locales=tuple(job["locales"]), seed=job["seed"])
    ensure_site()
    started = time.perf_counter()
    n = create_pages(docs)
    out["create_s"] = time.perf_counter() - started
    out["pages"] = n
    _say(f"created {n} live pages in {out['create_s']:.1f}s; running update_index")

    started = time.perf_counter()
    _quiet_call("update_index")
    out["update_index_s"] = time.perf_counter() - started
    out["update_index_rate"] = n / out["update_index_s"]
    _say(f"update_index: {out['update_index_s']:.1f}s ({out['update_index_rate']:,.0f} pages/s)")

    # Our embedded engine fed from the same pages, as `search_index rebuild` does it.
    engine = SqliteEngine(Path(os.environ["SEARCH_INDEX_PATH"]).with_name("from-pages.sqlite3"))
    started = time.perf_counter()
    indexed = engine.rebuild(all_live_documents(), total=n)
    out["ours_from_pages_s"] = time.perf_counter() - started
    out["ours_from_pages_rate"] = indexed / out["ours_from_pages_s"]
    _say(f"embedded rebuild from the pages: {indexed} docs in {out['ours_from_pages_s']:.1f}s")

    # Wagtail's search is slow at this size: a handful of queries inside a time budget.
    timings = []
    budget_end = time.perf_counter() + job["budget_s"]
    for query in job["queries"][: job["max_queries"]]:
        if time.perf_counter() > budget_end:
            break
        started = time.perf_counter()
        try:
            hits = len(wagtail_search(query["q"], (query.get("filters") or {}).get("kind", ())))
            error = ""
        except Exception as exc:  # the built-in backend rejects some inputs
            hits, error = 0, f"{type(exc).__name__}: {exc}"[:200]
        ms = (time.perf_counter() - started) * 1000
        timings.append({"q": query["q"], "ms": ms, "hits": hits, "error": error})
        _say(f"{ms / 1000:6.2f}s  {query['q']!r} → {hits} hits{'  ' + error if error else ''}")
    out["queries"] = timings
    out["budget_s"] = job["budget_s"]
    out["max_queries"] = job["max_queries"]
    return out


# -- relevance ---------------------------------------------------------------------------------


def _frozen_today(run_search):
    """`run_search` with `today` fixed, for the `upcoming` judgments (the API has no setting)."""

    def wrapped(*args, **kwargs):
        kwargs.setdefault("today", TODAY)
        return run_search(*args, **kwargs)

    return wrapped


def _api_params(query: dict) -> dict:
    params = {"q": query["q"], "lang": query["lang"], "page_size": "10"}
    for name, values in (query.get("filters") or {}).items():
        if name == "upcoming":
            if values:
                params["upcoming"] = "1"
        else:
            params[name] = list(values)
    return params


def run_relevance(job: dict) -> dict:
    from django.test import Client

    import search.views
    from search.engines import get_engine

    queries = json.loads((EVAL_DIR / "dev-queries.json").read_text(encoding="utf-8"))["queries"]
    _quiet_call("catalogue", "import", str(EVAL_DIR / "dev-corpus.jsonl"))
    _quiet_call("search_index", "rebuild")
    _quiet_call("update_index")
    _say(f"dev corpus imported and indexed; engine {get_engine().name}")

    # The JSON API, exactly as a visitor calls it, with "today" frozen at the judged day.
    search.views.run_search = _frozen_today(search.views.run_search)
    client = Client(HTTP_HOST="localhost")
    ours, errors = {}, {}
    for query in queries:
        resp = client.get("/api/v1/search/", _api_params(query))
        if resp.status_code == 200:
            ours[query["id"]] = [{"ref": r["ref"], "locale": r["locale"]} for r in resp.json()["results"]]
        else:
            ours[query["id"]] = []
            errors[query["id"]] = f"HTTP {resp.status_code}: {resp.content[:200]!r}"

    wagtail, wagtail_errors = {}, {}
    for query in queries:
        kinds = (query.get("filters") or {}).get("kind", ())
        try:
            pages = wagtail_search(query["q"], kinds)
        except Exception as exc:  # counted as zero results
            wagtail[query["id"]] = []
            wagtail_errors[query["id"]] = f"{type(exc).__name__}: {exc}"[:200]
            continue
        wagtail[query["id"]] = [{"ref": p.specific.ref, "locale": p.locale.language_code} for p in pages]
    out = {
        "runs": {"embedded (JSON API)": ours, "wagtail built-in": wagtail},
        "errors": {"embedded (JSON API)": errors, "wagtail built-in": wagtail_errors},
    }
    if job.get("elasticsearch_url"):
        from search.engines.base import EngineUnavailable

        try:
            out["runs"]["elasticsearch (run_search)"] = _elastic_relevance(job, queries)
        except EngineUnavailable as exc:
            _say(f"Elasticsearch left out of the relevance run: {str(exc)[:200]}")
    return out


def _elastic_relevance(job: dict, queries: list[dict]) -> dict:
    from search.engines.elastic import ElasticEngine
    from search.indexing import all_live_documents
    from search.service import run_search
    from search.synonyms import synonym_groups

    engine = ElasticEngine(job["elasticsearch_url"], index_prefix=job["elasticsearch_prefix"])
    try:
        engine.rebuild(all_live_documents())
        from search.params import FacetResolver

        resolver = FacetResolver()

        def codes(name, words, lang):
            return [c for w in words for c in resolver.resolve(name, w, lang)]

        run = {}
        for query in queries:
            f = query.get("filters") or {}
            lang = query["lang"]
            res = run_search(
                query["q"],
                lang,
                kinds=f.get("kind", ()),
                communes=codes("commune", f.get("commune", ()), lang),
                sectors=codes("sector", f.get("sector", ()), lang),
                categories=codes("category", f.get("category", ()), lang),
                upcoming=bool(f.get("upcoming")),
                page_size=10,
                synonyms=synonym_groups,
                today=TODAY,
                engine=engine,
            )
            run[query["id"]] = [{"ref": h.ref, "locale": h.locale} for h in res.hits]
        return run
    finally:
        try:
            engine.drop_indices()
        except Exception as exc:  # the cluster went away: nothing more can be cleaned up
            _say(f"could not delete {engine.alias}*: {type(exc).__name__}")


# -- search API cost ----------------------------------------------------------------------------


def _percentile(values: list[float], pct: float) -> float:
    xs = sorted(values)
    k = (len(xs) - 1) * pct / 100
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def run_api_cost(job: dict) -> dict:
    """The JSON API (Django's test client: URL routing, parameters, synonyms, best bets, the
    search log, JSON), `search_with` in-process and the bare FTS5 floor (`SELECT rowid FROM fts
    WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT 10`, the MATCH built from the same query) over
    the same index file, interleaved pass by pass in this one process. p50/p95 per pass over
    the queries, the median over passes."""
    import sqlite3
    import statistics

    from django.conf import settings
    from django.test import Client

    from search.engines import get_embedded_engine
    from search.engines.sqlite import fts_expression
    from search.query import expand, parse
    from search.service import search_with
    from search.synonyms import synonym_groups

    settings.DEBUG = False  # no query log: production's cost
    engine = get_embedded_engine()
    client = Client(HTTP_HOST="localhost")
    floor_conn = sqlite3.connect(settings.SEARCH_INDEX_PATH)
    for pragma in ("temp_store=MEMORY", "cache_size=-32000", "mmap_size=268435456"):
        floor_conn.execute(f"PRAGMA {pragma}")
    queries = job["queries"]
    exprs = [fts_expression(expand(parse(q["q"]))) for q in queries]

    def api(q):
        resp = client.get("/api/v1/search/", {"q": q["q"], "lang": q["lang"]})
        assert resp.status_code == 200, resp.content[:300]
        return resp.json()["total"]

    def service(q):
        return search_with(engine, q["q"], q["lang"], synonyms=synonym_groups).total

    def floor(i):
        return floor_conn.execute(
            "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT 10", (exprs[i],)
        ).fetchall()

    runs = {"api": lambda i: api(queries[i]), "service": lambda i: service(queries[i]), "floor": floor}
    passes: dict[str, list[list[float]]] = {name: [] for name in runs}
    totals = [api(q) for q in queries]  # warm-up (and what each query matches)
    for i in range(len(queries)):
        service(queries[i])
        floor(i)
    for _ in range(job["reps"]):
        for name, fn in runs.items():
            times = []
            for i in range(len(queries)):
                started = time.perf_counter()
                fn(i)
                times.append((time.perf_counter() - started) * 1000)
            passes[name].append(times)
    out = {
        "queries": len(queries),
        "reps": job["reps"],
        "totals": totals,
        "documents": sum(engine.health().documents.values()),
    }
    for name, per_pass in passes.items():
        out[name] = {
            "p50_ms": statistics.median(_percentile(t, 50) for t in per_pass),
            "p95_ms": statistics.median(_percentile(t, 95) for t in per_pass),
        }
    return out


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("migrate", "pages", "relevance", "api"):
        print(__doc__, file=sys.stderr)
        return 2
    _setup()
    if argv[0] == "migrate":
        _quiet_call("migrate", "--verbosity", "0")
        return 0
    job = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    result = {"pages": run_pages, "relevance": run_relevance, "api": run_api_cost}[argv[0]](job)
    Path(argv[2]).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
