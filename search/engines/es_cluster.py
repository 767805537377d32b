"""How the site reaches an Elasticsearch cluster: node URLs, credentials, TLS, timeouts, shards and
replicas — all from settings (promo/settings/base.py, docs/deploy.md) — and per-node health.

`ELASTICSEARCH_URL` may list several nodes (comma-separated): the client spreads requests over
them and, when one does not answer (connection refused or reset), retries the request once on
another node and leaves the dead one out for a while (the transport's dead-node back-off). A
request that times out is not retried: a slow cluster costs a visitor one timeout, then the
search service falls back to the embedded index.

Credentials: `ELASTICSEARCH_API_KEY` (an encoded API key) or `ELASTICSEARCH_USERNAME` /
`ELASTICSEARCH_PASSWORD` (basic auth; also accepted as `https://user:password@host` in the URL).
TLS: `https://` URLs are verified against the system's CAs, or `ELASTICSEARCH_CA_CERTS` (a PEM
bundle, e.g. the cluster's own CA); `ELASTICSEARCH_VERIFY_CERTS=false` only for a test cluster.
No credential ever appears in a message: URLs are shown without their user part.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit


def _settings():
    """Django's settings; outside Django (the search benchmark drives the engine on its own)
    nothing, so every value takes its default."""
    from django.conf import settings

    if settings.configured or os.environ.get("DJANGO_SETTINGS_MODULE"):
        return settings
    return SimpleNamespace()


def split_urls(value: str | list[str] | tuple[str, ...]) -> list[str]:
    items = value.split(",") if isinstance(value, str) else list(value)
    return [item.strip().rstrip("/") for item in items if item and item.strip()]


def public_url(url: str) -> str:
    """The URL without user:password (for messages and logs)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def _credentials_in_url(url: str) -> tuple[str, str] | None:
    parts = urlsplit(url)
    if parts.username:
        from urllib.parse import unquote

        return unquote(parts.username), unquote(parts.password or "")
    return None


@dataclass(frozen=True)
class ClusterConfig:
    urls: tuple[str, ...]
    api_key: str = ""
    username: str = ""
    password: str = ""
    ca_certs: str = ""
    verify_certs: bool = True
    shards: int = 1
    replicas: int = 0
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_settings(cls, url: str | None = None) -> ClusterConfig:
        s = _settings()
        urls = split_urls(url if url is not None else getattr(s, "ELASTICSEARCH_URL", ""))
        username = getattr(s, "ELASTICSEARCH_USERNAME", "") or ""
        password = getattr(s, "ELASTICSEARCH_PASSWORD", "") or ""
        for candidate in urls:
            found = _credentials_in_url(candidate)
            if found and not username:
                username, password = found
        return cls(
            urls=tuple(public_url(u) for u in urls),
            api_key=getattr(s, "ELASTICSEARCH_API_KEY", "") or "",
            username=username,
            password=password,
            ca_certs=str(getattr(s, "ELASTICSEARCH_CA_CERTS", "") or ""),
            verify_certs=bool(getattr(s, "ELASTICSEARCH_VERIFY_CERTS", True)),
            shards=int(getattr(s, "ELASTICSEARCH_SHARDS", 1) or 1),
            replicas=int(getattr(s, "ELASTICSEARCH_REPLICAS", 0) or 0),
        )

    @property
    def display(self) -> str:
        return ", ".join(self.urls)

    @property
    def auth(self) -> str:
        if self.api_key:
            return "API key"
        if self.username:
            return f"user {self.username}"
        return "none"

    def client_options(self) -> dict:
        """Keyword arguments for `elasticsearch.Elasticsearch` (hosts, credentials, TLS, retries)."""
        options: dict = {"hosts": list(self.urls)}
        if self.api_key:
            options["api_key"] = self.api_key
        elif self.username:
            options["basic_auth"] = (self.username, self.password)
        if any(u.startswith("https://") for u in self.urls):
            options["verify_certs"] = self.verify_certs
            if self.ca_certs:
                options["ca_certs"] = self.ca_certs
            if not self.verify_certs:
                options["ssl_show_warn"] = False
        # One retry on another node per live node more than one; never on a timeout.
        options["max_retries"] = max(0, len(self.urls) - 1)
        options["retry_on_timeout"] = False
        options["retry_on_status"] = ()
        options["dead_node_backoff_factor"] = 1.0
        options["max_dead_node_backoff"] = 30.0
        return options


def describe_error(exc: Exception) -> str | None:
    """A clear sentence for failures an operator must fix in the settings, else None."""
    from elasticsearch import ApiError, AuthenticationException, AuthorizationException

    status = getattr(getattr(exc, "meta", None), "status", None)
    if isinstance(exc, AuthenticationException) or status == 401:
        return (
            "authentication failed (HTTP 401): the cluster or its proxy refused the "
            "credentials; check ELASTICSEARCH_API_KEY or ELASTICSEARCH_USERNAME/"
            "ELASTICSEARCH_PASSWORD"
        )
    if isinstance(exc, AuthorizationException) or status == 403:
        return (
            "not allowed (HTTP 403): the credentials are valid but lack the privileges the "
            "site needs (read and write its indices, cluster health)"
        )
    if isinstance(exc, ApiError):
        return None
    text = str(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
        return "TLS certificate not trusted: set ELASTICSEARCH_CA_CERTS to the cluster's CA bundle (PEM)"
    return None


@dataclass(frozen=True)
class NodeHealth:
    url: str
    ok: bool
    detail: str
    ms: float = 0.0


def node_health(config: ClusterConfig, node_class=None, timeout: float = 3.0) -> list[NodeHealth]:
    """Ask each configured URL on its own (no fail-over) whether it answers and what it sees."""
    from elastic_transport import TransportError
    from elasticsearch import ApiError, Elasticsearch

    out = []
    for url in config.urls:
        options = {**config.client_options(), "hosts": [url], "max_retries": 0, "request_timeout": timeout}
        if node_class is not None:
            options["node_class"] = node_class
        client = Elasticsearch(**options)
        started = time.perf_counter()
        try:
            health = client.cluster.health(local=True)
            names = client.cat.nodes(format="json", h="name,master,node.role").body
            detail = (
                f"answers: cluster {health['cluster_name']} {health['status']}, "
                f"{health['number_of_nodes']} node(s) "
                f"[{', '.join(n['name'] + ('*' if n.get('master') == '*' else '') for n in names)}], "
                f"{health['unassigned_shards']} unassigned shard(s)"
            )
            ok = health["status"] in ("green", "yellow")
        except (TransportError, ApiError) as exc:
            detail = describe_error(exc) or f"{type(exc).__name__}: {str(exc)[:200]}"
            ok = False
        finally:
            client.close()
        out.append(NodeHealth(url=url, ok=ok, detail=detail, ms=(time.perf_counter() - started) * 1000))
    return out
