import pytest


@pytest.fixture
def site(db):
    """The skeleton every catalogue page lives in: home and section pages in five languages."""
    from promo.catalogue.site import ensure_site

    return ensure_site()


@pytest.fixture(autouse=True)
def isolated_search_index(settings, tmp_path):
    """Each test gets its own embedded index file and no Elasticsearch unless it asks."""
    from search.engines import reset_engines

    settings.SEARCH_INDEX_PATH = tmp_path / "search.sqlite3"
    settings.ELASTICSEARCH_URL = ""
    reset_engines()
    yield
    reset_engines()


@pytest.fixture
def indexed(site, django_capture_on_commit_callbacks):
    """Load lines through the importer and let the after-commit indexing run, as in production."""
    from tests.factories import load_lines

    def load(lines):
        with django_capture_on_commit_callbacks(execute=True):
            return load_lines(lines)
    return load
