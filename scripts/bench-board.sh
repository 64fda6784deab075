#!/usr/bin/env bash
# Coordinators' board benchmark on PostgreSQL: prints figures, writes target/bench/board.json.
# Usage: ./scripts/bench-board.sh [bodies=200] [directives=5] [rounds=5]
set -euo pipefail
cd "$(dirname "$0")/.."
# the engine: DANVAN_ENGINE=camunda (default) or operaton (its figures in target/operaton/bench/)
. scripts/bench-engine.sh
bench_build test-compile
exec "${mvn[@]}" exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=vn.danvan.bench.BoardBenchmark -Dexec.args="${1:-200} ${2:-5} ${3:-5}" ${BENCH_OPTS:-}
