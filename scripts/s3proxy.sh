#!/usr/bin/env bash
# A local S3-compatible object store for development and CI: S3Proxy (Maven Central,
# org.gaul:s3proxy, the jar-with-dependencies) backed by a folder, run with the machine's JDK.
#
#   scripts/s3proxy.sh install   fetch the jar through Maven (cached in ~/.m2)
#   scripts/s3proxy.sh start     install if needed, start in the background, wait until it answers,
#                                create the bucket (private: not listable, objects private unless
#                                written public-read), print the environment the site needs
#   scripts/s3proxy.sh stop      stop the instance started by `start` (pid file), bounded wait
#   scripts/s3proxy.sh status    exit 0 when it answers, 3 when not running
#   scripts/s3proxy.sh url       print the endpoint URL
#
# Environment (all optional):
#   S3PROXY_VERSION   2.6.0
#   S3PROXY_PORT      8920 (loopback only)
#   S3PROXY_DIR       var/s3proxy-PORT in the repository (the bucket's files live in data/)
#   S3PROXY_BUCKET    dautieng-media
#   S3PROXY_ACCESS_KEY / S3PROXY_SECRET_KEY   local-access-key / local-secret-key
#   S3PROXY_JAVA_HOME a JDK (11+); default: java on PATH
#   S3PROXY_START_TIMEOUT  60
set -euo pipefail

S3PROXY_VERSION="${S3PROXY_VERSION:-2.6.0}"
S3PROXY_PORT="${S3PROXY_PORT:-8920}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
S3PROXY_DIR="${S3PROXY_DIR:-$ROOT/var/s3proxy-$S3PROXY_PORT}"
S3PROXY_BUCKET="${S3PROXY_BUCKET:-dautieng-media}"
S3PROXY_ACCESS_KEY="${S3PROXY_ACCESS_KEY:-local-access-key}"
S3PROXY_SECRET_KEY="${S3PROXY_SECRET_KEY:-local-secret-key}"
S3PROXY_START_TIMEOUT="${S3PROXY_START_TIMEOUT:-60}"
ARTIFACT="org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies"
JAR="${M2_REPO:-$HOME/.m2/repository}/org/gaul/s3proxy/$S3PROXY_VERSION/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar"
PID_FILE="$S3PROXY_DIR/s3proxy.pid"
URL="http://127.0.0.1:$S3PROXY_PORT"

log() { printf '[s3proxy] %s\n' "$*" >&2; }
die() { printf '[s3proxy] error: %s\n' "$*" >&2; exit 1; }

retry() {
    local tries=$1 n=1
    shift
    until "$@"; do
        if [[ $n -ge $tries ]]; then
            return 1
        fi
        log "'$*' failed (try $n of $tries); retrying in $((n * 5)) s"
        sleep $((n * 5))
        n=$((n + 1))
    done
}

java_bin() {
    if [[ -n "${S3PROXY_JAVA_HOME:-}" ]]; then
        printf '%s/bin/java' "$S3PROXY_JAVA_HOME"
    else
        command -v java || die "no java on PATH (apt-get install default-jre-headless) or set S3PROXY_JAVA_HOME"
    fi
}

need_tool() {
    local tool=$1 package=$2
    command -v "$tool" >/dev/null 2>&1 && return
    [[ $(id -u) -eq 0 ]] || die "$tool is missing; install the $package package"
    log "installing $package (for $tool)"
    export DEBIAN_FRONTEND=noninteractive
    retry 3 timeout 600 apt-get install -y -qq "$package" >/dev/null \
        || { retry 3 timeout 300 apt-get update -qq && retry 3 timeout 600 apt-get install -y -qq "$package" >/dev/null; } \
        || die "could not install $package"
}

cmd_install() {
    if [[ -s "$JAR" ]]; then
        return
    fi
    need_tool mvn maven
    log "fetching $ARTIFACT through Maven (cached in ~/.m2)"
    # dependency:get puts the artifact into the local repository, where $JAR points.
    retry 3 timeout 900 mvn -B -q dependency:get "-Dartifact=$ARTIFACT" -Dtransitive=false \
        || die "could not fetch $ARTIFACT from Maven Central (see the Maven output above)"
    [[ -s "$JAR" ]] || die "Maven reported success but $JAR is missing"
}

running_pid() {
    local pid
    [[ -s "$PID_FILE" ]] || return 1
    pid=$(<"$PID_FILE")
    [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
    # The pid of a killed instance may have been reused: check it is ours.
    if [[ -r "/proc/$pid/cmdline" ]] && ! tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$S3PROXY_DIR"; then
        return 1
    fi
    printf '%s' "$pid"
}

# Any HTTP answer means the server is up (anonymous requests get 403 AccessDenied).
answers() {
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$URL/" 2>/dev/null) || true
    [[ "$code" =~ ^[1-5][0-9][0-9]$ ]]
}

write_config() {
    mkdir -p "$S3PROXY_DIR/data"
    cat >"$S3PROXY_DIR/s3proxy.conf" <<EOF
# Written by scripts/s3proxy.sh on every start.
s3proxy.endpoint=$URL
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3PROXY_ACCESS_KEY
s3proxy.credential=$S3PROXY_SECRET_KEY
jclouds.provider=filesystem-nio2
jclouds.identity=$S3PROXY_ACCESS_KEY
jclouds.credential=$S3PROXY_SECRET_KEY
jclouds.filesystem.basedir=$S3PROXY_DIR/data
EOF
    chmod 600 "$S3PROXY_DIR/s3proxy.conf"
}

# Create the bucket without a public ACL: nobody may list it; each object carries its own ACL.
create_bucket() {
    local python="${S3PROXY_PYTHON:-$ROOT/.venv/bin/python}"
    [[ -x "$python" ]] || python=python3
    AWS_ACCESS_KEY_ID="$S3PROXY_ACCESS_KEY" AWS_SECRET_ACCESS_KEY="$S3PROXY_SECRET_KEY" \
        "$python" - "$URL" "$S3PROXY_BUCKET" <<'PY' || die "could not create bucket $S3PROXY_BUCKET"
import sys
import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

url, bucket = sys.argv[1:3]
s3 = boto3.client("s3", endpoint_url=url, region_name="us-east-1",
                  config=Config(s3={"addressing_style": "path"}, signature_version="s3v4",
                              request_checksum_calculation="when_required"))
try:
    s3.create_bucket(Bucket=bucket, ACL="private")
except ClientError as exc:
    if exc.response["Error"]["Code"] not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
        raise
PY
}

print_env() {
    cat <<EOF
AWS_STORAGE_BUCKET_NAME=$S3PROXY_BUCKET
AWS_S3_ENDPOINT_URL=$URL
AWS_ACCESS_KEY_ID=$S3PROXY_ACCESS_KEY
AWS_SECRET_ACCESS_KEY=$S3PROXY_SECRET_KEY
EOF
}

cmd_start() {
    cmd_install
    local pid
    if pid=$(running_pid); then
        log "already running (pid $pid) at $URL"
        create_bucket
        print_env
        return
    fi
    if answers; then
        die "something else already answers at $URL (not started by this script); set S3PROXY_PORT"
    fi
    write_config
    local java
    java=$(java_bin)
    log "starting S3Proxy $S3PROXY_VERSION on $URL (data in $S3PROXY_DIR/data)"
    local started=$SECONDS
    (cd "$S3PROXY_DIR" && exec setsid "$java" -Xms64m -Xmx256m -jar "$JAR" \
        --properties "$S3PROXY_DIR/s3proxy.conf" >"$S3PROXY_DIR/s3proxy.log" 2>&1) &
    pid=$!
    echo "$pid" >"$PID_FILE"
    until answers; do
        # kill -0, not running_pid: until the subshell has exec'd Java its command line is
        # this script's, and a loaded machine used to see "exited" in that instant.
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 30 "$S3PROXY_DIR/s3proxy.log" >&2 || true
            die "S3Proxy exited during start-up (log above)"
        fi
        if ((SECONDS - started >= S3PROXY_START_TIMEOUT)); then
            tail -n 30 "$S3PROXY_DIR/s3proxy.log" >&2 || true
            cmd_stop || true
            die "no answer at $URL after ${S3PROXY_START_TIMEOUT}s"
        fi
        sleep 0.5
    done
    create_bucket
    log "ready in $((SECONDS - started)) s (pid $(running_pid)), bucket $S3PROXY_BUCKET; stop it with: $0 stop"
    print_env
}

cmd_stop() {
    local pid
    if ! pid=$(running_pid); then
        log "not running (no live pid in $PID_FILE)"
        rm -f "$PID_FILE"
        return 0
    fi
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 20))
    while kill -0 "$pid" 2>/dev/null; do
        if ((SECONDS >= deadline)); then
            log "still running after 20 s; killing it"
            kill -KILL "$pid" 2>/dev/null || true
            break
        fi
        sleep 0.2
    done
    rm -f "$PID_FILE"
    log "stopped"
}

cmd_status() {
    local pid
    if ! pid=$(running_pid); then
        log "not running ($URL)"
        return 3
    fi
    answers || { log "pid $pid does not answer at $URL"; return 1; }
    log "running: pid $pid, $URL, bucket $S3PROXY_BUCKET, data in $S3PROXY_DIR/data"
}

case "${1:-}" in
    install) cmd_install ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    url) printf '%s\n' "$URL" ;;
    *)
        printf 'usage: %s {install|start|stop|status|url}\n' "$0" >&2
        exit 2
        ;;
esac
