#!/usr/bin/env bash
# Re-fetches the page's third-party files from the npm registry into vendor/ (run by
# `make vendor`). Only the minified files the page loads are kept, each with its licence.
# Nothing is fetched at run time: `sitreps serve` serves these copies.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
LEAFLET=leaflet@1.9.4
TOPOJSON=topojson-client@3.1.0
ATLAS=world-atlas@2.0.2
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
for pkg in "$LEAFLET" "$TOPOJSON" "$ATLAS"; do
    name="${pkg%@*}"
    mkdir -p "$name"
    tar xzf "$(npm pack --silent "$pkg")" -C "$name"
done
out="$here/vendor"
rm -rf "$out"
mkdir -p "$out/leaflet/images" "$out/topojson-client" "$out/world-atlas"
cp leaflet/package/dist/leaflet.js leaflet/package/dist/leaflet.css leaflet/package/LICENSE \
    "$out/leaflet/"
cp leaflet/package/dist/images/*.png "$out/leaflet/images/"
cp topojson-client/package/dist/topojson-client.min.js topojson-client/package/LICENSE \
    "$out/topojson-client/"
# Natural Earth 1:50m country outlines as TopoJSON (public domain data; ISC-licensed package).
cp world-atlas/package/countries-50m.json world-atlas/package/LICENSE "$out/world-atlas/"
printf '%s\n' "$LEAFLET" "$TOPOJSON" "$ATLAS" > "$out/VERSIONS"
echo "vendored: $(tr '\n' ' ' < "$out/VERSIONS")"
