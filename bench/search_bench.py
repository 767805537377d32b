"""Search benchmark (`make bench`): our engines against their floors and Wagtail's built-in search.

One run, on one machine, measures everything it compares against:

1. a synthetic catalogue (bench/corpus.py), `--items` items × vi/en;
2. the embedded engine (SQLite FTS5): rebuild rate, search latency through the same in-process
   path the JSON API uses (`search.service.search_with`: parse, synonyms, typo expansion,
   facets, snippets), autocomplete latency, and the FLOOR — a bare FTS5 MATCH … ORDER BY bm25
   LIMIT 10 on the same index file for the same queries;
3. Elasticsearch, when `ELASTICSEARCH_URL` or `ELASTICSEARCH_TEST_URL` answers (its indices are
   deleted afterwards);
4. Wagtail's built-in search (the configured database backend) over the same items as real
   catalogue pages in a throwaway database — a few queries only, it takes seconds each;
5. relevance on the judged dev set (tests/data/search-eval) for our JSON API and Wagtail's search.

Results go to the terminal and to bench/results/latest.json. Targets are from the search issue.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.util
import io
import itertools
import json
import os
import platform
import random
import re
import secrets
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from search import text
from search.engines.base import EngineUnavailable
from search.engines.sqlite import SqliteEngine, fts_expression
from search.query import Filters, QueryError, expand, parse
from search.service import search_with

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "latest.json"
EVAL_DIR = ROOT / "tests" / "data" / "search-eval"
TODAY = dt.date(2026, 11, 26)
LOCALES = ("vi", "en")
CORPUS_WAIT_S = 30 * 60
# Staff synonym groups as seeded by the search migration (what the API expands with).
SYNONYM_GROUPS = [
    ["cao su", "rubber"],
    ["găng tay", "gloves"],
    ["hội chợ", "fair", "expo"],
    ["đầu tư", "investment"],
    ["du lịch", "tourism"],
    ["hồ", "lake"],
    ["chùa", "pagoda", "temple"],
]
# What visitors type most (from the design notes and the dev set), kept in every query set.
FIXED_QUERIES = [
    ("Dầu Tiếng", "vi"),
    ("dau tieng", "en"),
    ("Núi Cậu", "vi"),
    ("nui cau", "vi"),
    ("hồ Dầu Tiếng", "vi"),
    ("cao su", "vi"),
    ("rubber gloves", "en"),
    ("lake tourism", "en"),
    ("đầu tư", "vi"),
    ("fairs", "en"),
    ("hội chợ", "vi"),
    ("investment", "en"),
]
TARGETS = {  # name: (metric description, limit, comparison)
    "embedded_p95_ms": ("embedded API p95 ≤ 20 ms", 20.0, "le"),
    "embedded_vs_floor": ("embedded API p95 ≤ 5× FTS5 floor p95", 5.0, "le"),
    "api_vs_floor": ("JSON API p95 ≤ 5× floor p95, common words", 5.0, "le"),
    "autocomplete_p95_ms": ("autocomplete p95 ≤ 10 ms", 10.0, "le"),
    "embedded_rebuild_rate": ("embedded rebuild ≥ 1,000 docs/s", 1000.0, "ge"),
    "elastic_p95_ms": ("Elasticsearch API p95 ≤ 40 ms", 40.0, "le"),
}
_WORD = re.compile(r"[^\W\d_]+")
# Words nobody searches for on their own: a query window never starts or ends with one.
_STOP = frozenset(
    """a an and are as at be by for from has in is it its of on or that the this to
was were with và của các được có là những cho với trong một này đã để khi từ tại""".split()
)


def say(msg: str = "") -> None:
    print(msg, flush=True)


# -- statistics --------------------------------------------------------------------------------


def percentile(values: list[float], pct: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    xs = sorted(values)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * pct / 100
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def measure(fn, items: list, reps: int, warmup: int = 1) -> dict:
    """Latency of `fn(item)` per item, in ms: `warmup` untimed passes, then `reps` timed passes.
    p50/p95 are taken per pass and the median over the passes is reported."""
    for _ in range(warmup):
        for item in items:
            fn(item)
    passes = []
    for _ in range(reps):
        times = []
        for item in items:
            started = time.perf_counter()
            fn(item)
            times.append((time.perf_counter() - started) * 1000)
        passes.append(times)
    p50s = [percentile(p, 50) for p in passes]
    p95s = [percentile(p, 95) for p in passes]
    per_item = [statistics.median(p[i] for p in passes) for i in range(len(items))]
    return {
        "p50_ms": statistics.median(p50s),
        "p95_ms": statistics.median(p95s),
        "p95_ms_range": [min(p95s), max(p95s)],
        "max_ms": max(max(p) for p in passes),
        "reps": reps,
        "n": len(items),
        "per_item_ms": per_item,
    }


# -- corpus and queries ------------------------------------------------------------------------


def load_corpus_module():
    """bench/corpus.py (written by a colleague): wait for it rather than fail."""
    path = ROOT / "bench" / "corpus.py"
    deadline = time.monotonic() + CORPUS_WAIT_S
    while not path.exists():
        if time.monotonic() > deadline:
            sys.exit("bench/corpus.py did not appear; it provides synthetic_documents()")
        say("waiting for bench/corpus.py …")
        time.sleep(60)
    from bench import corpus

    return corpus


def _words(doc) -> list[str]:
    # NFC first: a decomposed accent is not a letter and would cut the word in two.
    return _WORD.findall(unicodedata.normalize("NFC", f"{doc.title} {doc.summary}"))


def make_queries(docs, n: int, seed: int = 7) -> list[dict]:
    """A fixed, seeded mix of realistic queries: {q, lang, cat, filters (API parameter names)}.

    Words are drawn as 1–3 consecutive words of a random item's title or summary, so they hit
    the corpus the way visitors do (common words match thousands of items, rare ones a few).
    """
    rng = random.Random(seed)
    by_locale = {loc: [d for d in docs if d.locale == loc] for loc in LOCALES}
    communes = sorted({c for d in docs for c in d.facets.get("commune", ())})

    def window(loc: str, k: int) -> str:
        for _ in range(50):  # bounded: a title of at least k words turns up almost at once
            words = _words(rng.choice(by_locale[loc]))
            if len(words) >= k:
                i = rng.randrange(len(words) - k + 1)
                picked = [w.lower() for w in words[i : i + k]]
                if picked[0] not in _STOP and picked[-1] not in _STOP and len(picked[0]) > 1:
                    return " ".join(picked)
        return _words(by_locale[loc][0])[0].lower()

    out = [{"q": q, "lang": lang, "cat": "fixed", "filters": {}} for q, lang in FIXED_QUERIES]
    plan = [("vi", 0.30), ("vi-nodiacritics", 0.20), ("en", 0.25), ("filtered", 0.12), ("phrase", 0.08)]
    remaining = max(0, n - len(out))
    counts = [[cat, int(share * remaining)] for cat, share in plan]
    for i in range(remaining - sum(c for _, c in counts)):  # rounding leftovers, in plan order
        counts[i % len(counts)][1] += 1

    def one(cat: str) -> dict:
        k = rng.choice((1, 2, 2, 3))
        if cat in ("vi", "vi-nodiacritics"):
            q = window("vi", k)
            return {
                "q": text.fold(q) if cat == "vi-nodiacritics" else q,
                "lang": "vi",
                "cat": cat,
                "filters": {},
            }
        if cat == "en":
            return {"q": window("en", k), "lang": "en", "cat": cat, "filters": {}}
        loc = rng.choice(LOCALES)
        if cat == "phrase":
            return {"q": f'"{window(loc, 2)}"', "lang": loc, "cat": cat, "filters": {}}
        choice = rng.randrange(4)
        filters = (
            {"kind": [rng.choice(("product", "attraction", "news"))]}
            if choice == 0
            else {"commune": [rng.choice(communes)]}
            if choice == 1
            else {"kind": ["investment"], "sector": ["agriculture", "energy"]}
            if choice == 2
            else {"kind": ["fair"], "upcoming": True}
        )
        return {"q": window(loc, rng.choice((1, 2))), "lang": loc, "cat": cat, "filters": filters}

    seen = {(q["q"], q["lang"], "{}") for q in out}
    for cat, count in counts:
        for _ in range(count):
            for _attempt in range(20):  # common words come up often: keep the set distinct
                query = one(cat)
                key = (query["q"], query["lang"], json.dumps(query["filters"], sort_keys=True))
                if key not in seen:
                    break
            seen.add(key)
            out.append(query)
    return out[:n]


def common_word_queries(docs, n: int = 30) -> list[dict]:
    """Queries of the words most documents share (each matches a large part of the catalogue,
    so counting facets and ranking run over big match sets): the most common single words of
    each language, and the most common pairs of adjacent title words."""
    df: dict[tuple[str, str], int] = {}
    pairs: dict[tuple[str, str], int] = {}
    for doc in docs:
        words = [w.lower() for w in _words(doc)]
        for w in set(words):
            if len(w) > 1 and w not in _STOP:
                df[(w, doc.locale)] = df.get((w, doc.locale), 0) + 1
        title = [w.lower() for w in _WORD.findall(unicodedata.normalize("NFC", doc.title))]
        for a, b in itertools.pairwise(title):
            if a not in _STOP and b not in _STOP:
                pairs[(f"{a} {b}", doc.locale)] = pairs.get((f"{a} {b}", doc.locale), 0) + 1
    singles = sorted(df, key=lambda k: -df[k])[: n - n // 3]
    doubles = sorted(pairs, key=lambda k: -pairs[k])[: n // 3]
    return [{"q": q, "lang": lang, "cat": "common", "filters": {}} for q, lang in singles + doubles]


def to_filters(f: dict) -> Filters:
    return Filters(
        kinds=tuple(f.get("kind", ())),
        communes=tuple(f.get("commune", ())),
        sectors=tuple(f.get("sector", ())),
        categories=tuple(f.get("category", ())),
        upcoming=bool(f.get("upcoming")),
        today=TODAY,
    )


def make_prefixes(docs, n: int, seed: int = 11) -> list[tuple[str, str]]:
    """Autocomplete inputs as typed: 1–6 letters of a title word, sometimes after a whole word,
    with and without diacritics."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        doc = rng.choice(docs)
        words = _words(doc)[: len(doc.title.split())] or ["a"]
        i = rng.randrange(len(words))
        prefix = words[i][: rng.randint(1, 6)]
        if i > 0 and rng.random() < 0.3:
            prefix = f"{words[i - 1]} {prefix}"
        if doc.locale == "vi" and rng.random() < 0.4:
            prefix = text.fold(prefix)
        out.append((prefix.lower(), doc.locale))
    return out


# -- embedded engine ---------------------------------------------------------------------------


def search_fn(engine):
    def run(query: dict):
        try:
            return search_with(
                engine, query["q"], query["lang"], to_filters(query["filters"]), 1, 10, SYNONYM_GROUPS
            )
        except QueryError:
            return None

    return run


def floor_fn(path: Path):
    """The bare FTS5 query on the same file: MATCH built from the analysed tokens exactly as
    sqlite.py builds it (parse + expand without synonyms or typo look-ups), no filters, no
    collapsing of translations, no facets, no snippets."""
    conn = sqlite3.connect(path)
    for pragma in ("temp_store=MEMORY", "cache_size=-32000", "mmap_size=268435456"):
        conn.execute(f"PRAGMA {pragma}")  # the same settings the engine's connections use
    sql = "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT 10"

    def run(expr: str):
        return conn.execute(sql, (expr,)).fetchall()

    return run, conn


def bench_embedded(docs, queries, prefixes, reps: int, workdir: Path) -> dict:
    out: dict = {}
    path = workdir / "embedded.sqlite3"
    engine = SqliteEngine(path)
    say(f"  rebuilding a fresh index of {len(docs):,} documents …")
    started = time.perf_counter()
    engine.rebuild(docs, total=len(docs))
    secs = time.perf_counter() - started
    out["rebuild_s"] = secs
    out["rebuild_rate"] = len(docs) / secs
    out["index_mb"] = path.stat().st_size / 1e6
    say(f"  rebuild: {secs:.1f}s = {out['rebuild_rate']:,.0f} docs/s (index {out['index_mb']:.0f} MB)")

    run = search_fn(engine)
    sample = [run(q) for q in queries]
    out["zero_result_queries"] = sum(1 for r in sample if r is not None and r.total == 0)
    out["rejected_queries"] = sum(1 for r in sample if r is None)
    out["median_total"] = statistics.median(r.total for r in sample if r is not None)
    say(
        f"  {len(queries)} queries: median {out['median_total']:,.0f} matching items, "
        f"{out['zero_result_queries']} with none, {out['rejected_queries']} rejected"
    )
    say(f"  timing search_with (full results: facets, snippets), {reps} passes …")
    out["search"] = measure(run, queries, reps)
    for cat in sorted({q["cat"] for q in queries}):
        idx = [i for i, q in enumerate(queries) if q["cat"] == cat]
        per = [out["search"]["per_item_ms"][i] for i in idx]
        out.setdefault("search_by_category", {})[cat] = {
            "n": len(idx),
            "p50_ms": percentile(per, 50),
            "p95_ms": percentile(per, 95),
        }

    exprs = [fts_expression(expand(parse(q["q"]))) for q in queries]
    floor, conn = floor_fn(path)
    say("  timing the FTS5 floor …")
    out["floor"] = measure(floor, exprs, reps)
    conn.close()

    def complete(item):
        return engine.autocomplete(item[0], item[1])

    say(f"  timing autocomplete over {len(prefixes)} prefixes …")
    out["autocomplete"] = measure(complete, prefixes, reps)
    out["ratio_vs_floor"] = out["search"]["p95_ms"] / out["floor"]["p95_ms"]
    return out


# -- Elasticsearch -----------------------------------------------------------------------------


def elastic_url() -> str:
    return os.environ.get("ELASTICSEARCH_URL") or os.environ.get("ELASTICSEARCH_TEST_URL") or ""


def bench_elastic(docs, queries, prefixes, reps: int) -> dict | None:
    url = elastic_url()
    if not url:
        say("  skipped: no Elasticsearch (set ELASTICSEARCH_URL or ELASTICSEARCH_TEST_URL)")
        return None
    from search.engines.elastic import ElasticEngine

    prefix = f"bench-{secrets.token_hex(4)}"
    engine = ElasticEngine(url, index_prefix=prefix)
    try:
        engine.client.options(request_timeout=3).cluster.health()
    except Exception as exc:  # any client or transport failure means "not reachable"
        say(f"  skipped: no Elasticsearch ({url} not reachable: {type(exc).__name__})")
        return None
    out: dict = {"url": url, "index_prefix": prefix}
    try:
        say(f"  bulk rebuild of {len(docs):,} documents into {url} ({prefix}) …")
        started = time.perf_counter()
        engine.rebuild(docs, total=len(docs))
        out["rebuild_s"] = time.perf_counter() - started
        out["rebuild_rate"] = len(docs) / out["rebuild_s"]
        say(f"  rebuild: {out['rebuild_s']:.1f}s = {out['rebuild_rate']:,.0f} docs/s")
        run = search_fn(engine)
        say(f"  timing search_with against Elasticsearch, {reps} passes …")
        out["search"] = measure(run, queries, reps)

        def complete(item):
            return engine.autocomplete(item[0], item[1])

        out["autocomplete"] = measure(complete, prefixes, reps)
    except EngineUnavailable as exc:
        say(f"  Elasticsearch failed mid-run: {exc}")
        out["error"] = str(exc)
    finally:
        try:
            engine.drop_indices()
            say(f"  deleted the bench indices {prefix}*")
        except Exception as exc:  # the cluster went away mid-run
            say(f"  could not delete the bench indices {prefix}*: {type(exc).__name__}")
    return out


# -- Django child processes --------------------------------------------------------------------


def child_env(db: Path, index: Path) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="promo.settings.dev",
        DATABASE_URL=f"sqlite:///{db}",
        SEARCH_INDEX_PATH=str(index),
        PYTHONUNBUFFERED="1",
    )
    # The child must never write to a configured Elasticsearch (another engineer's index).
    env.pop("ELASTICSEARCH_URL", None)
    return env


def run_child(action: str, workdir: Path, db: Path, job: dict | None, timeout: int) -> dict:
    job_path, out_path = workdir / f"{action}-job.json", workdir / f"{action}-out.json"
    args = [sys.executable, "-m", "bench.wagtail_pages", action]
    if job is not None:
        job_path.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
        args += [str(job_path), str(out_path)]
    env = child_env(db, workdir / f"{action}-index.sqlite3")
    proc = subprocess.run(args, cwd=ROOT, env=env, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"bench.wagtail_pages {action} failed (exit {proc.returncode})")
    return json.loads(out_path.read_text(encoding="utf-8")) if job is not None else {}


def load_scorer():
    spec = importlib.util.spec_from_file_location("search_eval_score", EVAL_DIR / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_runs(runs: dict, workdir: Path) -> dict:
    scorer = load_scorer()
    scores = {}
    for engine, results in runs.items():
        run_path = workdir / f"run-{re.sub(r'[^a-z]+', '-', engine.lower())}.json"
        run_path.write_text(json.dumps({"engine": engine, "results": results}), encoding="utf-8")
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(io.StringIO()):
            scorer.main(
                [
                    str(EVAL_DIR / "dev-queries.json"),
                    str(run_path),
                    "--corpus",
                    str(EVAL_DIR / "dev-corpus.jsonl"),
                    "--json",
                ]
            )
        scores[engine] = json.loads(buf.getvalue())
    return scores


# -- report ------------------------------------------------------------------------------------


def fmt(value, spec: str = ".1f", suffix: str = "") -> str:
    return "—" if value is None else f"{value:{spec}}{suffix}"


def fmt_load(load) -> str:
    return "/".join(f"{x:.1f}" for x in load)


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    say(" | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    say("-|-".join("-" * w for w in widths))
    for row in rows:
        say(
            " | ".join(
                str(c).ljust(w) if i == 0 else str(c).rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )


def wagtail_p50(wagtail: dict | None) -> float | None:
    ok = [t["ms"] for t in (wagtail or {}).get("queries", [])]
    return statistics.median(ok) if ok else None


def subset_pct(result: dict | None, n: int, pct: float) -> float | None:
    """A percentile of an engine's per-query latency over the first `n` queries (the ones
    Wagtail's search also ran)."""
    if not result or "search" not in result or n == 0:
        return None
    return percentile(result["search"]["per_item_ms"][:n], pct)


def report(results: dict) -> dict:
    emb, es, wag = results["embedded"], results.get("elasticsearch"), results.get("wagtail")
    wag_n = len((wag or {}).get("queries", []))
    wag_p50 = wagtail_p50(wag)
    wag_p95 = percentile([t["ms"] for t in wag["queries"]], 95) if wag_n else None

    def vs_wagtail(result):
        p50, p95 = subset_pct(result, wag_n, 50), subset_pct(result, wag_n, 95)
        if not (p50 and p95 and wag_p50 and wag_p95):
            return "—"
        return f"p50 {p50 / wag_p50:.3g}× / p95 {p95 / wag_p95:.3g}×"

    say("\n== Latency and build rate (search = search_with: parse, expand, facets, snippets) ==")
    rows = [
        [
            "embedded search (API path)",
            fmt(emb["rebuild_rate"], ",.0f"),
            fmt(emb["search"]["p50_ms"], ".2f"),
            fmt(emb["search"]["p95_ms"], ".2f"),
            f"{emb['ratio_vs_floor']:.1f}×",
            vs_wagtail(emb),
        ],
        [
            "embedded autocomplete",
            "",
            fmt(emb["autocomplete"]["p50_ms"], ".2f"),
            fmt(emb["autocomplete"]["p95_ms"], ".2f"),
            "",
            "",
        ],
        [
            "FTS5 floor (bare MATCH+bm25)",
            "",
            fmt(emb["floor"]["p50_ms"], ".3f"),
            fmt(emb["floor"]["p95_ms"], ".3f"),
            "1.0×",
            "",
        ],
    ]
    if es and "search" in es and "autocomplete" in es:
        rows += [
            [
                "elasticsearch search (API path)",
                fmt(es["rebuild_rate"], ",.0f"),
                fmt(es["search"]["p50_ms"], ".2f"),
                fmt(es["search"]["p95_ms"], ".2f"),
                f"{es['search']['p95_ms'] / emb['floor']['p95_ms']:.1f}×",
                vs_wagtail(es),
            ],
            [
                "elasticsearch autocomplete",
                "",
                fmt(es["autocomplete"]["p50_ms"], ".2f"),
                fmt(es["autocomplete"]["p95_ms"], ".2f"),
                "",
                "",
            ],
        ]
    else:
        rows.append(["elasticsearch", "skipped", "", "", "", ""])
    if wag:
        rows.append(
            [
                f"wagtail built-in ({wag_n} queries)",
                fmt(wag["update_index_rate"], ",.0f"),
                fmt(wag_p50, ",.2f"),
                fmt(wag_p95, ",.2f"),
                f"{wag_p95 / emb['floor']['p95_ms']:.1f}×" if wag_p95 else "—",
                "1.0×",
            ]
        )
        rows.append(
            ["embedded rebuild from the pages", fmt(wag["ours_from_pages_rate"], ",.0f"), "", "", "", ""]
        )
    else:
        rows.append(["wagtail built-in", "skipped", "", "", "", ""])
    print_table(
        ["engine", "build docs/s", "p50 ms", "p95 ms", "ratio vs floor", "ratio vs Wagtail built-in"], rows
    )
    say(
        f"({emb['search']['n']} queries × {emb['search']['reps']} timed passes after a warm-up "
        f"pass; p50/p95 per pass, median over passes. Floor ratio = p95 / floor p95.)"
    )
    if wag:
        say(
            f"(Wagtail built-in: only {wag_n} queries, each run once — bounded to at most "
            f"{wag['max_queries']} queries / {wag['budget_s']} s; 'ratio vs Wagtail' = the "
            f"engine's p50 (p95) over those same {wag_n} queries / Wagtail's p50 (p95); Wagtail's "
            f"build rate is `update_index` pages/s. Wagtail returns 10 bare pages: no facets, "
            f"snippets or translation collapsing, and it indexes only title, ref and summary "
            f"(the pages' search_fields), not the body.)"
        )

    say("\n-- embedded search by query category --")
    print_table(
        ["category", "n", "p50 ms", "p95 ms"],
        [
            [cat, str(v["n"]), fmt(v["p50_ms"], ".2f"), fmt(v["p95_ms"], ".2f")]
            for cat, v in emb["search_by_category"].items()
        ],
    )

    per = emb["search"]["per_item_ms"]
    slowest = sorted(range(len(per)), key=lambda i: -per[i])[:5]
    say(
        "  slowest embedded queries (median ms over passes): "
        + ", ".join(f"{results['queries'][i]['q']!r} {per[i]:.0f}" for i in slowest)
    )

    api = results.get("api_cost")
    if api:
        say(
            f"\n== Search cost near the floor: {api['queries']} common-word queries over "
            f"{api['documents']:,} documents (median match {statistics.median(api['totals']):,.0f} "
            f"items), one process, interleaved =="
        )
        rows = [
            [
                name,
                fmt(api[key]["p50_ms"], ".2f"),
                fmt(api[key]["p95_ms"], ".2f"),
                f"{api[key]['p95_ms'] / api['floor']['p95_ms']:.1f}×",
            ]
            for name, key in (
                ("JSON API (GET /api/v1/search/)", "api"),
                ("search_with (in-process)", "service"),
                ("FTS5 floor (bare MATCH+bm25 top 10)", "floor"),
            )
        ]
        print_table(["path", "p50 ms", "p95 ms", "p95 vs floor"], rows)
    checks = {
        "embedded_p95_ms": emb["search"]["p95_ms"],
        "embedded_vs_floor": emb["ratio_vs_floor"],
        "api_vs_floor": api["api"]["p95_ms"] / api["floor"]["p95_ms"] if api else None,
        "autocomplete_p95_ms": emb["autocomplete"]["p95_ms"],
        "embedded_rebuild_rate": emb["rebuild_rate"],
        "elastic_p95_ms": es["search"]["p95_ms"] if es and "search" in es else None,
    }
    say("\n== Targets ==")
    verdicts = {}
    for key, value in checks.items():
        label, limit, op = TARGETS[key]
        if value is None:
            verdicts[key] = "SKIP"
        else:
            ok = value <= limit if op == "le" else value >= limit
            verdicts[key] = "PASS" if ok else "MISS"
        shown = fmt(value, ",.1f" if key == "embedded_rebuild_rate" else ".2f")
        say(f"  {verdicts[key]:4}  {label:40} measured {shown}")

    rel = results.get("relevance")
    if rel:
        say("\n== Relevance on the judged dev set (tests/data/search-eval, today = 2026-11-26) ==")
        rows = []
        for engine, s in rel["scores"].items():
            o = s["overall"]
            rows.append(
                [
                    engine,
                    f"{o['ndcg@10']:.3f}",
                    f"{o['mrr@10']:.3f}",
                    f"{o['recall@10']:.3f}",
                    f"{o['noresult']:.2f}",
                    f"{o['langok']:.2f}",
                ]
            )
        print_table(["engine", "nDCG@10", "MRR", "recall", "no-result", "lang-ok"], rows)
        engines = list(rel["scores"])
        say("\n-- nDCG@10 (no-result: share answered with nothing) per category --")
        cats = list(rel["scores"][engines[0]]["categories"])
        rows = []
        for cat in cats:
            row = [cat]
            for engine in engines:
                c = rel["scores"][engine]["categories"][cat]
                row.append(fmt(c["noresult"], ".2f") if cat == "no-result" else fmt(c["ndcg@10"], ".3f"))
            rows.append(row)
        print_table(["category", *engines], rows)
        for engine, errs in rel.get("errors", {}).items():
            if errs:
                say(
                    f"  {engine}: {len(errs)} queries failed (counted as zero results): "
                    + "; ".join(f"{k}: {v[:80]}" for k, v in sorted(errs.items()))
                )
    return verdicts


# -- main --------------------------------------------------------------------------------------


def parse_args(argv=None):
    ap = argparse.ArgumentParser(prog="python -m bench.search_bench", description=__doc__.split("\n")[0])
    ap.add_argument("--items", type=int, default=10_000, help="catalogue items (× vi, en)")
    ap.add_argument("--queries", type=int, default=200, help="size of the query set")
    ap.add_argument("--prefixes", type=int, default=150, help="autocomplete inputs")
    ap.add_argument("--reps", type=int, default=5, help="timed passes over the query set")
    ap.add_argument(
        "--skip-wagtail",
        action="store_true",
        help="skip Wagtail's built-in search (pages, update_index, queries)",
    )
    ap.add_argument("--skip-relevance", action="store_true", help="skip the dev-set relevance run")
    ap.add_argument(
        "--skip-api", action="store_true", help="skip the JSON API cost against the FTS5 floor (common words)"
    )
    ap.add_argument(
        "--wagtail-queries",
        type=int,
        default=20,
        help="at most this many queries for Wagtail's search (it is slow)",
    )
    ap.add_argument("--wagtail-budget", type=int, default=90, help="seconds for Wagtail's queries")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    if not 1 <= args.items <= 200_000 or not 1 <= args.queries <= 5000 or not 1 <= args.reps <= 50:
        ap.error("--items 1..200000, --queries 1..5000, --reps 1..50")
    return args


def wagtail_query_subset(queries: list[dict], n: int) -> list[dict]:
    """A few varied queries for Wagtail's slow search: round robin over the query categories
    (phrases left out: the built-in backend has no phrase syntax)."""
    by_cat: dict[str, list[dict]] = {}
    for q in queries:
        if q["cat"] != "phrase":
            by_cat.setdefault(q["cat"], []).append(q)
    picked: list[dict] = []
    for i in range(max((len(v) for v in by_cat.values()), default=0)):
        for group in by_cat.values():
            if i < len(group) and len(picked) < n:
                picked.append(group[i])
    return picked


def main(argv=None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    corpus = load_corpus_module()
    results: dict = {
        "started": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "sqlite": sqlite3.sqlite_version,
            "platform": platform.platform(),
        },
        "args": vars(args),
        "loadavg_start": os.getloadavg(),
    }
    say(
        f"search benchmark: {args.items:,} items × {len(LOCALES)} locales, {args.queries} queries, "
        f"{args.reps} passes (SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs)"
    )

    say("\n[1/5] generating the synthetic catalogue …")
    t0 = time.perf_counter()
    docs = corpus.synthetic_documents(args.items, locales=LOCALES, seed=args.seed)
    say(f"  {len(docs):,} documents in {time.perf_counter() - t0:.1f}s")
    queries = make_queries(docs, args.queries)
    # Wagtail's handful go first so every engine's per-query timings line up with them.
    wag_queries = [] if args.skip_wagtail else wagtail_query_subset(queries, args.wagtail_queries)
    queries = wag_queries + [q for q in queries if q not in wag_queries]
    prefixes = make_prefixes(docs, args.prefixes)
    results["queries"] = queries
    results["prefixes"] = prefixes
    common = common_word_queries(docs)
    results["common_queries"] = common

    workdir = Path(tempfile.mkdtemp(prefix="search-bench-"))
    try:
        say("\n[2/5] embedded engine (SQLite FTS5)")
        results["embedded"] = bench_embedded(docs, queries, prefixes, args.reps, workdir)

        if args.skip_api:
            say("\n  search API cost: skipped (--skip-api)")
        else:
            say(f"\n  search API cost on {len(common)} common-word queries (child process) …")
            template = workdir / "migrated.sqlite3"
            run_child("migrate", workdir, template, None, timeout=600)
            shutil.copy(workdir / "embedded.sqlite3", workdir / "api-index.sqlite3")
            db = workdir / "api.sqlite3"
            shutil.copy(template, db)
            results["api_cost"] = run_child(
                "api", workdir, db, {"queries": common, "reps": args.reps}, timeout=900
            )

        say("\n[3/5] Elasticsearch")
        results["elasticsearch"] = bench_elastic(docs, queries, prefixes, max(2, args.reps // 2))

        template = workdir / "migrated.sqlite3"
        if not (args.skip_wagtail and args.skip_relevance) and not template.exists():
            say("\n  migrating a throwaway database (for Wagtail pages and the dev set) …")
            run_child("migrate", workdir, template, None, timeout=600)

        say("\n[4/5] Wagtail built-in search on the same items as pages")
        if args.skip_wagtail:
            say("  skipped (--skip-wagtail)")
        else:
            db = workdir / "pages.sqlite3"
            shutil.copy(template, db)
            job = {
                "items": args.items,
                "locales": LOCALES,
                "seed": args.seed,
                "queries": wag_queries,
                "max_queries": args.wagtail_queries,
                "budget_s": args.wagtail_budget,
            }
            results["wagtail"] = run_child("pages", workdir, db, job, timeout=1200)

        say("\n[5/5] relevance on the judged dev set")
        if args.skip_relevance:
            say("  skipped (--skip-relevance)")
        else:
            db = workdir / "relevance.sqlite3"
            shutil.copy(template, db)
            es = results.get("elasticsearch")
            job = {
                "elasticsearch_url": es["url"] if es and "search" in es else "",
                "elasticsearch_prefix": f"bench-rel-{secrets.token_hex(4)}",
            }
            rel = run_child("relevance", workdir, db, job, timeout=600)
            rel["scores"] = score_runs(rel["runs"], workdir)
            results["relevance"] = rel
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    verdicts = report(results)
    results["verdicts"] = verdicts
    results["elapsed_s"] = time.monotonic() - started
    results["loadavg_end"] = os.getloadavg()
    say(
        f"\nload average (1/5/15 min) at start {fmt_load(results['loadavg_start'])}, at end "
        f"{fmt_load(results['loadavg_end'])} on {os.cpu_count()} CPUs — other work on the "
        f"machine inflates the tails."
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    emb = results["embedded"]
    es = results.get("elasticsearch")
    say(
        f"\nbench: {len(docs):,} docs; embedded p95 {emb['search']['p95_ms']:.1f} ms "
        f"({emb['ratio_vs_floor']:.1f}× floor), autocomplete p95 {emb['autocomplete']['p95_ms']:.1f} ms, "
        f"rebuild {emb['rebuild_rate']:,.0f} docs/s"
        + (f", Elasticsearch p95 {es['search']['p95_ms']:.1f} ms" if es and "search" in es else "")
        + f"; {sum(v == 'PASS' for v in verdicts.values())} PASS, "
        f"{sum(v == 'MISS' for v in verdicts.values())} MISS; {results['elapsed_s']:.0f}s "
        f"→ {RESULTS.relative_to(ROOT)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
