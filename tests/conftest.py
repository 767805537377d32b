"""Shared fixtures and the test run's set-up.

Speed without changing what a test sees:
- the test database is a copy of a migrated template (tests/dbtemplate.py) on SQLite, and the
  site skeleton (home and section pages in five languages, staff roles) is built once per run in
  `django_db_setup`; every test runs in a transaction that is rolled back, so each one starts
  from exactly that skeleton, as it did when each test built it;
- tests that reach the database through a fixture get the `django_db` marker too, so the
  PostgreSQL re-run (`pytest -m django_db`) selects every test that touches the database;
- under pytest-xdist (`make test` runs `-n auto --dist load`), a worker takes a module at a time,
  the longest first; the browser tests' demo site is built once, in the background, and each
  worker serves its own copy (see "parallel runs" below).
"""

import copy
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _uses_sqlite():
    from django.conf import settings

    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, request):
    """On SQLite, the test database is a file copied from the migrated template."""
    from django.conf import settings

    if not _uses_sqlite():
        return
    from tests.dbtemplate import copy_template, scratch_dir

    worker = getattr(request.config, "workerinput", {}).get("workerid", "main")
    db = settings.DATABASES["default"]
    db.setdefault("TEST", {})["NAME"] = str(copy_template(scratch_dir() / f"test-{worker}.sqlite3"))


@pytest.fixture(scope="session")
def django_db_keepdb(request):
    # The copied template must be used as it is (Django would otherwise delete and re-migrate
    # it); it is removed at the end of the run by django_db_setup below.
    return request.config.getvalue("reuse_db") or _uses_sqlite()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The site skeleton, once per run, in the state every test starts from."""
    from django.conf import settings

    from promo.catalogue.site import ensure_site

    with django_db_blocker.unblock():
        ensure_site()
    yield
    if _uses_sqlite():
        name = settings.DATABASES["default"].get("TEST", {}).get("NAME")
        if name and os.path.exists(name):
            with django_db_blocker.unblock():
                from django.db import connections

                connections.close_all()
            os.unlink(name)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends by emptying every table (Django restores the serialized
    content only when the next transactional test starts): the skeleton is put back at once,
    so the test a worker runs next starts from it whatever its kind."""
    result = yield
    marker = item.get_closest_marker("django_db")
    # After the last test of a run the test database is already gone (its session fixture was
    # torn down with this test): nothing to put back.
    if marker and marker.kwargs.get("transaction") and nextitem is not None:
        from django.db import connections
        from pytest_django.plugin import blocking_manager_key

        from promo.catalogue.site import ensure_site

        with item.config.stash[blocking_manager_key].unblock():
            for connection in connections.all():
                contents = getattr(connection, "_test_serialized_contents", None)
                if contents:
                    connection.creation.deserialize_db_from_string(contents)
            ensure_site()
    return result


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Every cache starts empty: the skeleton is shared by the whole run, so Wagtail's cached
    site root paths and our page cache must not carry one test's changes into the next."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _demo_site_built_early(request, tmp_path_factory, worker_id):
    """A run with browser tests starts building their demo site in the background at its first
    test, so that no worker waits for it when it reaches them (tests/e2e/demo_build.py)."""
    if worker_id not in ("master", "gw0") or not any(
        item.nodeid.startswith("tests/e2e/") for item in request.session.items
    ):
        yield
        return
    from tests.e2e import demo_build

    folder = demo_build.shared_folder(tmp_path_factory, worker_id)
    builder = None if demo_build.is_ready(folder) else demo_build.start_in_background(folder)
    yield
    if builder:
        demo_build.stop(builder)


@pytest.fixture
def uncached_pages(settings):
    """Pages rendered for every request, as the page cache would on a miss: for tests that
    measure rendering (query counts). Every other test runs with the page cache on, as the
    site does, so a test that changes content and reads a page again also checks that the
    cache let go of the old one."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def site(db):
    """The skeleton every catalogue page lives in: home and section pages in five languages."""
    from promo.catalogue.site import ensure_site

    return ensure_site()


@pytest.fixture(autouse=True)
def isolated_search_index(settings):
    """Each test gets its own embedded index file and no Elasticsearch unless it asks."""
    from search.engines import reset_engines
    from tests.dbtemplate import scratch_dir

    folder = Path(tempfile.mkdtemp(prefix="index-", dir=scratch_dir()))
    settings.SEARCH_INDEX_PATH = folder / "search.sqlite3"
    settings.ELASTICSEARCH_URL = ""
    reset_engines()
    yield
    reset_engines()
    shutil.rmtree(folder, ignore_errors=True)


# -- content shared by the tests of a module ---------------------------------------------------
# Content that the tests of a module all read (a catalogue to filter, a set of opportunities)
# is built once for the module instead of once per test: `module_content` opens a transaction
# around the module, in which the content is written once; each test then runs in a savepoint
# inside it (pytest-django's own per-test transaction), rolled back after the test as before,
# and the module's transaction is rolled back at its end. Each test gets a fresh copy of the
# search index built with the content. So every test still starts from the skeleton plus
# exactly that content, whatever the tests before it wrote. `shared_content()` decides: only
# in a module whose every database test uses the content (none sees content it did not ask
# for) and none is transactional (a flush would end the module's transaction).


def shared_content(request, fixture):
    """Whether `fixture` can be built once for the module `request` (module-scoped) is for:
    every test of the module with database access that runs after the first one using
    `fixture` uses it too (one that runs before it never sees the content), and none is
    transactional."""
    module = request.node.nodeid.partition("::")[0]
    first_user_seen = False
    for item in request.session.items:
        if item.nodeid.partition("::")[0] != module:
            continue
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction"):
            return False
        if DATABASE_FIXTURES.difference({"db"}).intersection(item.fixturenames):
            return False
        if fixture in item.fixturenames:
            first_user_seen = True
        elif first_user_seen and marker:
            return False
    return True


class ModuleContent:
    """What a `module_content` build made, and the search index built with it."""

    def __init__(self, value, index):
        self.value, self.index = value, index

    def for_test(self, settings):
        """The content for one test, whose search index starts as a copy of the module's."""
        from search.engines import reset_engines

        reset_engines()
        if self.index.exists():
            shutil.copyfile(self.index, settings.SEARCH_INDEX_PATH)
        return _fresh_copy(self.value)


def _fresh_copy(value):
    """`value` with every model instance in it read again: a test may change the objects it
    is given; the next test must get them as they are in its database."""
    from django.db.models import Model

    if isinstance(value, Model):
        return type(value)._default_manager.get(pk=value.pk)
    if isinstance(value, dict):
        return {key: _fresh_copy(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_fresh_copy(item) for item in value)
    return copy.deepcopy(value)


@pytest.fixture(scope="module")
def module_content(django_db_setup, django_db_blocker):
    """`module_content(make)` (in a module-scoped fixture, which pytest sets up before any
    test's own transaction) runs `make()` once with database access, inside the module's
    transaction, and returns a ModuleContent. `make` runs the after-commit callbacks it wants
    run (indexing) with `TestCase.captureOnCommitCallbacks(execute=True)`, as a test would."""
    from django.db import connection, transaction
    from django.test import override_settings

    from search.engines import reset_engines
    from tests.dbtemplate import scratch_dir

    folder = Path(tempfile.mkdtemp(prefix="module-index-", dir=scratch_dir()))
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer._from_testcase = True  # as pytest-django's own: `atomic(durable=True)` works inside
        outer.__enter__()

    def build(make):
        index = folder / "search.sqlite3"
        with django_db_blocker.unblock(), override_settings(SEARCH_INDEX_PATH=index, ELASTICSEARCH_URL=""):
            reset_engines()
            try:
                made = make()
            finally:
                reset_engines()
        return ModuleContent(made, index)

    yield build
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
        assert not connection.in_atomic_block, "a test left the module's transaction open"
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def indexed(site, django_capture_on_commit_callbacks):
    """Load lines through the importer and let the after-commit indexing run, as in production."""
    from tests.factories import load_lines

    def load(lines):
        with django_capture_on_commit_callbacks(execute=True):
            return load_lines(lines)

    return load


# -- parallel runs (pytest-xdist) -------------------------------------------------------------
# A worker takes a whole module at a time, so that a module's expensive fixtures (a live server,
# a built site) are set up once, not once per worker. The Elasticsearch tests are one unit of
# their own: test_elastic_outage stops and restarts the node, which must not happen under another
# test's feet. The browser tests are spread over the workers like the rest: each worker serves
# its own copy of a demo site built once per run (tests/e2e/demo_build.py).
ELASTICSEARCH_GROUP = "elasticsearch"


def work_unit(nodeid):
    if "tests/integration/test_elastic_outage.py" in nodeid or "elasticsearch" in nodeid.partition("[")[2]:
        return ELASTICSEARCH_GROUP
    return nodeid.partition("::")[0]


# The longest units start first and the short ones fill in at the end, so that no worker is left
# alone with a long unit while the other has finished (longest-first scheduling). The order
# follows their measured time in a parallel run, longest first (seconds on this project's 2-core
# machine: `--durations=0`, summed per unit): the browser units come after the first two, by
# which time their demo site is built in the background. Units not named here follow in
# collection order; they take under 10 s each.
LONGEST_FIRST = (
    ELASTICSEARCH_GROUP,  # 64 s, with a restart of the node
    "tests/faults/test_visitors_during_import.py",  # 44 s
    "tests/e2e/test_accessibility.py",  # 43 s
    "tests/e2e/test_investor.py",  # 40 s
    "tests/e2e/test_content_security_policy.py",  # 32 s
    "tests/e2e/test_autocomplete.py",  # 29 s
    "tests/e2e/test_tourism.py",  # 29 s
    "tests/e2e/test_layout.py",  # 25 s
    "tests/integration/test_search_api.py",  # 21 s
    "tests/pagecache/test_page_cache.py",  # 18 s
    "tests/catalogue/test_export.py",  # 16 s
    "tests/deploy/test_production_stack.py",  # 15 s
    "tests/e2e/test_visitor_journeys.py",  # 14 s
    "tests/opendata/test_fuzz.py",  # 13 s
    "tests/pagecache/test_chrome_memo.py",  # 13 s
    "tests/opendata/test_api.py",  # 11 s
    "tests/e2e/",  # the other browser units, 2-11 s each
)


def start_rank(nodeid):
    unit = work_unit(nodeid)
    ranks = (rank for rank, prefix in enumerate(LONGEST_FIRST) if unit.startswith(prefix))
    return next(ranks, len(LONGEST_FIRST))


def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") not in ("load", "loadgroup"):
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ModuleScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return work_unit(nodeid)

    # pytest-xdist would put the units with the most tests first; keep the workers' order
    # (LONGEST_FIRST, see pytest_collection_modifyitems).
    config.option.loadscopereorder = False
    return ModuleScheduling(config, log)


# pytest-django's fixtures that open the test database; `fixturenames` holds every fixture a
# test uses, directly or through other fixtures.
DATABASE_FIXTURES = frozenset(
    {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback", "live_server"}
)


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(config, items):
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if DATABASE_FIXTURES.intersection(fixtures) and not item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.django_db)


class LongestFirst:
    """A worker's tests in LONGEST_FIRST order of their units. Last of the collection hooks:
    pytest-django sorts every run (database tests, then transactional ones, then the rest),
    which put every browser unit at the end of the run whatever LONGEST_FIRST said. Units are
    whole modules, so the order inside a module is untouched; the two transactional modules
    restore the migrations' data after each test (serialized_rollback)."""

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, config, items):
        if hasattr(config, "workerinput"):
            items.sort(key=lambda item: start_rank(item.nodeid))


def pytest_configure(config):
    config.pluginmanager.register(LongestFirst(), "longest-first")
