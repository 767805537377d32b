# Two commands for a newcomer: `make run` (site with demo content) and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST   ?= 127.0.0.1
PORT   ?= 8000
PYTEST_ARGS ?=
# Parallel test workers (pytest-xdist); `make test TEST_WORKERS=0` runs in one process.
TEST_WORKERS ?= auto
# What the copy-paste detector reads (pylint's duplicate-code check; settings in pyproject.toml).
LINT_PACKAGES = .
PYTEST_PARALLEL = $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist load)

.PHONY: run install install-test install-lint migrate demo test cluster-test lint lock lock-upgrade messages bench bench-import bench-investment bench-render loadtest vendor clean help

help:
	@echo "make run    - install, migrate, load the demo catalogue, index it, serve http://$(HOST):$(PORT)"
	@echo "make test   - install the test extras and run the whole suite"
	@echo "make lint   - ruff, ruff format, the migrations check, the copy-paste detector (as pre-commit)"
	@echo "make lock   - recompile the *.lock files after a requirements*.txt edit (make lock-upgrade: newest allowed)"
	@echo "make bench  - search benchmark (10,000 items x 2 locales)"
	@echo "make bench-investment - investment listing and map endpoint at 1,000 opportunities"
	@echo "make bench-render - home, listings and detail pages rendered in-process: p50/p95 and SQL queries"
	@echo "make loadtest - production settings under gunicorn on loopback, loaded with wrk; one table"
	@echo "make es     - start a local Elasticsearch for development (make es-stop to stop it)"

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Installs come from the lock files (every package pinned, with hashes); requirements*.txt
# declare what the code imports and are compiled into them by `make lock`.
$(VENV)/.installed: requirements.lock | $(VENV)/bin/activate
	$(PY) scripts/check_lock.py
	$(PIP) install --quiet --retries 5 --require-hashes -r requirements.lock
	touch $@

$(VENV)/.installed-test: requirements-test.lock package-lock.json $(VENV)/.installed
	$(PY) scripts/check_lock.py
	$(PIP) install --quiet --retries 5 --require-hashes -r requirements-test.lock
	@# axe-core and the Nu Html Checker for the browser tests (from the npm registry)
	@if command -v npm >/dev/null; then \
	  for i in 1 2 3; do npm ci --no-audit --no-fund --loglevel=error && break; sleep $$((i * 10)); done; \
	else echo "npm not found: the accessibility and HTML checks will be skipped"; fi
	touch $@

$(VENV)/.installed-lint: requirements-lint.lock $(VENV)/.installed
	$(PY) scripts/check_lock.py
	$(PIP) install --quiet --retries 5 --require-hashes -r requirements-lint.lock
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test
install-lint: $(VENV)/.installed-lint

migrate: install
	@mkdir -p var
	$(MANAGE) migrate --verbosity 0

demo: migrate
	$(MANAGE) load_demo

# The task worker (e-mails, spreadsheet imports) runs beside the server and stops with it.
run: demo
	@trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) worker --no-reload --interval 1 & worker=$$!; \
	$(MANAGE) runserver $(HOST):$(PORT)

test: install-test
	$(PY) -m pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)
	@if [ -n "$$DATABASE_TEST_URL" ]; then \
	  echo "== database-facing tests again on PostgreSQL =="; \
	  DATABASE_URL="$$DATABASE_TEST_URL" $(PY) -m pytest $(PYTEST_PARALLEL) -m django_db $(PYTEST_ARGS) --ignore=tests/e2e tests; \
	fi

# The multi-node test (tests/cluster/, docs/deploy.md): two app servers behind nginx, PostgreSQL,
# Redis, S3Proxy and a two-node Elasticsearch cluster behind an authenticating proxy, all on
# loopback; stops everything it started. Needs PostgreSQL (make pg) and nginx, redis-server, a JDK.
cluster-test: install-test
	CLUSTER_TEST=1 DATABASE_TEST_URL="$${DATABASE_TEST_URL:-$$(bash scripts/postgres.sh url)}" \
	  $(PY) -m pytest tests/cluster -p no:cacheprovider -s -q $(PYTEST_ARGS)

# The same checks as the pre-commit hooks (.pre-commit-config.yaml), on the whole tree.
lint: install-lint
	$(PY) -m ruff check .
	$(PY) -m ruff format --check --force-exclude .
	$(MANAGE) makemigrations --check --dry-run
	$(PY) -m pylint --rcfile=pyproject.toml $(LINT_PACKAGES)
	$(PY) scripts/check_lock.py

# Recompile the lock files from requirements*.txt (hashes from PyPI); `make lock-upgrade` also
# moves the packages that are not pinned in requirements*.txt to their newest allowed version.
PIP_COMPILE = PIP_FIND_LINKS= $(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe \
	--strip-extras --no-emit-index-url --no-emit-find-links $(LOCK_ARGS)
lock: install-lint
	$(PIP_COMPILE) -o requirements.lock requirements.txt
	$(PIP_COMPILE) -c requirements.lock -o requirements-test.lock requirements-test.txt
	$(PIP_COMPILE) -c requirements.lock -o requirements-lint.lock requirements-lint.txt
	$(PY) scripts/check_lock.py

lock-upgrade:
	$(MAKE) lock LOCK_ARGS=--upgrade

# Interface catalogues: update from the code (keeping every translation), then compile.
messages: install
	$(MANAGE) makemessages
	$(MANAGE) compilemessages

bench: install-test
	$(PY) -m bench.search_bench

bench-import: install
	$(PY) -m bench.import_bench

# GeoJSON and filtered investment listing at 1,000 opportunities, beside the unfiltered listing.
bench-investment: install-test
	$(PY) -m bench.investment_bench

# In-process rendering of the demo with the page cache off (issue 12 item 2; bench/render_bench.py).
bench-render: install
	$(PY) -m bench.render_bench $(BENCH_RENDER_ARGS)

# Copy front-end libraries from node_modules (npm ci) into static/vendor/ (committed).
vendor: install-test
	bash scripts/vendor-leaflet.sh

# Bounded load on 127.0.0.1 only (see bench/loadtest.py); needs Debian's wrk.
LOADTEST_ARGS ?=
loadtest: install
	@command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }
	$(PY) -m bench.loadtest $(LOADTEST_ARGS)

clean:
	rm -rf var/db.sqlite3 var/search.sqlite3* var/media

-include make/services.mk
