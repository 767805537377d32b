"""The scale-out settings come from the environment only (docs/deploy.md): bucket, shared cache,
and production still passes Django's deployment checks with them."""

import json

from tests.unit.test_settings import run_manage

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "promo.settings.production",
    "SECRET_KEY": "x" * 20 + "-a-long-random-production-key-for-the-test-only-9f3k",
    "ALLOWED_HOSTS": "dautieng-promo.example",
}
SCALED = {
    "AWS_STORAGE_BUCKET_NAME": "dautieng-media",
    "AWS_S3_ENDPOINT_URL": "https://s3.example.vn",
    "AWS_ACCESS_KEY_ID": "key",
    "AWS_SECRET_ACCESS_KEY": "secret",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "DATABASE_URL": "postgres://u:p@db/dautieng",
}


def settings_of(names, **env):
    code = (
        "import json; from django.conf import settings as s; "
        f"print(json.dumps({{n: getattr(s, n, None) for n in {names!r}}}, default=str))"
    )
    result = run_manage("shell", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_embedded_defaults_are_unchanged():
    values = settings_of(["STORAGES", "MEDIA_URL"], DJANGO_SETTINGS_MODULE="promo.settings.dev")
    assert values["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert values["MEDIA_URL"] == "/media/"


def test_a_bucket_and_a_cache_server_from_the_environment():
    values = settings_of(
        [
            "STORAGES",
            "CACHES",
            "CONTENT_SECURITY_POLICY",
            "AWS_S3_ADDRESSING_STYLE",
            "WAGTAILDOCS_SERVE_METHOD",
            "DATABASES",
            "MEDIA_URL",
        ],
        **PRODUCTION,
        **SCALED,
    )
    assert values["STORAGES"]["default"]["BACKEND"] == "promo.storage.MediaStorage"
    assert values["AWS_S3_ADDRESSING_STYLE"] == "path"
    assert values["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"
    # Images come from the bucket's address: the CSP allows that origin for images only.
    assert "https://s3.example.vn" in values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]
    assert "https://s3.example.vn" not in values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["script-src"]
    assert values["CACHES"]["default"]["BACKEND"] == "promo.cache_redis.TolerantRedisCache"
    assert values["CACHES"]["default"]["LOCATION"] == "redis://cache.internal:6379/0"
    assert values["DATABASES"]["default"]["OPTIONS"]["connect_timeout"] == 5

    behind_proxy = settings_of(
        ["MEDIA_URL", "CONTENT_SECURITY_POLICY"], **PRODUCTION, **SCALED, MEDIA_PUBLIC_URL="/media/"
    )
    assert behind_proxy["MEDIA_URL"] == "/media/"
    assert behind_proxy["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"] == ["'self'", "data:"]


def test_production_with_a_bucket_and_redis_passes_check_deploy():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, **SCALED)
    assert result.returncode == 0, result.stderr + result.stdout
