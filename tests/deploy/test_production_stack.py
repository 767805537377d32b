"""The production recipe, run for real: nginx from Debian's packages with deploy/nginx/dautieng.conf
(TLS, /static/, /media/, X-Accel-Redirect documents) in front of gunicorn with
promo.settings.production, all on loopback.

It checks what only the whole stack shows: images and documents are served (they answered 404
under WhiteNoise alone), private documents only through Wagtail's view, the security headers
reach the browser, and the enquiry rate limit sees each visitor behind the proxy (visitors come
from different loopback addresses) and holds under 24 concurrent posts.

Skipped when nginx is not installed, except in CI (`.ci/run` installs it)."""

import concurrent.futures
import http.client
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.dbtemplate import copy_template

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "deploy" / "nginx" / "dautieng.conf"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
LIMIT = 5  # ENQUIRY_RATE_LIMIT's default


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def render_site_config(var, certs, http_port, https_port, app_port):
    """deploy/nginx/dautieng.conf with this machine's paths and ports; every edit must apply."""
    text = CONFIG.read_text()
    edits = [
        (r"listen 80;", f"listen 127.0.0.1:{http_port};"),
        (r"listen \[::\]:80;\n", ""),
        (r"listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        (r"listen \[::\]:443 ssl http2;\n", ""),
        (r"server 127\.0\.0\.1:8000;", f"server 127.0.0.1:{app_port};"),
        (r"/etc/letsencrypt/live/dautieng\.example\.vn/fullchain\.pem", str(certs / "cert.pem")),
        (r"/etc/letsencrypt/live/dautieng\.example\.vn/privkey\.pem", str(certs / "key.pem")),
        (r"/srv/dautieng/var/", f"{var}/"),
    ]
    for pattern, replacement in edits:
        text, count = re.subn(pattern, replacement, text)
        assert count, f"{CONFIG.name} no longer has {pattern!r}: update this test"
    return text


def wait_for(port, process, what, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{what} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"{what} did not listen on {port} within {seconds} s")


class Stack:
    def __init__(self, https_port, http_port, env, content):
        self.https_port, self.http_port, self.env, self.content = https_port, http_port, env, content
        self.tls = ssl.create_default_context()
        self.tls.check_hostname = False
        self.tls.verify_mode = ssl.CERT_NONE

    def request(self, method, path, body=None, headers=None, source="127.0.0.1", tls=True):
        if tls:
            conn = http.client.HTTPSConnection(
                "127.0.0.1", self.https_port, context=self.tls, source_address=(source, 0), timeout=60
            )
        else:
            conn = http.client.HTTPConnection(
                "127.0.0.1", self.http_port, source_address=(source, 0), timeout=60
            )
        port = self.https_port if tls else self.http_port
        try:
            conn.request(method, path, body=body, headers={"Host": f"127.0.0.1:{port}", **(headers or {})})
            response = conn.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            conn.close()

    def manage(self, *args):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
            timeout=600,
        ).stdout

    def count_enquiries(self):
        code = "from enquiries.models import Enquiry; print(Enquiry.objects.count())"
        return int(self.manage("shell", "-c", code).strip().splitlines()[-1])

    def contact_form(self, source="127.0.0.1"):
        status, headers, body = self.request("GET", "/en/contact/", source=source)
        assert status == 200
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
        cookie = re.search(r"csrftoken=([^;]+)", headers["Set-Cookie"]).group(1)
        return token, cookie

    def post_enquiry(self, form, email, source="127.0.0.1", forwarded=None):
        token, cookie = form
        data = {
            "csrfmiddlewaretoken": token,
            "name": "Kim Min-jun",
            "company": "Hanbit",
            "country": "KR",
            "email": email,
            "phone": "",
            "message": "Site visit in May.",
            "consent": "on",
            "website": "",
        }
        origin = f"https://127.0.0.1:{self.https_port}"
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie}",
            "Origin": origin,
            "Referer": origin + "/en/contact/",
        }
        if forwarded:
            headers["X-Forwarded-For"] = forwarded
        return self.request("POST", "/en/contact/", urlencode(data), headers, source)[0]


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    if not NGINX:
        message = "nginx is not installed (apt-get install nginx)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    work = tmp_path_factory.mktemp("production-stack")
    var, certs = work / "var", work / "certs"
    var.mkdir()
    certs.mkdir()
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(certs / "key.pem"),
            "-out",
            str(certs / "cert.pem"),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    app_port, https_port, http_port = free_port(), free_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "promo.settings.production",
        "SECRET_KEY": "stack-test-" + os.urandom(16).hex(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "VAR_DIR": str(var),
        "DATABASE_URL": f"sqlite:///{var}/db.sqlite3",
        "MEDIA_ROOT": str(var / "media"),
        "STATIC_ROOT": str(var / "static"),
        "CACHE_LOCATION": str(var / "cache"),
        "SEARCH_INDEX_PATH": str(var / "search.sqlite3"),
        "NGINX_SENDFILE": "true",
        "TRUSTED_PROXIES": "127.0.0.1,::1",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "PYTHONPATH": str(ROOT),
    }
    for name in ("ELASTICSEARCH_URL", "DATABASE_TEST_URL"):
        env.pop(name, None)
    stack = Stack(https_port, http_port, env, None)
    copy_template(var / "db.sqlite3")  # already migrated: `migrate` finds nothing to do
    stack.manage("migrate", "-v0")
    stack.manage("collectstatic", "--noinput", "-v0")
    content = subprocess.run(
        [sys.executable, "-m", "tests.deploy.stack_content"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    stack.content = json.loads(content.stdout.strip().splitlines()[-1])

    (work / "site.conf").write_text(render_site_config(var, certs, http_port, https_port, app_port))
    temp = work / "nginx-temp"
    temp.mkdir()
    user = "user root root;\n" if os.geteuid() == 0 else ""
    (work / "nginx.conf").write_text(f"""{user}worker_processes 1;
daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {work}/nginx-access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {work}/site.conf;
}}
""")
    checked = subprocess.run(
        [NGINX, "-t", "-p", str(work), "-c", str(work / "nginx.conf")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert checked.returncode == 0, checked.stderr

    app = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "promo.wsgi",
            "--bind",
            f"127.0.0.1:{app_port}",
            "--workers",
            "3",
            "--timeout",
            "60",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(work / "gunicorn.log", "w"),
    )
    proxy = subprocess.Popen(
        [NGINX, "-p", str(work), "-c", str(work / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(app_port, app, "gunicorn")
        wait_for(https_port, proxy, "nginx")
        yield stack
    finally:
        for process in (proxy, app):
            process.terminate()
        for process in (proxy, app):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def test_images_are_served_by_nginx(stack):
    for key in ("original", "rendition"):
        status, headers, body = stack.request("GET", stack.content[key])
        assert status == 200, (key, stack.content[key])
        assert headers["Content-Type"] in ("image/png", "image/webp") and len(body) > 100
        assert "sandbox" in headers["Content-Security-Policy"]


def test_documents_go_through_wagtails_view_and_are_sent_by_nginx(stack):
    status, headers, body = stack.request("GET", stack.content["document"])
    assert status == 200 and body == b"%PDF-1.4\n% brochure\n"
    assert headers["Content-Type"] == "application/pdf"
    assert "brochure.pdf" in headers.get("Content-Disposition", "")
    assert "X-Accel-Redirect" not in headers
    # the file itself is not reachable past the view (its collection's privacy is checked there)
    assert stack.request("GET", stack.content["document_file"])[0] == 404
    status, headers, _body = stack.request("GET", stack.content["private"])
    assert status == 302 and "/_util/authenticate_with_password/" not in headers["Location"]
    assert "login" in headers["Location"]
    assert stack.request("GET", stack.content["private_file"])[0] == 404


def test_static_files_and_pages_over_tls_with_the_security_headers(stack):
    status, headers, body = stack.request("GET", "/en/")
    assert status == 200
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "camera=()" in headers["Permissions-Policy"]
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    css = re.search(rb'href="(/static/css/site\.[0-9a-f]+\.css)"', body).group(1).decode()
    status, headers, _ = stack.request("GET", css)
    assert status == 200 and "immutable" in headers["Cache-Control"]
    status, headers, _ = stack.request("GET", "/en/", tls=False)
    assert status == 301 and headers["Location"].startswith("https://")


def test_the_rate_limit_counts_each_visitor_behind_the_proxy(stack):
    alice = stack.contact_form(source="127.0.0.2")
    for n in range(LIMIT):
        assert stack.post_enquiry(alice, f"alice{n}@example.com", source="127.0.0.2") == 302
    assert stack.post_enquiry(alice, "alice9@example.com", source="127.0.0.2") == 429
    # a forged X-Forwarded-For does not make her someone else
    assert (
        stack.post_enquiry(alice, "alice10@example.com", source="127.0.0.2", forwarded="203.0.113.77") == 429
    )
    # another visitor behind the same proxy is not blocked
    bob = stack.contact_form(source="127.0.0.3")
    assert stack.post_enquiry(bob, "bob@example.com", source="127.0.0.3") == 302


def test_concurrent_posts_store_no_more_than_the_limit(stack):
    before = stack.count_enquiries()
    form = stack.contact_form(source="127.0.0.4")
    with concurrent.futures.ThreadPoolExecutor(max_workers=24) as pool:
        statuses = list(
            pool.map(
                lambda n: stack.post_enquiry(form, f"rush{n}@example.com", source="127.0.0.4"), range(24)
            )
        )
    assert sorted(set(statuses)) == [302, 429], statuses
    assert statuses.count(302) == LIMIT
    assert stack.count_enquiries() - before == LIMIT
