#!/usr/bin/env bash
# Debian's Chromium for the browser tests (Playwright drives it through `executable_path`; its own
# browser download is not used), with CJK fonts so Korean/Japanese/Chinese pages render in
# screenshots.
#
#   scripts/chromium.sh install   apt-get install chromium chromium-driver fonts-noto-cjk when missing
#   scripts/chromium.sh path      print the chromium executable
set -euo pipefail

PACKAGES=(chromium chromium-driver fonts-noto-cjk)

LOG_TAG=chromium
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cmd_install() {
    apt_install "${PACKAGES[@]}"
    log "installed: ${PACKAGES[*]}"
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
