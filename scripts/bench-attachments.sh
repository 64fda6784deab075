#!/usr/bin/env bash
# Attachments at national scale on PostgreSQL: the packaged application in its own JVM with
# -Xmx512m; every body of a fan-out uploads one PDF to its task as its staff, through the product's
# store and through the engine's attachment API. Prints figures, writes
# target/bench/attachments.json.
# Usage: ./scripts/bench-attachments.sh [bodies=500] [sizeKB=1024] [clients=8]
#        (the application's heap limit: BENCH_OPTS=-Dbench.heap=512m)
set -euo pipefail
cd "$(dirname "$0")/.."
# the engine: DANVAN_ENGINE=camunda (default) or operaton (its figures in target/operaton/bench/)
. scripts/bench-engine.sh
bench_build package
exec "${mvn[@]}" exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=vn.danvan.bench.AttachmentBenchmark \
  -Dexec.args="${1:-500} ${2:-1024} ${3:-8}" ${BENCH_OPTS:-}
