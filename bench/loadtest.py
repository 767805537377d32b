"""Load benchmark (`make loadtest`): the production settings under gunicorn on loopback, driven
by wrk (Debian's `wrk` package), one table.

For each URL (home, a listing with filters, a detail page, the search page, the search API,
autocomplete, the view-count beacon), at 8 and 32 concurrent connections, with the page cache on
("cached", after a one-second warming run) and off ("uncached"): requests/s, p50/p95/p99 latency,
errors (connection errors, timeouts, and statuses other than 2xx/3xx).

Bounded: every run stops after `--seconds` (default 10) or `--requests` (default 5000), whichever
comes first; gunicorn listens on 127.0.0.1 only, and only loopback URLs are ever loaded. The demo
site (migrate, load_demo, collectstatic) is built once in `var/loadtest/` and reused
(`--fresh` rebuilds it). The machine's load average is printed before and after: on a shared
machine, read the numbers with it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
GOALS = "cached pages ≥ 500 req/s with p95 < 100 ms at 32 clients; search API ≥ 300 req/s; 0 errors"

# wrk script: stops each thread after its share of --requests, optional POST body, and prints
# one JSON line with the summary (latencies in microseconds). wrk's own duration is always the
# whole -d window, even when every thread stopped early at the request cap, so the script times
# the run itself: from the first thread's start to the last response (LuaJIT's ffi, monotonic).
LUA = r"""
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } loadtest_timespec;
int clock_gettime(int clock_id, loadtest_timespec *tp);
]]
local timespec = ffi.new("loadtest_timespec")
local function now_us()
  ffi.C.clock_gettime(1, timespec)  -- CLOCK_MONOTONIC
  return tonumber(timespec.tv_sec) * 1000000 + tonumber(timespec.tv_nsec) / 1000
end
local max_per_thread = tonumber(os.getenv("LOADTEST_MAX_PER_THREAD") or "0")
local body = os.getenv("LOADTEST_BODY")
local threads = {}
counted = 0
started_us = 0
last_us = 0
wrk.headers["X-Forwarded-Proto"] = "https"
wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
if body and body ~= "" then
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Origin"] = os.getenv("LOADTEST_ORIGIN")
end
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  started_us = now_us()
end
function response(status, headers, body)
  counted = counted + 1
  last_us = now_us()
  if max_per_thread > 0 and counted >= max_per_thread then wrk.thread:stop() end
end
function done(summary, latency, requests)
  local first, last = math.huge, 0
  for _, thread in ipairs(threads) do
    first = math.min(first, thread:get("started_us"))
    last = math.max(last, thread:get("last_us"))
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, ' ..
    '"status": %d, "timeout": %d, "p50": %d, "p95": %d, "p99": %d}\n',
    summary.requests, math.max(0, last - first), e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def load_average():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def site_env(work: Path, page_cache: bool) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "promo.settings.production",
        "SECRET_KEY": "loadtest-only-not-a-secret",
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "SEARCH_INDEX_PATH": str(work / "search.sqlite3"),
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "VAR_DIR": str(work),
        "ELASTICSEARCH_URL": "",
        "PAGE_CACHE": "1" if page_cache else "0",
        "LOG_LEVEL": "WARNING",
        # One loopback client stands in for many visitors here: the per-client API limit
        # (opendata/http.py) would measure the limiter, not the server.
        "API_RATE_LIMIT": "1000000000",
    }


def build_site(work: Path, fresh: bool) -> None:
    if fresh and work.exists():
        shutil.rmtree(work)
    if (work / ".built").exists():
        return
    work.mkdir(parents=True, exist_ok=True)
    env = site_env(work, page_cache=False)
    manage = [sys.executable, str(ROOT / "manage.py")]
    for step in (["migrate", "-v0"], ["load_demo", "--no-admin"], ["collectstatic", "--noinput", "-v0"]):
        print(f"  building the demo site: manage.py {' '.join(step)}", flush=True)
        subprocess.run(manage + step, env=env, cwd=ROOT, check=True, timeout=1800, stdout=subprocess.DEVNULL)
    (work / ".built").touch()


class Server:
    """gunicorn with the production settings on 127.0.0.1, stopped on exit."""

    def __init__(self, work: Path, page_cache: bool, workers: int):
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        cmd = [
            sys.executable,
            "-m",
            "gunicorn",
            "promo.wsgi",
            "--bind",
            f"{HOST}:{self.port}",
            "--workers",
            str(workers),
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ]
        self.log = open(work / f"gunicorn-{'cached' if page_cache else 'uncached'}.log", "w")
        self.process = subprocess.Popen(
            cmd,
            env=site_env(work, page_cache),
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 120
        while True:
            try:
                self.get("/vi/")
                return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise SystemExit(f"gunicorn did not start; see {self.log.name}") from None
                time.sleep(0.5)

    def get(self, path: str) -> str:
        request = urllib.request.Request(self.base + path, headers={"X-Forwarded-Proto": "https"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read().decode()

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        self.log.close()


def pick_urls(server: Server) -> list[tuple[str, str, str]]:
    """(label, path, POST body or "") from the demo site as a visitor would find them."""
    listing = "/en/products/"
    html = server.get(listing)
    category = re.search(r'name="category" value="([^"]+)"', html) or re.search(
        r'<option value="([a-z0-9-]+)"[^>]*>', html
    )
    detail = re.search(r'href="(/en/products/[a-z0-9-]+/)"', html).group(1)
    filtered = listing + (f"?category={category.group(1)}&sort=title" if category else "?sort=title")
    page = server.get(detail)
    token = re.search(r'data-token="([^"]+)"', page)
    page_id = re.search(r'data-page="(\d+)"', page)
    beacon = f"token={token.group(1)}" if token else f"page={page_id.group(1)}"
    return [
        ("home", "/vi/", ""),
        ("listing with filters", filtered, ""),
        ("detail", detail, ""),
        ("search page", "/en/search/?q=nui+cau", ""),
        ("search API", "/api/v1/search/?q=nui%20cau&lang=en", ""),
        ("autocomplete", "/api/v1/search/autocomplete/?q=nui&lang=en", ""),
        ("view beacon (POST)", "/api/v1/views/", beacon),
    ]


def run_wrk(
    script: Path, url: str, body: str, origin: str, connections: int, seconds: int, requests: int
) -> dict:
    # One wrk thread: it drives thousands of requests a second, leaves the second core to the
    # server, and stops the whole run at once at the cap (a second thread that stopped first
    # left its open connections counted as timeouts).
    threads = 1
    env = {
        **os.environ,
        "LOADTEST_BODY": body,
        "LOADTEST_ORIGIN": origin,
        "LOADTEST_MAX_PER_THREAD": str(max(1, requests // threads)),
    }
    done = subprocess.run(
        [
            "wrk",
            "-t",
            str(threads),
            "-c",
            str(connections),
            "-d",
            f"{seconds}s",
            "--timeout",
            "5s",
            "-s",
            str(script),
            url,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("{")), None)
    if line is None:
        raise SystemExit(f"wrk failed:\n{done.stdout}\n{done.stderr}")
    result = json.loads(line)
    seconds_taken = result["duration_us"] / 1e6
    errors = sum(result[k] for k in ("connect", "read", "write", "status", "timeout"))
    return {
        "rps": result["requests"] / seconds_taken if seconds_taken else 0.0,
        "p50": result["p50"] / 1000,
        "p95": result["p95"] / 1000,
        "p99": result["p99"] / 1000,
        "errors": errors,
        "requests": result["requests"],
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10, help="time cap per run (default 10)")
    parser.add_argument("--requests", type=int, default=5000, help="request cap per run (default 5000)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3)")
    parser.add_argument("--clients", default="8,32", help="concurrent connections (default 8,32)")
    parser.add_argument("--modes", default="cached,uncached", help="page cache on/off (default both)")
    parser.add_argument("--fresh", action="store_true", help="rebuild the demo site first")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        print("wrk is not installed: apt-get install wrk (Debian's package)", file=sys.stderr)
        return 2
    if not 1 <= args.seconds <= 60 or not 1 <= args.requests <= 100000:
        print("--seconds must be 1..60 and --requests 1..100000", file=sys.stderr)
        return 2
    clients = [int(c) for c in args.clients.split(",")]
    modes = [m for m in ("cached", "uncached") if m in args.modes.split(",")]
    if not modes:
        print("--modes: cached, uncached or both", file=sys.stderr)
        return 2
    work = ROOT / "var" / "loadtest"
    started = time.time()
    print(f"load average before: {load_average()} ({os.cpu_count()} CPUs)", flush=True)
    build_site(work, args.fresh)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "loadtest.lua"
        script.write_text(LUA)
        for mode in modes:
            server = Server(work, page_cache=(mode == "cached"), workers=args.workers)
            try:
                urls = pick_urls(server)
                for label, path, body in urls:
                    # Warm every worker, not only the one that answers a single request:
                    # templates, per-worker memos, and the page cache in "cached".
                    run_wrk(script, server.base + path, body, server.base, max(clients), 1, 500)
                    for c in clients:
                        print(f"  {mode:8} {label:22} c={c:<3}", end="", flush=True)
                        r = run_wrk(
                            script, server.base + path, body, server.base, c, args.seconds, args.requests
                        )
                        results[(label, mode, c)] = r
                        print(
                            f" {r['rps']:8.1f} req/s  p95 {r['p95']:7.1f} ms  errors {r['errors']}",
                            flush=True,
                        )
            finally:
                server.stop()
    labels = [label for label, _p, _b in urls]
    print(
        f"\nload average after: {load_average()}  ({time.time() - started:.0f} s; gunicorn "
        f"{args.workers} workers, production settings, SQLite, embedded search; "
        f"≤{args.seconds} s and ≤{args.requests} requests per cell)"
    )
    header = (
        f"| {'URL':22} | {'mode':8} | {'clients':>7} | {'req/s':>8} | {'p50 ms':>7} "
        f"| {'p95 ms':>7} | {'p99 ms':>7} | {'errors':>6} |"
    )
    print(header)
    print("|" + "|".join("-" * (len(cell)) for cell in header.split("|")[1:-1]) + "|")
    for label in labels:
        for mode in modes:
            for c in clients:
                r = results[(label, mode, c)]
                print(
                    f"| {label:22} | {mode:8} | {c:>7} | {r['rps']:8.1f} | {r['p50']:7.1f} | "
                    f"{r['p95']:7.1f} | {r['p99']:7.1f} | {r['errors']:>6} |"
                )
    print(f"goals: {GOALS}")
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                [{"url": k[0], "mode": k[1], "clients": k[2], **v} for k, v in results.items()], indent=1
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
