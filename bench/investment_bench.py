"""Investment screening benchmark (`make bench-investment`): the GeoJSON endpoint and the
filtered listing at 1,000 opportunities, each beside the unfiltered listing measured in the
same run.

Everything happens in a throwaway SQLite database in a temporary directory (never the
developer's own): migrate, the site skeleton, `--items` opportunities (vi) with deal facts
spread over the seeded sectors, communes and forms, then requests through Django's test client
(the whole stack but the network: URL routing, Wagtail page serving, templates, the JSON
encoder). One untimed warm-up, then `--reps` timed requests per case; p50 and p95 in ms, and
p95 as a ratio of the unfiltered listing's p95. Results also go to bench/results/investment.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "investment.json"


def setup_django(work: Path):
    os.environ["DJANGO_SETTINGS_MODULE"] = "promo.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    os.environ["SEARCH_INDEX_PATH"] = str(work / "search.sqlite3")
    os.environ["VAR_DIR"] = str(work)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def make_opportunities(count: int, seed: int = 1):
    from decimal import Decimal

    from django.db import transaction
    from wagtail.models import Locale, Page, Site

    from promo.catalogue.site import ensure_site
    from promo.models import (
        Commune,
        ExchangeRate,
        InvestmentForm,
        InvestmentIndexPage,
        InvestmentPage,
        Sector,
    )

    ensure_site()
    rate = ExchangeRate.for_site(Site.objects.get(is_default_site=True))
    rate.vnd_per_usd, rate.rate_date = Decimal("26380"), "2026-11-27"
    rate.save()
    rng = random.Random(seed)
    vi = Locale.objects.get(language_code="vi")
    index = InvestmentIndexPage.objects.get(locale=vi)
    sectors = list(Sector.objects.filter(locale=vi))
    communes = list(Commune.objects.filter(locale=vi))
    forms = list(InvestmentForm.objects.filter(locale=vi))
    started = time.perf_counter()
    with transaction.atomic():
        for n in range(count):
            page = InvestmentPage(
                title=f"Cơ hội đầu tư mẫu số {n}",
                slug=f"co-hoi-{n:05d}",
                ref=f"co-hoi-{n:05d}",
                locale=vi,
                live=True,
                summary="Dữ liệu mẫu cho benchmark.",
                sector=rng.choice(sectors),
                commune=rng.choice(communes),
                investment_form=rng.choice(forms),
                status=rng.choice(["open", "open", "negotiating", "awarded"]),
                area_ha=Decimal(rng.randint(1, 5000)) / 10,
                capital_vnd=rng.randint(20, 3000) * 1_000_000_000,
                lat=Decimal("11.2") + Decimal(rng.randint(0, 2500)) / 10000,
                lon=Decimal("106.3") + Decimal(rng.randint(0, 2500)) / 10000,
                decision_expected=f"2027-{rng.randint(1, 12):02d}-15",
                published=f"2026-{rng.randint(1, 11):02d}-01",
                path=Page._get_path(index.path, index.depth + 1, n + 1),
                depth=index.depth + 1,
                url_path=f"{index.url_path}co-hoi-{n:05d}/",
            )
            page.save()
        Page.objects.filter(pk=index.pk).update(numchild=count)
    return time.perf_counter() - started


def measure(client, url, reps):
    response = client.get(url)  # warm-up (and a correctness check)
    if response.status_code != 200:
        raise SystemExit(f"{url}: HTTP {response.status_code}")
    size = len(response.content)
    times = []
    for _ in range(reps):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return {"p50": statistics.median(times), "p95": p95, "bytes": size}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--reps", type=int, default=40)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dautieng-bench-") as tmp:
        work = Path(tmp)
        print(f"Setting up a throwaway database in {work} …", flush=True)
        setup_django(work)
        built = make_opportunities(args.items)
        print(f"{args.items} opportunities created in {built:.1f}s", flush=True)
        from django.test import Client

        client = Client()
        # Vietnamese: the bench creates the source pages only (no translations).
        filtered = (
            "sector=manufacturing&sector=energy&status=open&area_min=10&capital_min=5000000"
            "&capital_max=80000000&currency=usd&sort=capital_desc"
        )
        cases = [
            ("listing, unfiltered (baseline)", "/vi/dau-tu/"),
            ("listing, filtered + sorted", f"/vi/dau-tu/?{filtered}"),
            ("listing, map view, filtered", f"/vi/dau-tu/?view=map&{filtered}"),
            ("GeoJSON, all items", "/api/v1/places.geojson?kind=investment&lang=vi"),
            ("GeoJSON, filtered", f"/api/v1/places.geojson?kind=investment&lang=vi&{filtered}"),
        ]
        results = {}
        for name, url in cases:
            results[name] = {"url": url, **measure(client, url, args.reps)}
            print(f"  measured {name}", flush=True)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        for name, url in cases:
            with CaptureQueriesContext(connection) as ctx:
                client.get(url)
            results[name]["queries"] = len(ctx.captured_queries)
    base = results["listing, unfiltered (baseline)"]["p95"]
    print(
        f"\nInvestment screening at {args.items} opportunities, {args.reps} requests per case "
        "(in-process test client, SQLite)"
    )
    print(f"{'case':34} {'p50 ms':>8} {'p95 ms':>8} {'× base p95':>10} {'queries':>8} {'KB':>8}")
    for name, row in results.items():
        print(
            f"{name:34} {row['p50']:8.1f} {row['p95']:8.1f} {row['p95'] / base:10.2f} "
            f"{row['queries']:8d} {row['bytes'] / 1024:8.1f}"
        )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(
        json.dumps({"items": args.items, "reps": args.reps, "results": results}, indent=1, ensure_ascii=False)
    )
    print(f"\nResults: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
