"""Rendering benchmark (`make bench-render`): the demo's home, every section listing and a detail
page of every kind, rendered in-process with the page cache off (issue 12 item 2: home p50 at
most 25 ms, every page at most 15 SQL queries).

The demo site of `make loadtest` (`var/loadtest/`: its own SQLite database, media and static
files, built once with `load_demo`, all five languages with pictures; `--fresh` rebuilds it),
the production settings (DEBUG off, file caches; PAGE_CACHE=0 so every request renders), then
Django's test client: the whole stack but the network (middleware, Wagtail routing and serving,
templates). Per page: `--warmup` untimed
renders (the first fills the per-generation memo, pagecache/memo.py, and the renditions), then
`--reps` timed ones; p50 and p95 in ms and the SQL queries of one warm render and of the very
first render ("cold"). Also written to bench/results/render.json (git-ignored).

    make bench-render
    .venv/bin/python -m bench.render_bench --reps 100 --language vi
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "render.json"
HOME_GOAL_MS = 25
MOST_QUERIES = 15


def setup_django(work: Path):
    from bench.loadtest import site_env

    os.environ.update(site_env(work, page_cache=False))
    os.environ.update(ALLOWED_HOSTS="testserver", SECURE_SSL_REDIRECT="0", REDIS_URL="")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    # The site may have been built before a new migration or static file.
    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)


def pages(language):
    """[(label, url)]: home, each listing, a detail page of each kind, in `language`."""
    from promo.models import CATALOGUE_MODELS, INDEX_MODELS

    found = [("home", f"/{language}/")]
    for kind, model in INDEX_MODELS.items():
        index = model.objects.live().filter(locale__language_code=language).first()
        if index is not None:
            found.append((f"listing {kind}", index.url))
    for kind, model in CATALOGUE_MODELS.items():
        item = model.objects.live().filter(locale__language_code=language).order_by("path").first()
        if item is not None:
            found.append((f"detail {kind}", item.url))
    return found


def queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"bench.render_bench: {url} answered {response.status_code}")
    return len(ctx.captured_queries)


def measure(client, url, warmup, reps):
    cold = queries(client, url)
    for _ in range(warmup):
        client.get(url)
    warm = queries(client, url)
    times, cpu = [], []
    for _ in range(reps):
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        cpu.append((time.process_time() - started_cpu) * 1000)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 2),
        # CPU time of this process: what a render costs when it does not wait for a core (on
        # a shared, loaded machine the wall-clock figures mostly measure the wait).
        "cpu_p50_ms": round(statistics.median(cpu), 2),
        "queries": warm,
        "queries_cold": cold,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=60, help="timed renders per page (default 60)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed renders first (default 5)")
    parser.add_argument("--language", action="append", help="vi, en, ko, ja, zh-hans (default: vi and en)")
    parser.add_argument("--fresh", action="store_true", help="rebuild the demo site first")
    args = parser.parse_args(argv)
    if args.reps < 1 or args.warmup < 1:
        parser.error("--reps and --warmup must be at least 1")

    from bench.loadtest import build_site

    work = ROOT / "var" / "loadtest"
    build_site(work, args.fresh)
    setup_django(work)
    from django.conf import settings
    from django.test import Client

    languages = args.language or ["vi", "en"]
    unknown = sorted(set(languages) - {code for code, _name in settings.LANGUAGES})
    if unknown:
        parser.error(f"unknown language(s): {', '.join(unknown)}")
    print(f"  load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    client = Client()
    rows = []
    for language in languages:
        for label, url in pages(language):
            result = measure(client, url, args.warmup, args.reps)
            rows.append({"language": language, "page": label, "url": url, **result})
            print(
                f"  {language:7} {label:22} p50 {result['p50_ms']:7.1f} ms"
                f"  p95 {result['p95_ms']:7.1f} ms  cpu p50 {result['cpu_p50_ms']:6.1f} ms"
                f"  queries {result['queries']:3} (cold {result['queries_cold']})",
                flush=True,
            )

    load = os.getloadavg()
    homes = [row["p50_ms"] for row in rows if row["page"] == "home"]
    home_cpu = max(row["cpu_p50_ms"] for row in rows if row["page"] == "home")
    most = max(row["queries"] for row in rows)
    summary = {
        "load_average": [round(x, 2) for x in load],
        "reps": args.reps,
        "home_p50_ms": max(homes),
        "home_cpu_p50_ms": home_cpu,
        "most_queries": most,
        "home_goal": "PASS" if max(homes) <= HOME_GOAL_MS else "MISS",
        "queries_goal": "PASS" if most <= MOST_QUERIES else "MISS",
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"summary": summary, "pages": rows}, indent=2, ensure_ascii=False))
    print(
        f"home p50 {summary['home_p50_ms']} ms (goal ≤ {HOME_GOAL_MS}: {summary['home_goal']}; "
        f"cpu p50 {home_cpu} ms), "
        f"most queries {most} (goal ≤ {MOST_QUERIES}: {summary['queries_goal']}), "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; {RESULTS.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
