#!/usr/bin/env bash
# W4, Tasklist with a body of 10,000 open tasks on PostgreSQL: prints figures, writes
# target/bench/tasklist.json.
# Usage: ./scripts/bench-tasklist.sh [tasks=10000] [rounds=50]
set -euo pipefail
cd "$(dirname "$0")/.."
# the engine: DANVAN_ENGINE=camunda (default) or operaton (its figures in target/operaton/bench/)
. scripts/bench-engine.sh
bench_build test-compile
exec "${mvn[@]}" exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=vn.danvan.bench.TasklistBenchmark -Dexec.args="${1:-10000} ${2:-50}" ${BENCH_OPTS:-}
