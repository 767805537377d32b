"""A real S3-compatible server for tests: S3Proxy from Maven Central (scripts/s3proxy.sh), backed
by a temporary folder. Skipped without Java/Maven, except in CI (`.ci/run` has both)."""

import os
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "s3proxy.sh"


@dataclass
class S3Server:
    endpoint: str
    bucket: str
    access_key: str
    secret_key: str
    env: dict

    def environ(self, **extra):
        """The site's environment variables for this bucket."""
        return {
            "AWS_STORAGE_BUCKET_NAME": self.bucket,
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_ACCESS_KEY_ID": self.access_key,
            "AWS_SECRET_ACCESS_KEY": self.secret_key,
            **extra,
        }


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_s3proxy(folder, port=None, bucket="dautieng-media"):
    """Start S3Proxy; returns (S3Server, stop)."""
    if not shutil.which("java") or not (shutil.which("mvn") or os.geteuid() == 0):
        message = "S3Proxy needs Java and Maven (apt-get install default-jre-headless maven)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    port = port or free_port()
    env = {
        **os.environ,
        "S3PROXY_PORT": str(port),
        "S3PROXY_DIR": str(folder),
        "S3PROXY_BUCKET": bucket,
        "S3PROXY_ACCESS_KEY": "test-access-key",
        "S3PROXY_SECRET_KEY": "test-secret-" + os.urandom(8).hex(),
    }
    started = subprocess.run(
        ["bash", str(SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=1200
    )
    if started.returncode != 0:
        pytest.fail(f"S3Proxy did not start:\n{started.stderr[-3000:]}")
    server = S3Server(
        f"http://127.0.0.1:{port}", bucket, env["S3PROXY_ACCESS_KEY"], env["S3PROXY_SECRET_KEY"], env
    )

    def stop():
        subprocess.run(["bash", str(SCRIPT), "stop"], env=env, capture_output=True, timeout=60)

    return server, stop
