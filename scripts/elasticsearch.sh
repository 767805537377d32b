#!/usr/bin/env bash
# A local, single-node Elasticsearch for development and CI.
#
#   scripts/elasticsearch.sh install   fetch the distribution through Maven (cached) and unpack it
#   scripts/elasticsearch.sh start     install if needed, start in the background, wait until healthy
#   scripts/elasticsearch.sh stop      stop the node started by `start` (pid file), bounded wait
#   scripts/elasticsearch.sh status    running or not, and the cluster health; exit 3 when not running
#   scripts/elasticsearch.sh url       print the URL the node listens on
#
# The distribution is Maven Central's `integ-test-zip`: the server core without the default
# distribution's modules (no analysis-common, no painless, no reindex, no ML). The search code only
# relies on core analyzers (`whitespace`, `keyword`) and core queries/aggregations. It has no
# `GET /` (info/ping) endpoint: probe it with `_cluster/health`.
#
# Environment (all optional):
#   ES_VERSION            server version (default 9.2.4; keep the major equal to the Python client's)
#   ES_PORT               HTTP port (default 9200); the transport port is ES_PORT+ES_TRANSPORT_OFFSET
#   ES_TRANSPORT_OFFSET   transport port minus HTTP port (default 100)
#   ES_HEAP               JVM heap (default 512m)
#   ES_JAVA_HOME          JDK to run it with (default: the newest JDK >= 21 under /usr/lib/jvm)
#   ES_USER               unprivileged user when run as root (default dtsearch; Elasticsearch refuses root)
#   ES_START_TIMEOUT      seconds to wait for a yellow cluster (default 120)
#   ES_CACHE_DIR          where the unpacked server and the node's data live
#                         (default ${XDG_CACHE_HOME:-$HOME/.cache}/dautieng; /var/cache/dautieng as root,
#                         because the unprivileged user cannot enter /root)
#   ES_FALLBACK_VERSION   8.x version used when no JDK >= 21 exists (ES 9 needs 21+, 8.x runs on 17)
#
# A node of a multi-node cluster (the cluster test, tests/cluster/): start one process per node,
# each with its own ES_PORT, and the same
#   ES_CLUSTER_NAME       cluster name (default dautieng-ES_PORT, i.e. a cluster of one)
#   ES_SEED_PORTS         the transport ports of every node, e.g. "9401,9402"; set = cluster mode
#                         (no single-node discovery); the first start bootstraps the cluster
#   ES_NODE_NAME          this node's name (default node-1; in cluster mode node-ES_PORT)
#   ES_STATE_DIR          the node's config, data and logs (default ES_CACHE_DIR/es-VERSION-PORT);
#                         the unprivileged user must be able to reach it
# Every node of a cluster must be started before any of them reports healthy: start them in
# parallel (the health wait covers the election).
set -euo pipefail

readonly ES_GROUP_ID="org.elasticsearch.distribution.integ-test-zip"
ES_VERSION_DEFAULT="9.2.4"
ES_FALLBACK_VERSION="${ES_FALLBACK_VERSION:-8.19.8}"
ES_PORT="${ES_PORT:-9200}"
ES_TRANSPORT_OFFSET="${ES_TRANSPORT_OFFSET:-100}"
ES_HEAP="${ES_HEAP:-512m}"
ES_USER="${ES_USER:-dtsearch}"
ES_START_TIMEOUT="${ES_START_TIMEOUT:-120}"
ES_STOP_TIMEOUT="${ES_STOP_TIMEOUT:-30}"

if [[ $(id -u) -eq 0 ]]; then
    ES_CACHE_DIR="${ES_CACHE_DIR:-/var/cache/dautieng}"
else
    ES_CACHE_DIR="${ES_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dautieng}"
fi

LOG_TAG=elasticsearch
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# --- JDK -------------------------------------------------------------------------------------

# Print the feature version (17, 21, 25, ...) of the JDK at $1, or nothing.
jdk_major() {
    local home=$1 version=""
    [[ -x "$home/bin/java" ]] || return 0
    if [[ -r "$home/release" ]]; then
        version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
    fi
    if [[ -z "$version" ]]; then
        version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
    fi
    version=${version#1.}
    printf '%s' "${version%%[.+-]*}"
}

# Set JDK_HOME/JDK_MAJOR to ES_JAVA_HOME, or to the newest JDK under /usr/lib/jvm.
find_jdk() {
    JDK_HOME="" JDK_MAJOR=0
    if [[ -n "${ES_JAVA_HOME:-}" ]]; then
        JDK_HOME=$ES_JAVA_HOME
        JDK_MAJOR=$(jdk_major "$JDK_HOME")
        [[ -n "$JDK_MAJOR" ]] || die "ES_JAVA_HOME=$ES_JAVA_HOME has no bin/java"
        return
    fi
    local dir major
    for dir in /usr/lib/jvm/*/; do
        dir=${dir%/}
        [[ -L "$dir" ]] && continue   # java-1.17.0-openjdk-amd64 -> java-17-openjdk-amd64 etc.
        major=$(jdk_major "$dir")
        if [[ -n "$major" && "$major" -gt "$JDK_MAJOR" ]]; then
            JDK_HOME=$dir JDK_MAJOR=$major
        fi
    done
    [[ -n "$JDK_HOME" ]] || die "no JDK found under /usr/lib/jvm; install one (JDK 21+ for Elasticsearch 9) or set ES_JAVA_HOME"
}

# Choose ES_VERSION for the JDK we have: 9.x needs JDK 21+, otherwise fall back to 8.x on JDK 17.
choose_version() {
    find_jdk
    if [[ -n "${ES_VERSION:-}" ]]; then
        return
    fi
    if [[ "$JDK_MAJOR" -ge 21 ]]; then
        ES_VERSION=$ES_VERSION_DEFAULT
    elif [[ "$JDK_MAJOR" -ge 17 ]]; then
        ES_VERSION=$ES_FALLBACK_VERSION
        log "warning: no JDK >= 21 (newest is $JDK_MAJOR at $JDK_HOME); falling back to Elasticsearch $ES_VERSION."
        log "warning: the elasticsearch 9.x Python client refuses 8.x servers; install a JDK 21+ to test the real setup."
    else
        die "JDK $JDK_MAJOR at $JDK_HOME is too old: Elasticsearch 9 needs JDK 21+, 8.x needs 17+"
    fi
}

set_paths() {
    ES_HOME="$ES_CACHE_DIR/elasticsearch-$ES_VERSION"
    STATE_DIR="${ES_STATE_DIR:-$ES_CACHE_DIR/es-$ES_VERSION-$ES_PORT}"
    PID_FILE="$STATE_DIR/elasticsearch.pid"
    LOG_DIR="$STATE_DIR/logs"
    CONF_DIR="$STATE_DIR/config"
    CLUSTER_NAME="${ES_CLUSTER_NAME:-dautieng-$ES_PORT}"
    if [[ -n "${ES_SEED_PORTS:-}" ]]; then
        NODE_NAME="${ES_NODE_NAME:-node-$ES_PORT}"
    else
        NODE_NAME="${ES_NODE_NAME:-node-1}"
    fi
    URL="http://127.0.0.1:$ES_PORT"
}

# --- install ---------------------------------------------------------------------------------

need_tool() {
    local tool=$1 package=$2
    command -v "$tool" >/dev/null 2>&1 && return
    [[ $(id -u) -eq 0 ]] || die "$tool is missing; install the $package package"
    log "installing $package (for $tool)"
    retry 3 apt-get install -y -qq "$package" >/dev/null \
        || { retry 3 apt-get update -qq && retry 3 apt-get install -y -qq "$package" >/dev/null; } \
        || die "could not install $package"
}

cmd_install() {
    choose_version
    set_paths
    if [[ -x "$ES_HOME/bin/elasticsearch" ]]; then
        log "Elasticsearch $ES_VERSION already unpacked in $ES_HOME"
        return
    fi
    need_tool mvn maven
    need_tool unzip unzip
    mkdir -p "$ES_CACHE_DIR"
    local download
    download=$(mktemp -d "$ES_CACHE_DIR/download.XXXXXX")
    # shellcheck disable=SC2064  # expand now: the trap must remove this very directory
    trap "rm -rf '$download'" EXIT
    log "fetching $ES_GROUP_ID:elasticsearch:$ES_VERSION:zip through Maven (cached in ~/.m2)"
    retry 3 timeout 900 mvn -B -q dependency:copy \
        "-Dartifact=$ES_GROUP_ID:elasticsearch:$ES_VERSION:zip" \
        "-DoutputDirectory=$download" \
        || die "could not fetch Elasticsearch $ES_VERSION from Maven Central (see the Maven output above)"
    local zip="$download/elasticsearch-$ES_VERSION.zip"
    [[ -s "$zip" ]] || die "Maven reported success but $zip is missing"
    unzip -q "$zip" -d "$download/unpacked" || die "could not unpack $zip"
    [[ -x "$download/unpacked/elasticsearch-$ES_VERSION/bin/elasticsearch" ]] \
        || die "$zip does not contain elasticsearch-$ES_VERSION/bin/elasticsearch"
    rm -rf "$ES_HOME"
    mv "$download/unpacked/elasticsearch-$ES_VERSION" "$ES_HOME"
    rm -rf "$download"
    trap - EXIT
    if [[ $(id -u) -eq 0 ]]; then
        chmod -R a+rX "$ES_HOME"
        chmod a+rx "$ES_CACHE_DIR"
    fi
    log "Elasticsearch $ES_VERSION unpacked in $ES_HOME"
}

# --- start / stop / status -------------------------------------------------------------------

ensure_user() {
    if id -u "$ES_USER" >/dev/null 2>&1; then
        return
    fi
    log "creating system user $ES_USER (Elasticsearch refuses to run as root)"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin "$ES_USER" || die "could not create user $ES_USER"
}

running_pid() {
    local pid
    [[ -s "$PID_FILE" ]] || return 1
    pid=$(<"$PID_FILE")
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    # A pid file left by a killed node may name a process that reused the pid: check it is ours.
    if [[ -r "/proc/$pid/cmdline" ]] \
            && ! tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "-Des.path.home=$ES_HOME"; then
        return 1
    fi
    printf '%s' "$pid"
}

healthy() {
    curl -fsS --max-time 10 \
        "$URL/_cluster/health?wait_for_status=yellow&timeout=${1:-1}s" >/dev/null 2>&1
}

show_log_tail() {
    local file
    for file in "$LOG_DIR/startup.out" "$LOG_DIR/$CLUSTER_NAME.log"; do
        if [[ -s "$file" ]]; then
            log "---- last lines of $file ----"
            tail -n 40 "$file" >&2
        fi
    done
}

write_config() {
    mkdir -p "$STATE_DIR/data" "$LOG_DIR" "$CONF_DIR" "$STATE_DIR/tmp"
    local item
    for item in "$ES_HOME"/config/*; do
        [[ -e "$CONF_DIR/$(basename "$item")" ]] || cp -r "$item" "$CONF_DIR/"
    done
    # GC/crash logs go to the working directory in this distribution's jvm.options: keep them in logs/.
    sed -i -e "s|file=[^:]*gc\\.log|file=$LOG_DIR/gc.log|" \
        -e "s|^-XX:ErrorFile=.*|-XX:ErrorFile=$LOG_DIR/hs_err_pid%p.log|" \
        -e "s|^-XX:HeapDumpPath=.*|-XX:HeapDumpPath=$STATE_DIR/tmp|" "$CONF_DIR/jvm.options"
    local ml=""
    # xpack.ml.enabled is declared by x-pack-core (the integ-test zip ships it without the ML
    # module itself); without x-pack-core the setting is unknown and would stop the node.
    if [[ -d "$ES_HOME/modules/x-pack-core" ]]; then
        ml="xpack.ml.enabled: false"
    fi
    local discovery="discovery.type: single-node"
    if [[ -n "${ES_SEED_PORTS:-}" ]]; then
        local port seeds="" masters=""
        for port in ${ES_SEED_PORTS//,/ }; do
            seeds+="${seeds:+, }\"127.0.0.1:$port\""
            masters+="${masters:+, }\"node-$((port - ES_TRANSPORT_OFFSET))\""
        done
        # Node names follow node-<HTTP port> (transport = HTTP + offset) unless ES_NODE_NAME says.
        discovery="discovery.seed_hosts: [$seeds]"
        if [[ ! -d "$STATE_DIR/data/_state" ]]; then
            discovery+=$'\n'"cluster.initial_master_nodes: [${ES_INITIAL_MASTERS:-$masters}]"
        fi
    fi
    cat >"$CONF_DIR/elasticsearch.yml" <<EOF
# Written by scripts/elasticsearch.sh on every start; edit the script, not this file.
cluster.name: $CLUSTER_NAME
node.name: $NODE_NAME
path.data: $STATE_DIR/data
path.logs: $LOG_DIR
$discovery
network.host: 127.0.0.1
http.port: $ES_PORT
transport.port: $((ES_PORT + ES_TRANSPORT_OFFSET))
xpack.security.enabled: false
$ml
# A development disk may be nearly full: never make indices read-only because of it.
cluster.routing.allocation.disk.threshold_enabled: false
cluster.routing.allocation.disk.watermark.low: 97%
cluster.routing.allocation.disk.watermark.high: 98%
cluster.routing.allocation.disk.watermark.flood_stage: 99%
action.destructive_requires_name: false
EOF
}

cmd_start() {
    cmd_install
    local pid
    if pid=$(running_pid); then
        if healthy 30; then
            log "already running (pid $pid) at $URL"
            printf '%s\n' "$URL"
            return
        fi
        die "a node is running (pid $pid) but is not healthy; run '$0 stop' first"
    fi
    if curl -fsS --max-time 2 "$URL" >/dev/null 2>&1; then
        die "something else already answers at $URL (not started by this script); stop it or set ES_PORT"
    fi
    rm -f "$PID_FILE"
    write_config
    local -a run_as=()
    if [[ $(id -u) -eq 0 ]]; then
        ensure_user
        chown -R "$ES_USER:" "$STATE_DIR"
        chmod a+rx "$ES_CACHE_DIR"
        run_as=(runuser -u "$ES_USER" --)
    fi
    log "starting Elasticsearch $ES_VERSION on $URL (JDK $JDK_MAJOR, heap $ES_HEAP, data in $STATE_DIR)"
    local started=$SECONDS
    # -d returns once the node has started (or failed); the health wait below is the real check.
    if ! (cd "$STATE_DIR" && "${run_as[@]}" env -u JAVA_HOME \
            HOME="$STATE_DIR" \
            ES_JAVA_HOME="$JDK_HOME" \
            ES_PATH_CONF="$CONF_DIR" \
            ES_TMPDIR="$STATE_DIR/tmp" \
            ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP ${ES_EXTRA_JAVA_OPTS:-}" \
            timeout "$ES_START_TIMEOUT" "$ES_HOME/bin/elasticsearch" -d -p "$PID_FILE" \
            >"$LOG_DIR/startup.out" 2>&1); then
        log "the node did not start"
        show_log_tail
        cmd_stop >/dev/null 2>&1 || true
        exit 1
    fi
    while ! healthy 5; do
        if ! running_pid >/dev/null; then
            log "the node exited during start-up"
            show_log_tail
            exit 1
        fi
        if ((SECONDS - started >= ES_START_TIMEOUT)); then
            log "no yellow cluster health after ${ES_START_TIMEOUT}s"
            show_log_tail
            cmd_stop || true
            exit 1
        fi
        sleep 1
    done
    log "ready in $((SECONDS - started)) s (pid $(running_pid)); stop it with: $0 stop"
    printf '%s\n' "$URL"
}

cmd_stop() {
    choose_version
    set_paths
    local pid
    if ! pid=$(running_pid); then
        log "not running (no live pid in $PID_FILE)"
        rm -f "$PID_FILE"
        return 0
    fi
    log "stopping pid $pid"
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + ES_STOP_TIMEOUT))
    while kill -0 "$pid" 2>/dev/null; do
        if ((SECONDS >= deadline)); then
            log "still running after ${ES_STOP_TIMEOUT}s; killing it"
            kill -KILL "$pid" 2>/dev/null || true
            sleep 1
            break
        fi
        sleep 0.5
    done
    rm -f "$PID_FILE"
    log "stopped"
}

cmd_status() {
    choose_version
    set_paths
    local pid
    if ! pid=$(running_pid); then
        log "not running ($URL, pid file $PID_FILE)"
        return 3
    fi
    log "running: pid $pid, $URL, data in $STATE_DIR"
    curl -fsS --max-time 5 "$URL/_cluster/health?pretty" || { log "but it does not answer"; return 1; }
}

cmd_url() {
    choose_version
    set_paths
    printf '%s\n' "$URL"
}

case "${1:-}" in
    install) cmd_install ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    url) cmd_url ;;
    pidfile) choose_version; set_paths; printf '%s\n' "$PID_FILE" ;;
    *)
        printf 'usage: %s {install|start|stop|status|url|pidfile}\n' "$0" >&2
        exit 2
        ;;
esac
