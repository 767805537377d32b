"""The page cache's tests run against each backend the site can use: the embedded default and,
with REDIS_TEST_URL (e.g. redis://127.0.0.1:6379/15, a database the tests may empty; `make redis`
and .ci/run start one), Redis."""
import os
import uuid

import pytest


@pytest.fixture(params=["embedded", "redis"], autouse=True)
def page_cache_backend(request, settings):
    if request.param == "redis":
        url = os.environ.get("REDIS_TEST_URL", "")
        if not url:
            pytest.skip("REDIS_TEST_URL is not set")
        settings.CACHES = {**settings.CACHES, "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}"}}
    from django.core.cache import caches

    caches[settings.PAGE_CACHE_ALIAS].clear()
    yield request.param
    caches[settings.PAGE_CACHE_ALIAS].clear()


@pytest.fixture
def valid_data():
    return {
        "name": "Kim Min-jun", "company": "Hanbit Materials", "country": "KR",
        "email": "minjun@example.com", "phone": "+82 2 1234 5678",
        "message": "We would like to visit the site in January.", "consent": "on",
        "website": "",
    }
