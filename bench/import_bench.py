"""Importer benchmark: `catalogue import` of N items × vi/en into a throwaway SQLite database,
while another process keeps writing small rows (a visitor's enquiry) to the same database.

    .venv/bin/python -m bench.import_bench                 # 2,000 items × vi/en = 4,000 lines
    .venv/bin/python -m bench.import_bench --items 300     # quicker

Prints lines/s of the import (wall clock of the command, parse and check included) and the
longest wait of the visitor writes that ran during it — the import's longest write lock.
Never touches the developer's own database: DATABASE_URL, SEARCH_INDEX_PATH and MEDIA_ROOT
point into a temporary directory that is deleted at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMUNES = ("dau-tieng", "long-hoa", "minh-thanh", "thanh-an", "tay-nam")
SECTORS = ("agriculture", "manufacturing", "tourism", "logistics", "energy", "real-estate")
PRODUCT_CATEGORIES = ("agricultural", "food", "handicraft", "household", "beverage")
NEWS_CATEGORIES = ("economy", "culture", "environment", "investment")
ATTRACTION_CATEGORIES = ("nature", "heritage", "religious", "recreation", "food")


def catalogue_lines(n_items: int, seed: int = 1):
    """Valid catalogue lines, a vi line and an en line per item, of every kind in turn, with
    words drawn from the judged dev corpus as the search benchmark draws them."""
    import random

    from bench.corpus import _sentence, _vocabulary
    from promo.catalogue.spec import KINDS

    rng = random.Random(seed)
    vocabs = {loc: _vocabulary(loc) for loc in ("vi", "en")}
    for n in range(n_items):
        kind, ref = KINDS[n % len(KINDS)], f"item-{n:06d}"
        start = f"2027-{1 + n % 12:02d}-{1 + n % 27:02d}"
        end = f"2027-{1 + n % 12:02d}-{2 + n % 27:02d}"
        for locale in ("vi", "en"):
            vocab = vocabs[locale]
            line = {
                "ref": ref,
                "kind": kind,
                "locale": locale,
                "title": _sentence(rng, vocab, rng.randint(3, 12)).capitalize()[:255],
                "summary": _sentence(rng, vocab, rng.randint(11, 26)) + ".",
                "body": "\n\n".join(_sentence(rng, vocab, 25) + "." for _ in range(2)),
                "tags": [_sentence(rng, vocab, 2) for _ in range(rng.randint(0, 3))],
            }
            if locale == "vi":
                line.update(commune=COMMUNES[n % len(COMMUNES)], published="2026-01-15")
                if kind == "product":
                    line.update(
                        category=PRODUCT_CATEGORIES[n % 5],
                        ocop_stars=1 + n % 5,
                        price_from_vnd=10000 * (1 + n % 50),
                        unit="kg",
                        producer="HTX",
                    )
                elif kind == "attraction":
                    line.update(category=ATTRACTION_CATEGORIES[n % 5], lat=11.3, lon=106.3, ticket_vnd=0)
                elif kind == "investment":
                    line.update(
                        sector=SECTORS[n % 6],
                        area_ha=10 + n % 90,
                        capital_usd=1000000,
                        status="open",
                        contact_email="invest@example.com",
                    )
                elif kind == "news":
                    line.update(category=NEWS_CATEGORIES[n % 4])
            if kind == "fair":
                line.update(start=start, end=end)
                if locale == "vi":
                    line.update(venue="Nhà văn hóa", organizer="Trung tâm Xúc tiến")
            yield json.dumps(line, ensure_ascii=False) + "\n"


def _visitor_writes(db_path: Path, stop: threading.Event, waits: list, errors: list):
    """A visitor's small write every 50 ms, timed: how long the import holds the lock."""
    conn = sqlite3.connect(db_path, timeout=60, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 60000")
    conn.execute("CREATE TABLE IF NOT EXISTS bench_probe (id INTEGER PRIMARY KEY, at REAL)")
    while not stop.is_set():
        started = time.perf_counter()
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO bench_probe (at) VALUES (?)", (time.time(),))
            conn.execute("COMMIT")
            waits.append(time.perf_counter() - started)
        except sqlite3.Error as exc:
            errors.append(str(exc))
        stop.wait(0.05)
    conn.close()


def write_catalogue(path: Path, items: int, seed: int = 1) -> int:
    """Write `catalogue_lines(items, seed)` to `path`; returns the number of lines. Sets Django
    up first when nothing has: the exchange format's kinds are the catalogue's page models."""
    import django
    from django.apps import apps

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "promo.settings.dev")
    if not apps.ready:
        django.setup()
    with open(path, "w", encoding="utf-8") as out:
        return sum(1 for line in catalogue_lines(items, seed) if out.write(line))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--no-visitor", action="store_true", help="Import alone, without the concurrent visitor writes."
    )
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "promo.settings.dev")
    with tempfile.TemporaryDirectory(prefix="dautieng-import-bench-") as tmp:
        tmp = Path(tmp)
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
            "SEARCH_INDEX_PATH": str(tmp / "search.sqlite3"),
            "MEDIA_ROOT": str(tmp / "media"),
            "ELASTICSEARCH_URL": "",
            "DJANGO_SETTINGS_MODULE": "promo.settings.dev",
        }
        env.pop("VAR_DIR", None)
        manage = [sys.executable, str(ROOT / "manage.py")]
        data = tmp / "catalogue.jsonl"
        lines = write_catalogue(data, args.items, args.seed)
        print(f"load average {os.getloadavg()[0]:.2f}; {lines} lines ({args.items} items × vi/en)")
        subprocess.run([*manage, "migrate", "--verbosity", "0"], env=env, check=True)
        subprocess.run(
            [*manage, "shell", "-c", "from promo.catalogue.site import ensure_site; ensure_site()"],
            env=env,
            check=True,
        )

        stop, waits, errors = threading.Event(), [], []
        probe = threading.Thread(target=_visitor_writes, args=(tmp / "db.sqlite3", stop, waits, errors))
        if not args.no_visitor:
            probe.start()
        started = time.perf_counter()
        cpu_before = os.times()
        result = subprocess.run(
            [*manage, "catalogue", "import", str(data)], env=env, capture_output=True, text=True
        )
        elapsed = time.perf_counter() - started
        cpu_after = os.times()
        cpu = (
            cpu_after.children_user
            - cpu_before.children_user
            + cpu_after.children_system
            - cpu_before.children_system
        )
        stop.set()
        if not args.no_visitor:
            probe.join()
        if result.returncode:
            print(result.stderr[-3000:], file=sys.stderr)
            return result.returncode
        print(result.stdout.strip())
        waits_ms = sorted(w * 1000 for w in waits)
        print(
            f"import: {lines} lines in {elapsed:.1f}s = {lines / elapsed:.0f} lines/s "
            f"(CPU {cpu:.1f}s = {lines / cpu:.0f} lines per CPU second)"
        )
        if waits_ms:
            print(
                f"visitor writes during the import: {len(waits_ms)}, "
                f"median {statistics.median(waits_ms):.0f} ms, max {waits_ms[-1]:.0f} ms, "
                f"errors {len(errors)}"
            )
        print(f"load average {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
