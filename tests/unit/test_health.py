"""/healthz (liveness, no database) and /readyz (readiness: the database decides; cache, search and
media only degrade), and the Redis cache that degrades instead of failing pages."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_liveness_touches_nothing(client):
    # No database access is allowed in this test: a query would raise.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "alive"}
    assert response["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response


@pytest.mark.django_db
def test_readiness_reports_each_dependency(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert set(body["checks"]) == {"database", "cache", "search", "media"}
    assert all(check["ok"] for check in body["checks"].values())
    assert body["checks"]["search"]["engine"] == "sqlite"
    assert body["checks"]["media"]["backend"] == "local"


@pytest.mark.django_db
def test_search_down_is_degraded_but_ready(client, settings):
    from search.engines import reset_engines

    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"
    reset_engines()
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded" and body["failing"] == ["search"]
    # The endpoint is public: what failed, not the host names or the error text.
    assert "127.0.0.1" not in response.content.decode()


def test_production_liveness_without_a_database_and_readiness_refuses():
    """Production settings, a database that refuses connections, a Host the site does not serve
    and plain HTTP: the probes are still answered (not redirected, not 400), and readiness is 503."""
    script = (
        "import django, json; django.setup()\n"
        "from django.test import Client\n"
        "c = Client(HTTP_HOST='10.0.0.7:8000')\n"
        "for path in ('/healthz', '/readyz'):\n"
        "    r = c.get(path)\n"
        "    print(json.dumps([path, r.status_code, json.loads(r.content)]))\n"
    )
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "ELASTICSEARCH_URL")},
        "DJANGO_SETTINGS_MODULE": "promo.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "dautieng.example.vn",
        "DB_CONNECT_TIMEOUT": "2",
        "DATABASE_URL": f"postgres://u:p@127.0.0.1:{closed_port()}/nothing",
    }
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    answers = {
        path: (status, body)
        for path, status, body in (json.loads(line) for line in result.stdout.splitlines())
    }
    assert answers["/healthz"] == (200, {"status": "alive"})
    status, body = answers["/readyz"]
    assert status == 503 and body["status"] == "unavailable"
    assert body["checks"]["database"]["ok"] is False
    assert time.monotonic() - started < 60


def test_redis_cache_degrades_when_redis_is_away(settings):
    from django.core.cache import caches

    settings.CACHES = {
        **settings.CACHES,
        "away": {
            "BACKEND": "promo.cache_redis.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }
    cache = caches["away"]
    assert cache.get("k", "default") == "default"
    cache.set("k", 1)
    assert cache.add("counter", 1) is True  # the caller goes ahead (rate limits fail open)
    with pytest.raises(ValueError):
        cache.incr("counter")
    assert cache.get_many(["a", "b"]) == {}
    cache.delete("k")


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    binary = shutil.which("redis-server")
    if not binary:
        if os.environ.get("CI"):
            pytest.fail("redis-server is not installed (apt-get install redis-server)")
        pytest.skip("redis-server is not installed")
    port = closed_port()
    folder = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [
            binary,
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(folder),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert time.monotonic() < deadline and process.poll() is None, "redis-server did not start"
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0", process
    process.terminate()
    process.wait(timeout=20)


def test_redis_cache_counts_atomically_and_readiness_sees_it(redis_server, settings, client, db):
    import concurrent.futures

    from django.core.cache import caches

    url, _process = redis_server
    settings.CACHES = {
        "default": {
            "BACKEND": "promo.cache_redis.TolerantRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "health-test",
        }
    }
    cache = caches["default"]
    cache.clear()

    # Concurrent add-then-incr, as the enquiry rate limit counts: no lost updates.
    def hit(_n):
        return 1 if cache.add("hits", 1, 60) else cache.incr("hits")

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        counts = sorted(pool.map(hit, range(40)))
    assert counts == list(range(1, 41))
    body = client.get("/readyz").json()
    assert body["checks"]["cache"] == {**body["checks"]["cache"], "ok": True, "backend": "TolerantRedisCache"}


def test_readiness_marks_an_unreachable_cache_as_degraded(settings, client, db):
    settings.CACHES = {
        "default": {
            "BACKEND": "promo.cache_redis.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded" and response.json()["failing"] == ["cache"]
