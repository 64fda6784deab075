#!/usr/bin/env bash
# W3, a directive's lifetime on PostgreSQL: prints figures, writes target/bench/lifetime.json.
# Usage: ./scripts/bench-lifetime.sh [bodies=200] [seed=2016] [warm-up bodies=as many, 0: none]
set -euo pipefail
cd "$(dirname "$0")/.."
# the engine: DANVAN_ENGINE=camunda (default) or operaton (its figures in target/operaton/bench/)
. scripts/bench-engine.sh
bench_build test-compile
exec "${mvn[@]}" exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=vn.danvan.bench.LifetimeBenchmark -Dexec.args="${1:-200} ${2:-2016} ${3:-${1:-200}}" ${BENCH_OPTS:-}
