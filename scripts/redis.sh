#!/usr/bin/env bash
# A local Redis (Debian's redis-server) for the shared page cache, in development and CI.
#
#   scripts/redis.sh install   apt-get install redis-server when it is missing (as root)
#   scripts/redis.sh start     install if needed, start a private instance in the background
#                              (loopback only, no persistence), wait until it answers, print its URL
#   scripts/redis.sh stop      stop the instance started by `start` (pid file), bounded wait
#   scripts/redis.sh status    exit 0 when the instance answers PING, 3 when not running
#   scripts/redis.sh url       print the URL (redis://127.0.0.1:PORT/0)
#
# Environment (all optional): REDIS_PORT (6379), REDIS_DIR (var/redis-PORT in the repository),
# REDIS_START_TIMEOUT (30), REDIS_MAXMEMORY (256mb; least recently used keys are dropped).
set -euo pipefail

REDIS_PORT="${REDIS_PORT:-6379}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REDIS_DIR="${REDIS_DIR:-$ROOT/var/redis-$REDIS_PORT}"
REDIS_START_TIMEOUT="${REDIS_START_TIMEOUT:-30}"
REDIS_MAXMEMORY="${REDIS_MAXMEMORY:-256mb}"
PIDFILE="$REDIS_DIR/redis.pid"

LOG_TAG=redis
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

url() { printf 'redis://127.0.0.1:%s/0\n' "$REDIS_PORT"; }

answers() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

install() {
    command -v redis-server >/dev/null 2>&1 && return 0
    apt_install redis-server
}

start() {
    install
    if answers; then
        log "already running on port $REDIS_PORT"
        url
        return 0
    fi
    mkdir -p "$REDIS_DIR"
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --pidfile "$PIDFILE" \
        --dir "$REDIS_DIR" --logfile "$REDIS_DIR/redis.log" --save "" --appendonly no \
        --maxmemory "$REDIS_MAXMEMORY" --maxmemory-policy allkeys-lru >/dev/null
    local waited=0
    until answers; do
        [[ $waited -lt $REDIS_START_TIMEOUT ]] || die "no answer on port $REDIS_PORT after ${REDIS_START_TIMEOUT}s (log: $REDIS_DIR/redis.log)"
        sleep 1
        waited=$((waited + 1))
    done
    log "running on port $REDIS_PORT"
    url
}

stop() {
    if [[ ! -f "$PIDFILE" ]]; then
        log "not started by this script (no $PIDFILE)"
        return 0
    fi
    local pid waited=0
    pid=$(cat "$PIDFILE")
    kill "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do
        [[ $waited -lt 30 ]] || { kill -9 "$pid" 2>/dev/null || true; break; }
        sleep 1
        waited=$((waited + 1))
    done
    rm -f "$PIDFILE"
    log "stopped"
}

case "${1:-}" in
    install) install ;;
    start) start ;;
    stop) stop ;;
    status) if answers; then log "running on port $REDIS_PORT"; else exit 3; fi ;;
    url) url ;;
    *) die "usage: $0 install|start|stop|status|url" ;;
esac
