#!/usr/bin/env bash
# The one test command: every test of the project (unit, process, integration on H2 and
# PostgreSQL, security matrix, bpmnlint, the label check of the diagrams in headless Chromium) on
# Camunda 7.24, then on Operaton the tests that depend on the engine (scripts/test-operaton.sh,
# docs/operaton.md). Extra Maven arguments go to both builds.
# Run from anywhere: ./scripts/test.sh
# DANVAN_ENGINES names the engines to test (default "camunda operaton"):
#   DANVAN_ENGINES=camunda ./scripts/test.sh   the Camunda build only
set -euo pipefail
cd "$(dirname "$0")/.."

engines=" ${DANVAN_ENGINES:-camunda operaton} "
engines="${engines//,/ }"
for engine in $engines; do
  case "$engine" in
    camunda | operaton) ;;
    *)
      echo "DANVAN_ENGINES: unknown engine \"$engine\" (camunda, operaton)" >&2
      exit 2
      ;;
  esac
done

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

if [[ "$engines" == *" camunda "* ]]; then
  ./mvnw -B verify "$@"
fi
if [[ "$engines" == *" operaton "* ]]; then
  ./scripts/test-operaton.sh "$@"
fi
