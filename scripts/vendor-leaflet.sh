#!/usr/bin/env bash
# Copy Leaflet (installed from the npm registry by `npm ci`, version pinned in package-lock.json)
# into static/vendor/leaflet/, which is committed: the site serves these files itself, and
# `make run` needs neither npm nor the network. Run it (`make vendor`) after changing the
# version in package.json; tests/maps/test_vendored.py fails while the copy and the lock differ.
set -euo pipefail
LOG_TAG=vendor
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
src=node_modules/leaflet
dest=static/vendor/leaflet
[[ -f $src/package.json ]] || die "node_modules/leaflet is missing: run 'npm ci' first"
version=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$src/package.json")
rm -rf "$dest"
mkdir -p "$dest/images"
# The source map is not shipped: drop its reference, which the manifest storage would
# otherwise try to resolve at collectstatic.
sed '/^\/\/# sourceMappingURL=/d' "$src/dist/leaflet.js" > "$dest/leaflet.js"
cp "$src/dist/leaflet.css" "$src/LICENSE" "$dest/"
cp "$src"/dist/images/*.png "$dest/images/"
echo "$version" > "$dest/VERSION"
echo "Leaflet $version copied to $dest"
