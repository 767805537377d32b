# Shell helpers shared by .ci/run and scripts/*.sh. Source it after `set -euo pipefail`:
#
#   LOG_TAG=redis; source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
#   log MESSAGE...           "[tag 12s] MESSAGE" on stderr (seconds since the script started)
#   die MESSAGE...           "[tag] error: MESSAGE" on stderr, then exit 1
#   retry N COMMAND...       run COMMAND up to N times, waiting RETRY_DELAY (5) s, 2x, 3x ... between
#                            tries; the status of the last try otherwise
#   apt_install PACKAGE...   install the Debian packages not installed yet (as root); apt-get update
#                            only when the first attempt fails; retried and bounded
# shellcheck shell=bash

LOG_TAG="${LOG_TAG:-$(basename "$0" .sh)}"
RETRY_DELAY="${RETRY_DELAY:-5}"

log() { printf '[%s %ds] %s\n' "$LOG_TAG" "$SECONDS" "$*" >&2; }

die() {
    printf '[%s] error: %s\n' "$LOG_TAG" "$*" >&2
    exit 1
}

retry() {
    local tries=$1 n=1 status=0
    shift
    until "$@"; do
        status=$?
        if [[ $n -ge $tries ]]; then
            return "$status"
        fi
        log "'$*' failed (try $n of $tries); retrying in $((n * RETRY_DELAY)) s"
        sleep $((n * RETRY_DELAY))
        n=$((n + 1))
    done
}

apt_install() {
    local -a missing=()
    local package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$package")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    [[ $(id -u) -eq 0 ]] || die "missing Debian packages: ${missing[*]}; install them (as root)"
    log "installing ${missing[*]} (Debian packages)"
    export DEBIAN_FRONTEND=noninteractive
    timeout 900 apt-get install -y -qq "${missing[@]}" >/dev/null && return 0
    retry 3 timeout 300 apt-get update -qq || die "apt-get update failed"
    retry 3 timeout 900 apt-get install -y -qq "${missing[@]}" >/dev/null \
        || die "apt-get install ${missing[*]} failed"
}
