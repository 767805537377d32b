"""Elasticsearch as a cluster, in the fast suite (issue 17 item 1; the two-node test with a node
stopped under load is tests/cluster/): several node URLs with fail-over, credentials and TLS
options from settings, per-node health in `search_index status`, clear messages for refused
credentials, and shards/replicas as settings."""

import os
import socket
import uuid
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from elasticsearch import AuthenticationException

from search.documents import SearchDocument
from search.engines.es_cluster import ClusterConfig, describe_error, node_health
from search.query import expand, parse

from .conftest import elasticsearch_test_url

DOCS = [
    SearchDocument(
        ref="mat-ong",
        kind="product",
        locale="vi",
        title="Mật ong rừng Núi Cậu",
        url="/vi/mat-ong/",
        summary="Mật ong của xã Dầu Tiếng.",
    )
]


def dead_url():
    """A loopback URL where nothing listens (a node that is down)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_settings_give_nodes_credentials_tls_and_layout(settings):
    settings.ELASTICSEARCH_URL = "https://es1.internal:9200/, https://dautieng:s3cret@es2.internal:9200"
    settings.ELASTICSEARCH_CA_CERTS = "/etc/dautieng/search-ca.pem"
    settings.ELASTICSEARCH_SHARDS, settings.ELASTICSEARCH_REPLICAS = 2, 1
    config = ClusterConfig.from_settings()
    assert config.urls == ("https://es1.internal:9200", "https://es2.internal:9200")
    assert "s3cret" not in config.display and config.auth == "user dautieng"
    options = config.client_options()
    assert options["basic_auth"] == ("dautieng", "s3cret")
    assert options["ca_certs"] == "/etc/dautieng/search-ca.pem" and options["verify_certs"] is True
    assert options["max_retries"] == 1 and options["retry_on_timeout"] is False
    assert (config.shards, config.replicas) == (2, 1)

    settings.ELASTICSEARCH_API_KEY = "encoded-key"
    options = ClusterConfig.from_settings().client_options()
    assert options["api_key"] == "encoded-key" and "basic_auth" not in options


def test_refused_credentials_and_untrusted_certificates_get_a_clear_message():
    from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig

    meta = ApiResponseMeta(
        status=401,
        http_version="1.1",
        headers=HttpHeaders(),
        duration=0.0,
        node=NodeConfig("http", "127.0.0.1", 9200),
    )
    assert "authentication failed (HTTP 401)" in describe_error(
        AuthenticationException("unauthorized", meta, body={})
    )
    assert "ELASTICSEARCH_CA_CERTS" in describe_error(
        ConnectionError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")
    )
    assert describe_error(ConnectionError("connection refused")) is None


@pytest.fixture
def live_url():
    url = elasticsearch_test_url()
    if not url:
        pytest.skip("neither ELASTICSEARCH_TEST_URL nor ELASTICSEARCH_URL is set")
    return url.rstrip("/")


def test_a_node_that_is_down_is_skipped_and_reported(settings, live_url):
    from search.engines.elastic import ElasticEngine

    down = dead_url()
    settings.ELASTICSEARCH_REPLICAS = 0
    engine = ElasticEngine(f"{down},{live_url}", index_prefix=f"test-{uuid.uuid4().hex[:10]}")
    try:
        engine.rebuild(DOCS)
        for _ in range(4):  # whichever node the client picks first, the search answers
            results = engine.search(expand(parse("mat ong")), "vi")
            assert [hit.ref for hit in results.hits] == ["mat-ong"]
        nodes = {n.url: n for n in node_health(engine.cluster, timeout=2)}
        assert nodes[down].ok is False and nodes[live_url].ok is True
        health = engine.health()
        assert health.ok and len(health.nodes) == 2
    finally:
        engine.drop_indices()


@pytest.mark.django_db
def test_status_lists_each_node(settings, live_url, monkeypatch):
    from search.engines import reset_engines

    down = dead_url()
    settings.ELASTICSEARCH_URL = f"{live_url},{down}"
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:10]}"
    reset_engines()
    out = StringIO()
    try:
        with pytest.raises(CommandError, match="unavailable"):  # the index is not built yet
            call_command("search_index", "status", "--engine", "elasticsearch", stdout=out)
    finally:
        reset_engines()
    lines = out.getvalue().splitlines()
    assert any(line.strip().startswith(f"node {live_url}: up") for line in lines), lines
    assert any(line.strip().startswith(f"node {down}: DOWN") for line in lines), lines


def test_the_engine_reads_its_defaults_outside_django():
    """The search benchmark (bench/search_bench.py) drives the engines without Django settings;
    reading the cluster's settings there must not stop it."""
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    code = (
        "from search.engines.es_cluster import ClusterConfig\n"
        "c = ClusterConfig.from_settings('http://bench:secret@127.0.0.1:9')\n"
        "print(c.display, c.auth, c.shards, c.replicas)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["http://127.0.0.1:9", "user", "bench", "1", "0"]
