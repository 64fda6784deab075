#!/usr/bin/env bash
# The one test command: every test of the project (unit, process, integration on H2 and
# PostgreSQL, security matrix, bpmnlint, the label check of the diagrams in headless Chromium).
# Run from anywhere: ./scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null || { echo "Missing $1: $2" >&2; exit 1; }; }
need java "install a JDK 17"
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "Missing npm (Node.js 18+): bpmnlint runs with it." >&2
    exit 1
  fi
fi
# the walkthrough test drives a real headless Chromium through Debian's chromium-driver; the
# label check (scripts/diagrams/check-labels.mjs) lays the models out in the same Chromium
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "Missing chromium and chromedriver (Debian: apt-get install chromium chromium-driver)." >&2
    exit 1
  fi
fi

exec ./mvnw -B verify "$@"
