"""Health checks for load balancers and process supervisors: `/healthz` and `/readyz`.

- `GET /healthz` (liveness): the process answers. Touches nothing else — no database, cache,
  session or search — so a database outage never makes a supervisor restart every app server.
- `GET /readyz` (readiness): may this server take visitors? 200 while the database answers,
  503 when it does not (nothing a visitor asks for works without it). The shared cache, the
  search cluster and the object store are checked too, but their failure only marks the answer
  `degraded` (still 200): without the cache the site is slower and rate limits count per
  process; without Elasticsearch searches are answered from the embedded index; without the
  object store uploads fail but pages still render. Taking servers out for those would turn a
  partial outage into a full one. The body says which check failed; details (host names,
  error messages) go to the log only, since the endpoint is public.

Both are answered by `HealthCheckMiddleware`, first in MIDDLEWARE: before the host check
(load balancers probe by address), the HTTPS redirect, sessions, the locale and page caches.
"""

import concurrent.futures
import json
import logging
import time
import uuid

from django.conf import settings
from django.http import HttpResponse

logger = logging.getLogger(__name__)

LIVENESS_PATHS = {"/healthz", "/healthz/"}
READINESS_PATHS = {"/readyz", "/readyz/"}
_pool = concurrent.futures.ThreadPoolExecutor(max_workers=3, thread_name_prefix="readyz")


def _json(status, body):
    response = HttpResponse(json.dumps(body), status=status, content_type="application/json")
    response["Cache-Control"] = "no-store"
    return response


def check_database():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def check_cache():
    from django.core.cache import caches

    cache = caches["default"]
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, 1, 10)
    found = cache.get(key)
    cache.delete(key)
    if found != 1:
        raise RuntimeError("the cache did not return what was written")
    return {"backend": cache.__class__.__name__}


def check_search():
    from search.engines import get_engine

    engine = get_engine()
    health = engine.health()
    if not health.ok:
        raise RuntimeError(health.detail)
    return {"engine": engine.name, "nodes": _search_nodes(health)}


def _search_nodes(health):
    nodes = getattr(health, "nodes", None)
    if not nodes:
        return None
    return {"up": sum(1 for node in nodes if node.get("ok")), "configured": len(nodes)}


def check_media():
    from django.core.files.storage import default_storage

    if getattr(default_storage, "bucket_name", None) is None:
        return {"backend": "local"}
    # One authenticated HEAD of the bucket: reachable, and our credentials are accepted.
    default_storage.connection.meta.client.head_bucket(Bucket=default_storage.bucket_name)
    return {"backend": "s3"}


CHECKS = {
    "database": (check_database, True),
    "cache": (check_cache, False),
    "search": (check_search, False),
    "media": (check_media, False),
}


def _run(name, function):
    started = time.monotonic()
    try:
        extra = function() or {}
        outcome = {"ok": True, **{k: v for k, v in extra.items() if v is not None}}
    except Exception as exc:  # any failure of a dependency is an answer, not an error page
        logger.warning("readiness check %s failed: %s", name, exc)
        outcome = {"ok": False}
    outcome["ms"] = round((time.monotonic() - started) * 1000, 1)
    return outcome


def readiness():
    """(HTTP status, body) of the readiness probe."""
    # Seconds the optional checks may take together before they count as failed.
    timeout = float(getattr(settings, "READINESS_CHECK_TIMEOUT", 3))
    deadline = time.monotonic() + timeout
    results = {}
    futures = {
        name: _pool.submit(_run, name, function)
        for name, (function, required) in CHECKS.items()
        if not required
    }
    # The database on this thread: Django's connections belong to the thread that opened them.
    for name, (function, required) in CHECKS.items():
        if required:
            results[name] = _run(name, function)
    for name, future in futures.items():
        try:
            results[name] = future.result(timeout=max(0.1, deadline - time.monotonic()))
        except concurrent.futures.TimeoutError:
            logger.warning("readiness check %s took longer than %s s", name, timeout)
            results[name] = {"ok": False, "ms": timeout * 1000, "timeout": True}
    required_ok = all(results[name]["ok"] for name, (_f, required) in CHECKS.items() if required)
    degraded = sorted(name for name, outcome in results.items() if not outcome["ok"])
    if not required_ok:
        status = "unavailable"
    else:
        status = "degraded" if degraded else "ready"
    body = {"status": status, "checks": results}
    if degraded:
        body["failing"] = degraded
    return (200 if required_ok else 503), body


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            if request.path_info in LIVENESS_PATHS:
                return _json(200, {"status": "alive"})
            if request.path_info in READINESS_PATHS:
                status, body = readiness()
                return _json(status, body)
        return self.get_response(request)
