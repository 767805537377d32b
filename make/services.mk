# Local services for development; included by the Makefile. The scripts do the work and are what
# .ci/run uses too: scripts/elasticsearch.sh, scripts/postgres.sh, scripts/chromium.sh,
# scripts/redis.sh.
.PHONY: es es-stop es-status pg pg-stop redis redis-stop chromium services services-stop

es:
	@bash scripts/elasticsearch.sh start >/dev/null
	@echo "Elasticsearch runs in the background at $$(bash scripts/elasticsearch.sh url)."
	@echo "  use it:   ELASTICSEARCH_URL=$$(bash scripts/elasticsearch.sh url) make run"
	@echo "  test it:  ELASTICSEARCH_TEST_URL=$$(bash scripts/elasticsearch.sh url) make test"
	@echo "  stop it:  make es-stop"

es-stop:
	@bash scripts/elasticsearch.sh stop

es-status:
	@bash scripts/elasticsearch.sh status

pg:
	@url=$$(bash scripts/postgres.sh start) && \
	  echo "PostgreSQL is running; use it with: DATABASE_URL=$$url (stop it with: make pg-stop)"

pg-stop:
	@bash scripts/postgres.sh stop

# The shared page cache for several workers or machines (REDIS_PORT, default 6379).
redis:
	@url=$$(bash scripts/redis.sh start) && \
	  echo "Redis is running; use it with: REDIS_URL=$$url make run (test it: REDIS_TEST_URL=$${url%/0}/15 make test; stop it: make redis-stop)"

redis-stop:
	@bash scripts/redis.sh stop

chromium:
	@bash scripts/chromium.sh install

services: es pg redis chromium

services-stop: es-stop pg-stop redis-stop
