"""The multi-node set-up of docs/deploy.md, on loopback, for tests/cluster/: PostgreSQL (a fresh
database on the server of DATABASE_TEST_URL), Redis, S3Proxy, a two-node Elasticsearch cluster
behind nginx with TLS and basic auth (deploy/nginx/elasticsearch-auth.conf), two gunicorn app
servers and nginx as their load balancer (deploy/nginx/dautieng-cluster.conf).

Every process is started here and stopped by `Cluster.stop()` (also on failure); every wait is
bounded. `log()` lines are the test's story in the CI log."""

import base64
import http.client
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
ES_SCRIPT = ROOT / "scripts" / "elasticsearch.sh"
S3_SCRIPT = ROOT / "scripts" / "s3proxy.sh"
STARTED = time.monotonic()


def log(message):
    print(f"[cluster {time.monotonic() - STARTED:6.1f}s] {message}", flush=True)


def port_env(name, default):
    return int(os.environ.get(name, default))


class Ports:
    """Defaults 8140-8146 (app servers, load balancer, object store, cache, search proxy) and
    9250/9251 for the Elasticsearch nodes (transport ports +ES_TRANSPORT_OFFSET, 9270/9271), away
    from a development node on 9200/9300; override with CLUSTER_PORT_BASE / CLUSTER_ES_PORTS."""

    transport_offset = 20

    def __init__(self):
        base = port_env("CLUSTER_PORT_BASE", 8140)
        self.apps = [base, base + 1]
        self.lb_https, self.lb_http = base + 2, base + 3
        self.s3 = base + 4
        self.redis = base + 5
        self.search_proxy = base + 6
        self.es = [int(p) for p in os.environ.get("CLUSTER_ES_PORTS", "9250,9251").split(",")]
        self.es_transport = [p + self.transport_offset for p in self.es]


def wait_for_port(port, what, process=None, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{what} did not listen on {port} within {seconds} s")


def port_is_free(port):
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as servers do: TIME_WAIT is free
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)

    def cookies(self):
        return dict(re.findall(r"(?:^|,\s*)([A-Za-z_]+)=([^;,]*)", self.headers.get("set-cookie", "")))


class Client:
    """HTTP to one app server directly (as the load balancer would send it: Host and
    X-Forwarded-Proto of the public site) or to the load balancer over TLS."""

    def __init__(self, port, public_port, tls=False, name=""):
        self.port, self.public_port, self.tls, self.name = port, public_port, tls, name
        self.cookies = {}
        self.context = ssl.create_default_context()
        self.context.check_hostname = False
        self.context.verify_mode = ssl.CERT_NONE

    def request(self, method, path, body=None, headers=None, forwarded_for=None):
        if self.tls:
            conn = http.client.HTTPSConnection("127.0.0.1", self.port, context=self.context, timeout=60)
        else:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        sent = {"Host": f"127.0.0.1:{self.public_port}"}
        if not self.tls:
            sent["X-Forwarded-Proto"] = "https"
        if forwarded_for:
            sent["X-Forwarded-For"] = forwarded_for
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        sent.update(headers or {})
        try:
            conn.request(method, path, body=body, headers=sent)
            raw = conn.getresponse()
            headers = {}
            for key, value in raw.getheaders():
                key = key.lower()
                headers[key] = f"{headers[key]}, {value}" if key in headers else value
            response = Response(raw.status, headers, raw.read())
        finally:
            conn.close()
        for key, value in response.cookies().items():
            if key in ("sessionid", "csrftoken"):
                self.cookies[key] = value
        return response

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def form_post(self, path, data, referer_path=None, **kw):
        origin = f"https://127.0.0.1:{self.public_port}"
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": origin,
            "Referer": origin + (referer_path or path),
        }
        return self.request("POST", path, urlencode(data), headers, **kw)

    def csrf_token(self, path):
        page = self.get(path)
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
        assert match, f"no CSRF token on {path} ({page.status})"
        return match.group(1).decode()


class Cluster:
    def __init__(self, work, database_base_url, single_es_url=""):
        self.work = Path(work)
        self.ports = Ports()
        self.database_base_url = database_base_url
        self.single_es_url = single_es_url
        self.processes = {}
        self.es_started = []
        self.es_starting = []
        self.s3_env = None
        self.database = None
        self.run_id = uuid.uuid4().hex[:8]
        self.admin_password = "cluster-" + uuid.uuid4().hex
        self.search_password = "search-" + uuid.uuid4().hex[:12]
        self.secret_key = "cluster-test-" + uuid.uuid4().hex + uuid.uuid4().hex
        self.es_cache = Path(
            os.environ.get("ES_CACHE_DIR")
            or (
                "/var/cache/dautieng"
                if os.geteuid() == 0
                else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "dautieng"
            )
        )

    # -- the pieces ------------------------------------------------------------------------------

    def check_ports(self):
        p = self.ports
        busy = [
            port
            for port in (
                *p.apps,
                p.lb_https,
                p.lb_http,
                p.s3,
                p.redis,
                p.search_proxy,
                *p.es,
                *p.es_transport,
            )
            if not port_is_free(port)
        ]
        if busy:
            raise RuntimeError(f"ports in use: {busy} (set CLUSTER_PORT_BASE / CLUSTER_ES_PORTS)")

    def create_database(self):
        import psycopg

        parts = urlsplit(self.database_base_url)
        self.database = f"dautieng_cluster_{self.run_id}"
        with psycopg.connect(
            host=parts.hostname,
            port=parts.port or 5432,
            user=parts.username,
            password=parts.password,
            dbname="postgres",
            autocommit=True,
        ) as conn:
            conn.execute(f"CREATE DATABASE \"{self.database}\" ENCODING 'UTF8' TEMPLATE template0")
        self.database_url = parts._replace(path="/" + self.database).geturl()
        log(f"PostgreSQL: database {self.database} on {parts.hostname}:{parts.port or 5432}")

    def drop_database(self):
        if not self.database:
            return
        import psycopg

        parts = urlsplit(self.database_base_url)
        try:
            with psycopg.connect(
                host=parts.hostname,
                port=parts.port or 5432,
                user=parts.username,
                password=parts.password,
                dbname="postgres",
                autocommit=True,
            ) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        except Exception as exc:  # cleanup must go on
            log(f"could not drop {self.database}: {exc}")

    def start_redis(self):
        folder = self.work / "redis"
        folder.mkdir()
        self.spawn(
            "redis",
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.ports.redis),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(folder),
            ],
        )
        wait_for_port(self.ports.redis, "redis", self.processes["redis"])
        log(f"Redis on 127.0.0.1:{self.ports.redis} (shared cache of both app servers)")

    def start_s3(self):
        env = {
            **os.environ,
            "S3PROXY_PORT": str(self.ports.s3),
            "S3PROXY_DIR": str(self.work / "s3proxy"),
            "S3PROXY_BUCKET": "dautieng-media",
            "S3PROXY_ACCESS_KEY": "cluster-access",
            "S3PROXY_SECRET_KEY": "cluster-secret-" + self.run_id,
        }
        done = subprocess.run(
            ["bash", str(S3_SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=1200
        )
        if done.returncode != 0:
            raise RuntimeError("S3Proxy did not start:\n" + done.stderr[-3000:])
        self.s3_env = env
        log(f"S3Proxy on 127.0.0.1:{self.ports.s3}, private bucket dautieng-media")

    def es_env(self, port):
        ports = ",".join(str(p) for p in self.ports.es_transport)
        return {
            **os.environ,
            "ES_PORT": str(port),
            "ES_TRANSPORT_OFFSET": str(self.ports.transport_offset),
            "ES_HEAP": os.environ.get("CLUSTER_ES_HEAP", "256m"),
            "ES_SEED_PORTS": ports,
            "ES_CLUSTER_NAME": f"dautieng-cluster-{self.run_id}",
            "ES_STATE_DIR": str(self.es_cache / f"cluster-test-{port}"),
            "ES_START_TIMEOUT": os.environ.get("CLUSTER_ES_START_TIMEOUT", "240"),
        }

    def start_elasticsearch(self):
        """Start both nodes at once (the cluster forms when both are up) and return; the
        site is prepared meanwhile, then `wait_for_elasticsearch()` collects them."""
        for port in self.ports.es:
            shutil.rmtree(self.es_cache / f"cluster-test-{port}", ignore_errors=True)
        self.es_starting = []
        for port in self.ports.es:
            self.es_starting.append(
                subprocess.Popen(
                    ["bash", str(ES_SCRIPT), "start"],
                    env=self.es_env(port),
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
            self.es_started.append(port)
        log(
            f"starting Elasticsearch nodes on {', '.join(map(str, self.ports.es))} (heap "
            f"{self.es_env(self.ports.es[0])['ES_HEAP']} each) in the background"
        )

    def wait_for_elasticsearch(self):
        for port, process in zip(self.ports.es, self.es_starting, strict=True):
            out, err = process.communicate(timeout=600)
            if process.returncode != 0:
                raise RuntimeError(f"Elasticsearch node {port} did not start:\n{err[-3000:]}")
        nodes = self.es_get(self.ports.es[0], "/_cat/nodes?h=name,master&format=json")
        log(
            "Elasticsearch cluster: "
            + ", ".join(
                f"node-{n['name'].split('-')[-1]}{' (master)' if n['master'] == '*' else ''}" for n in nodes
            )
        )

    def stop_es_node(self, port):
        done = subprocess.run(
            ["bash", str(ES_SCRIPT), "stop"],
            env=self.es_env(port),
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(done.stderr)

    def es_get(self, port, path):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            conn.request("GET", path)
            return json.loads(conn.getresponse().read())
        finally:
            conn.close()

    def master_port(self):
        """The elected master's port, asked of the first node that answers (one may be stopped)."""
        for port in self.ports.es:
            try:
                master = self.es_get(port, "/_cat/master?format=json")[0]["node"]
            except OSError:
                continue
            return int(master.split("-")[-1])
        raise RuntimeError("no Elasticsearch node answers")

    def certificates(self):
        """A private CA and the search proxy's certificate signed by it (ELASTICSEARCH_CA_CERTS)."""
        certs = self.work / "certs"
        certs.mkdir()

        def openssl(*args):
            subprocess.run(["openssl", *args], cwd=certs, check=True, capture_output=True, timeout=60)

        openssl(
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=Dau Tieng test CA",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
        )
        openssl(
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            "proxy.key",
            "-out",
            "proxy.csr",
        )
        (certs / "san.ext").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
        openssl(
            "x509",
            "-req",
            "-in",
            "proxy.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-days",
            "2",
            "-extfile",
            "san.ext",
            "-out",
            "proxy.pem",
        )
        return certs

    def nginx_main(self, name, site_conf):
        folder = self.work / name
        folder.mkdir(exist_ok=True)
        temp = folder / "temp"
        temp.mkdir(exist_ok=True)
        (folder / "site.conf").write_text(site_conf)
        user = "user root root;\n" if os.geteuid() == 0 else ""
        (folder / "nginx.conf").write_text(f"""{user}worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {folder}/access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {folder}/site.conf;
}}
""")
        checked = subprocess.run(
            [NGINX, "-t", "-p", str(folder), "-c", str(folder / "nginx.conf")],
            capture_output=True,
            text=True,
            timeout=30,
        )
        if checked.returncode != 0:
            raise RuntimeError(f"nginx -t ({name}): {checked.stderr}")
        self.spawn(name, [NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf")])

    def start_search_proxy(self, certs):
        """deploy/nginx/elasticsearch-auth.conf with this machine's ports and files."""
        hashed = subprocess.run(
            ["openssl", "passwd", "-5", self.search_password],
            check=True,
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout.strip()
        htpasswd = self.work / "search.htpasswd"
        htpasswd.write_text(f"dautieng:{hashed}\n")
        text = (ROOT / "deploy" / "nginx" / "elasticsearch-auth.conf").read_text()
        servers = "".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;\n" for p in self.ports.es)
        text = render(
            text,
            [
                (
                    r"    server 10\.0\.0\.31:9200 max_fails=1 fail_timeout=5s;\n"
                    r"    server 10\.0\.0\.32:9200 max_fails=1 fail_timeout=5s;\n",
                    servers,
                ),
                (r"listen 9243 ssl;", f"listen 127.0.0.1:{self.ports.search_proxy} ssl;"),
                (r"/etc/dautieng/search-proxy\.crt", str(certs / "proxy.pem")),
                (r"/etc/dautieng/search-proxy\.key", str(certs / "proxy.key")),
                (r"/etc/nginx/dautieng-search\.htpasswd", str(htpasswd)),
            ],
        )
        self.nginx_main("search-proxy", text)
        wait_for_port(self.ports.search_proxy, "search proxy", self.processes["search-proxy"])
        log(
            f"nginx search proxy: https://127.0.0.1:{self.ports.search_proxy} (TLS, private CA, "
            f"basic auth) in front of both nodes"
        )

    def start_load_balancer(self, certs):
        p = self.ports
        text = (ROOT / "deploy" / "nginx" / "dautieng-cluster.conf").read_text()
        apps = "".join(f"    server 127.0.0.1:{port} max_fails=2 fail_timeout=10s;\n" for port in p.apps)
        text = render(
            text,
            [
                (
                    r"    server 10\.0\.0\.11:8000 max_fails=2 fail_timeout=10s;\n"
                    r"    server 10\.0\.0\.12:8000 max_fails=2 fail_timeout=10s;\n",
                    apps,
                ),
                (r"server 10\.0\.0\.21:9000;", f"server 127.0.0.1:{p.s3};"),
                (r"proxy_set_header Host 10\.0\.0\.21:9000;", f"proxy_set_header Host 127.0.0.1:{p.s3};"),
                (r"listen 80;", f"listen 127.0.0.1:{p.lb_http};"),
                (r"listen \[::\]:80;\n", ""),
                (r"listen 443 ssl http2;", f"listen 127.0.0.1:{p.lb_https} ssl http2;"),
                (r"listen \[::\]:443 ssl http2;\n", ""),
                (r"/etc/letsencrypt/live/dautieng\.example\.vn/fullchain\.pem", str(certs / "proxy.pem")),
                (r"/etc/letsencrypt/live/dautieng\.example\.vn/privkey\.pem", str(certs / "proxy.key")),
            ],
        )
        self.nginx_main("load-balancer", text)
        wait_for_port(p.lb_https, "load balancer", self.processes["load-balancer"])
        log(
            f"nginx load balancer: https://127.0.0.1:{p.lb_https} -> app servers "
            f"{', '.join(str(a) for a in p.apps)}; /media/ -> bucket"
        )

    # -- the site ----------------------------------------------------------------------------------

    def env(self, server, **changes):
        """The environment of app server `server` (0 or 1): the same settings, its own var/."""
        p = self.ports
        var = self.work / f"server-{server}"
        var.mkdir(exist_ok=True)
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("ELASTICSEARCH", "DATABASE", "AWS_", "REDIS"))
        }
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "promo.settings.production",
                "PYTHONPATH": str(ROOT),
                "SECRET_KEY": self.secret_key,
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "VAR_DIR": str(var),
                "STATIC_ROOT": str(self.work / "static"),
                "SEARCH_INDEX_PATH": str(var / "search.sqlite3"),
                "DATABASE_URL": self.database_url,
                "REDIS_URL": f"redis://127.0.0.1:{p.redis}/0",
                "AWS_STORAGE_BUCKET_NAME": "dautieng-media",
                "AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{p.s3}",
                "AWS_ACCESS_KEY_ID": self.s3_env["S3PROXY_ACCESS_KEY"],
                "AWS_SECRET_ACCESS_KEY": self.s3_env["S3PROXY_SECRET_KEY"],
                "MEDIA_PUBLIC_URL": "/media/",
                "ELASTICSEARCH_URL": f"https://127.0.0.1:{p.search_proxy}",
                "ELASTICSEARCH_USERNAME": "dautieng",
                "ELASTICSEARCH_PASSWORD": self.search_password,
                "ELASTICSEARCH_CA_CERTS": str(self.work / "certs" / "ca.pem"),
                "ELASTICSEARCH_INDEX_PREFIX": f"cluster-{self.run_id}",
                "ELASTICSEARCH_REPLICAS": "1",
                "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
                "CLUSTER_ADMIN_PASSWORD": self.admin_password,
                "CLUSTER_SERVER": str(server),
                "LOG_LEVEL": "WARNING",
                # The test's one client stands in for many visitors (hundreds of searches a
                # minute through the balancer): the per-client API limit, counted in Redis for
                # both servers, would answer 429 to the load itself.
                "API_RATE_LIMIT": "1000000000",
            }
        )
        env.update(changes)
        return env

    def manage(self, server, *args, check=True, timeout=600, **env):
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(server, **env),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check and done.returncode != 0:
            raise RuntimeError(
                f"manage.py {' '.join(args)} on server {server} failed:\n"
                f"{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
            )
        return done

    def manage_popen(self, server, *args, **env):
        return subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(server, **env),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def prepare_site(self):
        """The database, static files, the content and each server's embedded fallback index
        (everything that does not need the search cluster)."""
        collect = self.manage_popen(0, "collectstatic", "--noinput", "-v0")
        self.manage(0, "migrate", "-v0")
        content = subprocess.run(
            [sys.executable, "-m", "tests.cluster.content"],
            cwd=ROOT,
            env=self.env(0),
            capture_output=True,
            text=True,
            timeout=600,
        )
        if content.returncode != 0:
            raise RuntimeError("content script failed:\n" + content.stderr[-3000:])
        self.content = json.loads(content.stdout.strip().splitlines()[-1])
        jobs = [collect] + [
            self.manage_popen(server, "search_index", "rebuild", "--engine", "sqlite") for server in (0, 1)
        ]
        for job in jobs:
            out, err = job.communicate(timeout=600)
            if job.returncode != 0:
                raise RuntimeError(f"{' '.join(job.args[2:])} failed:\n{out[-2000:]}\n{err[-3000:]}")
        log("site: migrated, static files collected, 42 products, each server's fallback index built")

    def index_cluster(self):
        out = self.manage(0, "search_index", "rebuild", "--engine", "elasticsearch").stdout
        log("search index on the cluster: " + out.strip().splitlines()[-1])

    def start_app_servers(self):
        for server, port in enumerate(self.ports.apps):
            log_file = open(self.work / f"gunicorn-{server}.log", "w")  # noqa: SIM115
            self.spawn(
                f"app-{server}",
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "promo.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "2",
                    "--timeout",
                    "60",
                ],
                env=self.env(server),
                stderr=log_file,
            )
        for server, port in enumerate(self.ports.apps):
            wait_for_port(port, f"app server {server}", self.processes[f"app-{server}"])
        log(
            f"two gunicorn app servers on 127.0.0.1:{self.ports.apps[0]} and :{self.ports.apps[1]} "
            "(same settings, own var/ each)"
        )

    # -- processes ---------------------------------------------------------------------------------

    def spawn(self, name, command, env=None, stderr=None):
        self.processes[name] = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env or os.environ,
            stdout=subprocess.DEVNULL,
            stderr=stderr or subprocess.DEVNULL,
            start_new_session=True,
        )

    def stop(self):
        for process in reversed(list(self.processes.values())):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for name, process in self.processes.items():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                log(f"{name} did not stop in 20 s; killing it")
                process.kill()
                process.wait(timeout=10)
        for starting in self.es_starting:  # a start still waiting for the cluster to form
            if starting.poll() is None:
                starting.terminate()
                starting.wait(timeout=20)
        stoppers = [
            subprocess.Popen(
                ["bash", str(ES_SCRIPT), "stop"],
                env=self.es_env(port),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for port in self.es_started
        ]
        for stopper in stoppers:
            stopper.wait(timeout=120)
        for port in self.es_started:
            shutil.rmtree(self.es_cache / f"cluster-test-{port}", ignore_errors=True)
        if self.s3_env:
            subprocess.run(["bash", str(S3_SCRIPT), "stop"], env=self.s3_env, capture_output=True, timeout=60)
        self.drop_database()
        log("every process of the cluster is stopped")


def render(text, edits):
    for pattern, replacement in edits:
        text, count = re.subn(pattern, replacement, text)
        if not count:
            raise AssertionError(f"the deploy recipe no longer has {pattern!r}: update tests/cluster")
    return text


def basic(user, password):
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


class Load:
    """Searches in a loop from several threads until stopped; records every answer."""

    def __init__(self, clients, queries):
        self.clients, self.queries = clients, queries
        self.answers = []
        self._stop = threading.Event()
        self._threads = []

    def _run(self, n):
        i = n
        while not self._stop.is_set():
            client = self.clients[i % len(self.clients)]
            q = self.queries[i % len(self.queries)]
            started = time.monotonic()
            try:
                response = client.get(f"/api/v1/search/?{urlencode({'q': q, 'lang': 'vi'})}")
                body = response.json() if response.status == 200 else {}
                self.answers.append(
                    (
                        time.monotonic(),
                        q,
                        response.status,
                        body.get("engine"),
                        [r["ref"] for r in body.get("results", [])],
                        time.monotonic() - started,
                    )
                )
            except Exception as exc:  # recorded as a failed answer
                self.answers.append((time.monotonic(), q, 0, repr(exc), [], time.monotonic() - started))
            i += 1

    def start(self, threads=3):
        for n in range(threads):
            thread = threading.Thread(target=self._run, args=(n,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self):
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=90)
