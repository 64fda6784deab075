#!/usr/bin/env bash
# Renders the blocks and one directive to PNG under docs/img/ (the pictures the README and docs/
# show), with bpmn-js in the system's headless Chromium (Debian's `chromium`; DANVAN_CHROMIUM
# points elsewhere). Run it after changing a model: DocumentsTest fails while a picture is older
# than its BPMN (docs/img/diagrams.sha256 holds the hash of each BPMN drawn).
# Usage: ./scripts/render-diagrams.sh
set -euo pipefail
cd "$(dirname "$0")/.."
browser=${DANVAN_CHROMIUM:-$(command -v chromium || true)}
[ -n "$browser" ] || { echo "chromium not found: install Debian's chromium or set DANVAN_CHROMIUM" >&2; exit 1; }
(cd scripts/diagrams && npm ci --no-audit --no-fund --silent)
# only the pictures drawn here (docs/img also holds the report's first page, render-report.sh)
for model in processes/blocks/*.bpmn processes/directives/tiepTucThucHienChiThi24Nam2023.bpmn; do
  rm -f "docs/img/$(basename "$model" .bpmn).png"
done
rm -f docs/img/diagrams.sha256
node scripts/diagrams/render.mjs "$browser" docs/img \
  processes/blocks/*.bpmn processes/directives/tiepTucThucHienChiThi24Nam2023.bpmn
