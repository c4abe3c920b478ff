#!/usr/bin/env bash
# Renders an HTML report to PNG in headless Chromium (Debian package `chromium`), with no network access.
# usage: scripts/render-report.sh report.html out.png [width height]
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 report.html out.png [width height]" >&2
  exit 2
fi
html=$(realpath "$1")
png=$(realpath -m "$2")
width=${3:-1200}
height=${4:-2400}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "error: chromium not found; install it with: apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium" >&2
  exit 2
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --screenshot="$png" --window-size="$width,$height" \
  "file://$html" 2>/dev/null
echo "wrote $png"
