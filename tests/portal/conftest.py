import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_cache():
    """Counters are cached for a minute; each test starts from what the database says."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def _module_news(request):
    """`news`, built once for a module whose database tests all use it."""
    from tests.conftest import shared_content

    if not shared_content(request, "news"):
        return None
    return request.getfixturevalue("module_content")(add_news)


@pytest.fixture
def news(_module_news, site, settings):
    if _module_news:
        return _module_news.for_test(settings)
    return add_news()


def add_news():
    from promo.models import NewsPage
    from tests.factories import NewsLine, load_lines, translated

    line = NewsLine(ref="news-plan-64", title="Kế hoạch thông tin đối ngoại")
    load_lines([line, translated(line, "en", title="Foreign information plan")])
    return {
        code: NewsPage.objects.get(ref="news-plan-64", locale__language_code=code) for code in ("vi", "en")
    }
