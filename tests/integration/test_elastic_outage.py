"""Elasticsearch goes away and comes back: the engine fails fast, the service falls back to the
embedded index, and searching Elasticsearch works again after a restart.

Stops the real server, so it runs only against a node that `scripts/elasticsearch.sh` started
(its pid file is present) and is marked `es_restart` (`-m "not es_restart"` leaves it out).
"""

import os
import subprocess
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from search.documents import SearchDocument
from search.engines import reset_engines
from search.engines.base import EngineUnavailable
from search.query import expand, parse
from search.service import run_autocomplete, run_search

from .conftest import elasticsearch_test_url

pytestmark = pytest.mark.es_restart

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "elasticsearch.sh"
DOCS = [
    SearchDocument(
        ref="nui-cau",
        kind="attraction",
        locale="vi",
        title="Núi Cậu",
        url="/vi/nui-cau/",
        summary="Ngọn núi bên hồ Dầu Tiếng.",
    ),
    SearchDocument(
        ref="nui-cau",
        kind="attraction",
        locale="en",
        title="Cau Mountain (Núi Cậu)",
        url="/en/nui-cau/",
        summary="A hill on Dau Tieng Lake.",
    ),
]


def _script(*args: str, port: int, timeout: float) -> subprocess.CompletedProcess:
    env = {**os.environ, "ES_PORT": str(port)}
    return subprocess.run(
        ["bash", str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


@pytest.fixture
def scripted_es():
    """(url, port) of a node started by scripts/elasticsearch.sh, else skip."""
    url = elasticsearch_test_url()
    if not url:
        pytest.skip("neither ELASTICSEARCH_TEST_URL nor ELASTICSEARCH_URL is set")
    parts = urlsplit(url)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        pytest.skip(f"{url} is not a local node this test may stop")
    port = parts.port or 9200
    pidfile = _script("pidfile", port=port, timeout=30).stdout.strip()
    if not pidfile or not Path(pidfile).is_file():
        pytest.skip(f"Elasticsearch at {url} was not started by scripts/elasticsearch.sh (no pid file)")
    if _script("status", port=port, timeout=30).returncode != 0:
        pytest.skip(f"the node in {pidfile} is not running or not healthy")
    return url, port


def _ensure_running(port: int) -> None:
    done = _script("start", port=port, timeout=240)
    assert done.returncode == 0, f"could not restart Elasticsearch:\n{done.stderr[-3000:]}"


def test_outage_fails_fast_falls_back_and_recovers(scripted_es, settings, tmp_path):
    url, port = scripted_es
    from search.engines.elastic import ElasticEngine

    settings.SEARCH_INDEX_PATH = tmp_path / "embedded.sqlite3"
    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-outage-{uuid.uuid4().hex[:8]}"
    settings.SEARCH_BREAKER_COOLDOWN = 0  # try Elasticsearch again on every search
    reset_engines()
    from search.engines import get_embedded_engine, get_engine

    es = get_engine()
    assert isinstance(es, ElasticEngine)
    get_embedded_engine().index(DOCS)
    try:
        es.index(DOCS)
        res = run_search("nui cau", "en")
        assert res.engine == "elasticsearch" and [h.ref for h in res.hits] == ["nui-cau"]

        stopped = _script("stop", port=port, timeout=90)
        assert stopped.returncode == 0, stopped.stderr

        plan = expand(parse("nui cau"), None)
        for name, call in [
            ("search", lambda: es.search(plan, "en")),
            ("autocomplete", lambda: es.autocomplete("nui", "en")),
            ("vocabulary", lambda: (es._forget_vocabulary(), es.vocabulary())),
            ("index", lambda: es.index(DOCS[:1])),
        ]:
            t0 = time.monotonic()
            with pytest.raises(EngineUnavailable) as err:
                call()
            elapsed = time.monotonic() - t0
            assert elapsed < 2.0, f"{name} took {elapsed:.2f}s to fail"
            assert url.split("//")[-1].rstrip("/") in str(err.value)

        t0 = time.monotonic()
        health = es.health()
        assert not health.ok and time.monotonic() - t0 < 2.0

        t0 = time.monotonic()
        res = run_search("nui cau", "en")
        assert time.monotonic() - t0 < 2.0
        assert res.engine == "sqlite"
        assert [(h.ref, h.locale) for h in res.hits] == [("nui-cau", "en")]
        assert [s.ref for s in run_autocomplete("nui c", "en")] == ["nui-cau"]
    finally:
        _ensure_running(port)

    # Back: the index survived the restart and Elasticsearch answers again.
    res = run_search("nui cau", "en")
    assert res.engine == "elasticsearch" and [h.ref for h in res.hits] == ["nui-cau"]
    assert es.health().ok and es.health().documents == {"vi": 1, "en": 1}
    es.drop_indices()
    reset_engines()
