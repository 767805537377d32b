"""A hung Elasticsearch: a TCP listener that accepts connections and never answers stands in
for it. Searches and autocomplete answer from the embedded index within a bound (one short
timeout, then at once while the circuit breaker is open); a publish is not slowed; the update
stays pending and nothing is lost. Also: a 503 says nothing about the server, and a locked
embedded index surfaces as `EngineUnavailable`, not a sqlite3 error.
"""

import json
import sqlite3
import time

import pytest

from promo.models import ProductPage
from search import background
from search.engines import get_embedded_engine, get_engine, reset_engines
from search.engines.base import EngineUnavailable
from search.models import PendingUpdate
from tests.factories import ProductLine
from tests.faults.listeners import silent_listener

pytestmark = pytest.mark.django_db


@pytest.fixture
def hung_server():
    """The address of a server that accepts every connection and never answers."""
    with silent_listener() as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture
def hung_elasticsearch(hung_server, settings):
    settings.ELASTICSEARCH_URL = hung_server
    settings.ELASTICSEARCH_INDEX_PREFIX = "hung"
    # Timeouts well above the bounds asserted below, so that a call which waited on the hung
    # engine cannot pass for one that did not, even on a loaded machine.
    settings.SEARCH_ES_TIMEOUT = 2
    settings.SEARCH_ES_CONNECT_TIMEOUT = 2
    settings.SEARCH_ES_WRITE_TIMEOUT = 5
    settings.SEARCH_BREAKER_COOLDOWN = 60
    reset_engines()
    yield hung_server
    assert background.drain(10)
    reset_engines()


@pytest.fixture
def honey(indexed):
    indexed([ProductLine(ref="honey", title="Mật ong hoa cà phê", summary="Mật ong rừng.")])
    return ProductPage.objects.get(ref="honey")


def _timed(call):
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def test_searches_answer_at_once_from_the_embedded_index_while_elasticsearch_hangs(
    client, honey, hung_elasticsearch
):
    # The first search waits one short timeout, then answers from the embedded index.
    response, first = _timed(lambda: client.get("/api/v1/search/", {"q": "mat ong"}))
    assert response.status_code == 200 and response.json()["engine"] == "sqlite"
    assert [r["ref"] for r in response.json()["results"]] == ["honey"]
    assert first < 6.0, f"first search took {first:.2f}s"
    # Then the breaker is open: no more waiting, for searches, the page and autocomplete.
    for call in (
        lambda: client.get("/api/v1/search/", {"q": "mat ong", "lang": "en"}),
        lambda: client.get("/vi/search/", {"q": "mật ong"}),
        lambda: client.get("/api/v1/search/autocomplete/", {"q": "mat o"}),
    ):
        response, took = _timed(call)
        assert response.status_code == 200
        assert took < 1.5, f"{took:.2f}s while the breaker is open"
    body = json.loads(client.get("/api/v1/search/autocomplete/", {"q": "mat o"}).content)
    assert [s["ref"] for s in body["suggestions"]] == ["honey"]


# Serialized rollback, like every transactional test here: its flush then leaves the content
# types alone, so the next transactional test on this worker finds the ids it serialized.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_publish_does_not_wait_on_a_hung_elasticsearch_and_loses_nothing(
    client, site, hung_elasticsearch, settings
):
    from tests.factories import load_lines

    settings.SEARCH_BACKGROUND = True  # as in production: the remote update runs off-request
    load_lines([ProductLine(ref="honey", title="Mật ong hoa cà phê")])
    page = ProductPage.objects.get(ref="honey")
    page.title = "Mật ong rừng tràm"
    _, took = _timed(lambda: page.save_revision().publish())
    assert took < 2.5, f"publishing took {took:.2f}s with Elasticsearch hung"
    # The embedded index has the change at once; Elasticsearch's update stays pending.
    body = client.get("/api/v1/search/", {"q": "rung tram"}).json()
    assert [r["ref"] for r in body["results"]] == ["honey"] and body["engine"] == "sqlite"
    assert background.drain(10)
    pending = PendingUpdate.objects.filter(applied_at=None)
    # Kept for `sync`: tried once (the breaker then skips the rows queued behind it).
    assert {p.engine for p in pending} == {"elasticsearch"} and any(p.last_error for p in pending)
    # With the breaker open, the next publish does not even try.
    page.title = "Mật ong rừng tràm U Minh"
    _, took = _timed(lambda: page.save_revision().publish())
    assert took < 2.5
    assert background.drain(10)
    assert PendingUpdate.objects.filter(applied_at=None, engine="elasticsearch").exists()


def test_an_error_body_says_nothing_about_the_server(client, honey, settings, tmp_path):
    broken = tmp_path / "index-is-a-directory"
    broken.mkdir()
    settings.SEARCH_INDEX_PATH = broken
    reset_engines()
    for path in ("/api/v1/search/", "/api/v1/search/autocomplete/"):
        response = client.get(path, {"q": "mat ong"})
        assert response.status_code == 503
        body = response.json()
        assert set(body) == {"error", "param"} and body["error"]
        text = response.content.decode()
        for leak in (str(tmp_path), "sqlite", "Traceback", "index-is-a-directory", "/"):
            assert leak not in text.replace('"/', ""), (path, text)
    page = client.get("/en/search/", {"q": "mat ong"})
    assert page.status_code == 503 and str(tmp_path) not in page.content.decode()


def test_a_locked_embedded_index_is_engine_unavailable(honey, settings):
    engine = get_embedded_engine()
    locker = sqlite3.connect(engine.path, timeout=0)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        engine._connect().execute("PRAGMA busy_timeout = 100")  # not the 10 s of production
        with pytest.raises(EngineUnavailable, match="locked"):
            engine.index([])
        with pytest.raises(EngineUnavailable, match="locked"):
            engine.delete(["honey:vi"])
    finally:
        locker.rollback()
        locker.close()


def test_elasticsearch_answers_a_search_in_one_request(settings, honey, monkeypatch):
    from elasticsearch import Elasticsearch

    from tests.integration.conftest import elasticsearch_test_url

    url = elasticsearch_test_url()
    if not url:
        pytest.skip("neither ELASTICSEARCH_TEST_URL nor ELASTICSEARCH_URL is set")
    import uuid

    from django.core.management import call_command

    from search.service import run_autocomplete, run_search

    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-one-{uuid.uuid4().hex[:8]}"
    settings.SEARCH_ES_TIMEOUT = 30
    reset_engines()
    call_command("search_index", "rebuild", "--engine", "elasticsearch")
    es = get_engine()
    try:
        es.vocabulary()  # read once, then kept
        calls = []
        real = Elasticsearch.perform_request

        def counting(self, method, path, *args, **kwargs):
            calls.append((method, path))
            return real(self, method, path, *args, **kwargs)

        monkeypatch.setattr(Elasticsearch, "perform_request", counting)
        for q, lang in (("mat ong", "en"), ("mật ông", "vi"), ("mật ong hoa cà", "ko")):
            calls.clear()
            res = run_search(q, lang)
            assert res.engine == "elasticsearch" and [h.ref for h in res.hits] == ["honey"], q
            assert [p for _, p in calls] == [f"/{es.alias}/_search"], (q, calls)
        calls.clear()
        assert [s.ref for s in run_autocomplete("mat o", "en")] == ["honey"]
        assert len(calls) == 1, calls
    finally:
        monkeypatch.undo()
        es.drop_indices()
        reset_engines()
