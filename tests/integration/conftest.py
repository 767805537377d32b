"""The `engine` fixture: every contract test runs against each engine.

Elasticsearch runs only when `ELASTICSEARCH_TEST_URL` (what .ci/run and `make es` give) or
`ELASTICSEARCH_URL` is set; its indices get a random prefix and are deleted afterwards.
"""

import os
import uuid

import pytest


def elasticsearch_test_url() -> str:
    return os.environ.get("ELASTICSEARCH_TEST_URL") or os.environ.get("ELASTICSEARCH_URL") or ""


@pytest.fixture(params=["sqlite", "elasticsearch"])
def engine(request, tmp_path):
    if request.param == "sqlite":
        from search.engines.sqlite import SqliteEngine

        yield SqliteEngine(tmp_path / "search.sqlite3")
        return
    url = elasticsearch_test_url()
    if not url:
        pytest.skip("neither ELASTICSEARCH_TEST_URL nor ELASTICSEARCH_URL is set")
    from search.engines.elastic import ElasticEngine

    es = ElasticEngine(url, index_prefix=f"test-{uuid.uuid4().hex[:10]}")
    try:
        yield es
    finally:
        es.drop_indices()
