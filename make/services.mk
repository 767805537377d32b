# Local services for development; included by the Makefile. The scripts do the work and are what
# .ci/run uses too: scripts/elasticsearch.sh, scripts/postgres.sh, scripts/chromium.sh.
.PHONY: es es-stop es-status pg pg-stop chromium services services-stop

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

chromium:
	@bash scripts/chromium.sh install

services: es pg chromium

services-stop: es-stop pg-stop
