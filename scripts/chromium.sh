#!/usr/bin/env bash
# Debian's Chromium for the browser tests (Playwright drives it through `executable_path`; its own
# browser download is not used), with CJK fonts so Korean/Japanese/Chinese pages render in
# screenshots.
#
#   scripts/chromium.sh install   apt-get install chromium chromium-driver fonts-noto-cjk when missing
#   scripts/chromium.sh path      print the chromium executable
set -euo pipefail

PACKAGES=(chromium chromium-driver fonts-noto-cjk)

log() { printf '[chromium] %s\n' "$*" >&2; }
die() { printf '[chromium] error: %s\n' "$*" >&2; exit 1; }

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

missing_packages() {
    local package
    for package in "${PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
            printf '%s\n' "$package"
        fi
    done
}

cmd_install() {
    local -a missing
    mapfile -t missing < <(missing_packages)
    if [[ ${#missing[@]} -eq 0 ]]; then
        log "installed: ${PACKAGES[*]}"
        return
    fi
    [[ $(id -u) -eq 0 ]] || die "missing packages: ${missing[*]}; run as root or install them"
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    retry 3 timeout 300 apt-get update -qq || die "apt-get update failed"
    retry 3 timeout 900 apt-get install -y -qq "${missing[@]}" >/dev/null \
        || die "apt-get install ${missing[*]} failed"
}

cmd_path() {
    command -v chromium || die "chromium is not installed (scripts/chromium.sh install)"
}

case "${1:-}" in
    install) cmd_install ;;
    path) cmd_path ;;
    *)
        printf 'usage: %s {install|path}\n' "$0" >&2
        exit 2
        ;;
esac
