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
PYTEST_PARALLEL = $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist load)

.PHONY: run setup install install-test migrate demo test test-pg cluster-test lint bench bench-import bench-investment loadtest vendor clean help

help:
	@echo "make run    - install, migrate, load the demo catalogue, index it, serve http://$(HOST):$(PORT)"
	@echo "make test   - install the test extras and run the whole suite"
	@echo "make bench  - search benchmark (10,000 items x 2 locales)"
	@echo "make bench-investment - investment listing and map endpoint at 1,000 opportunities"
	@echo "make loadtest - production settings under gunicorn on loopback, loaded with wrk; one table"
	@echo "make es     - start a local Elasticsearch for development (make es-stop to stop it)"

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(VENV)/bin/activate
	$(PIP) install --quiet --retries 5 -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt package-lock.json $(VENV)/.installed
	$(PIP) install --quiet --retries 5 -r requirements-test.txt
	@# axe-core and the Nu Html Checker for the browser tests (from the npm registry)
	@if command -v npm >/dev/null; then \
	  for i in 1 2 3; do npm ci --no-audit --no-fund --loglevel=error && break; sleep $$((i * 10)); done; \
	else echo "npm not found: the accessibility and HTML checks will be skipped"; fi
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

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

lint: install-test
	$(PY) -m ruff check .
	$(MANAGE) makemigrations --check --dry-run

bench: install-test
	$(PY) -m bench.search_bench

bench-import: install
	$(PY) -m bench.import_bench

# GeoJSON and filtered investment listing at 1,000 opportunities, beside the unfiltered listing.
bench-investment: install-test
	$(PY) -m bench.investment_bench

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
