"""The page cache's tests run against each backend the site can use: the embedded default and,
with REDIS_TEST_URL (e.g. redis://127.0.0.1:6379/15, a database the tests may empty; `make redis`
and .ci/run start one), Redis."""

import os
import uuid

import pytest

from tests.factories import enquiry_form_data


@pytest.fixture(params=["embedded", "redis"], autouse=True)
def page_cache_backend(request, settings):
    if request.param == "embedded":
        yield request.param
        return
    url = os.environ.get("REDIS_TEST_URL", "")
    if not url:
        pytest.skip("REDIS_TEST_URL is not set")
    # A key prefix of its own per test: parallel workers share the Redis database, so a test
    # must never empty it (FLUSHDB), only remove its own keys.
    prefix = f"test-{uuid.uuid4().hex[:12]}"
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
        },
    }
    yield request.param
    from django.core.cache import caches

    client = caches["pages"]._cache.get_client(write=True)
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


@pytest.fixture
def valid_data():
    return enquiry_form_data()
