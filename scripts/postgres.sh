#!/usr/bin/env bash
# A local PostgreSQL (Debian 12's, version 15) for the database-facing tests.
#
#   scripts/postgres.sh install   apt-get install postgresql when it is missing
#   scripts/postgres.sh start     install if needed, start the cluster, create the role and the
#                                 database, print the DATABASE_URL on stdout
#   scripts/postgres.sh stop      stop the cluster
#   scripts/postgres.sh url       print the DATABASE_URL
#
# Environment (all optional): PG_VERSION (15), PG_CLUSTER (main), PG_PORT (5432),
# PG_USER (dautieng), PG_PASSWORD (dautieng), PG_DB (dautieng_test), PG_START_TIMEOUT (60).
# The role may create databases: the Django test runner creates `test_<name>` next to PG_DB.
set -euo pipefail

PG_VERSION="${PG_VERSION:-15}"
PG_CLUSTER="${PG_CLUSTER:-main}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-dautieng}"
PG_PASSWORD="${PG_PASSWORD:-dautieng}"
PG_DB="${PG_DB:-dautieng_test}"
PG_START_TIMEOUT="${PG_START_TIMEOUT:-60}"

LOG_TAG=postgres
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_root() {
    [[ $(id -u) -eq 0 ]] || die "run as root (it installs packages and starts the system cluster), or point DATABASE_URL at your own PostgreSQL"
}

installed() {
    command -v pg_ctlcluster >/dev/null 2>&1 && [[ -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ]]
}

url() {
    printf 'postgres://%s:%s@127.0.0.1:%s/%s\n' "$PG_USER" "$PG_PASSWORD" "$PG_PORT" "$PG_DB"
}

cmd_install() {
    if installed; then
        log "PostgreSQL $PG_VERSION is installed"
        return
    fi
    require_root
    apt_install postgresql
    installed || die "postgresql installed, but /usr/lib/postgresql/$PG_VERSION/bin/postgres is missing (another Debian release? set PG_VERSION)"
}

psql_admin() {
    runuser -u postgres -- psql --no-psqlrc -v ON_ERROR_STOP=1 -q -p "$PG_PORT" "$@"
}

cmd_start() {
    cmd_install
    require_root
    if ! pg_lsclusters -h "$PG_VERSION" "$PG_CLUSTER" >/dev/null 2>&1 \
            || [[ -z "$(pg_lsclusters -h "$PG_VERSION" "$PG_CLUSTER" 2>/dev/null)" ]]; then
        log "creating cluster $PG_VERSION/$PG_CLUSTER on port $PG_PORT"
        pg_createcluster --port "$PG_PORT" "$PG_VERSION" "$PG_CLUSTER" >/dev/null
    fi
    if pg_lsclusters -h "$PG_VERSION" "$PG_CLUSTER" | grep -q ' online'; then
        log "cluster $PG_VERSION/$PG_CLUSTER already running"
    else
        log "starting cluster $PG_VERSION/$PG_CLUSTER"
        timeout "$PG_START_TIMEOUT" pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start \
            || { tail -n 30 "/var/log/postgresql/postgresql-$PG_VERSION-$PG_CLUSTER.log" >&2 || true
                 die "pg_ctlcluster $PG_VERSION $PG_CLUSTER start failed"; }
    fi
    local deadline=$((SECONDS + PG_START_TIMEOUT))
    until pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; do
        ((SECONDS < deadline)) || die "PostgreSQL is not accepting connections on 127.0.0.1:$PG_PORT after ${PG_START_TIMEOUT}s"
        sleep 1
    done
    # Role and database, idempotently; the password is (re)set so the printed URL always works.
    psql_admin -d postgres -v user="$PG_USER" -v password="$PG_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB', :'user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN CREATEDB PASSWORD %L', :'user', :'password') \gexec
SQL
    psql_admin -d postgres -v user="$PG_USER" -v db="$PG_DB" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'db', :'user', 'UTF8')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
    log "ready: database $PG_DB, role $PG_USER on 127.0.0.1:$PG_PORT"
    url
}

cmd_stop() {
    if ! installed; then
        log "not installed"
        return 0
    fi
    require_root
    if pg_lsclusters -h "$PG_VERSION" "$PG_CLUSTER" 2>/dev/null | grep -q ' online'; then
        timeout 60 pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop -m fast || die "could not stop the cluster"
        log "stopped cluster $PG_VERSION/$PG_CLUSTER"
    else
        log "cluster $PG_VERSION/$PG_CLUSTER is not running"
    fi
}

case "${1:-}" in
    install) cmd_install ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    url) url ;;
    *)
        printf 'usage: %s {install|start|stop|url}\n' "$0" >&2
        exit 2
        ;;
esac
