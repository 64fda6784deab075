#!/usr/bin/env bash
# National fan-out benchmark on PostgreSQL: prints figures, writes target/bench/fanout.json.
# Usage: ./scripts/bench-fanout.sh [bodies=3400] [clients=8] [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
# the engine: DANVAN_ENGINE=camunda (default) or operaton (its figures in target/operaton/bench/)
. scripts/bench-engine.sh
bench_build test-compile
exec "${mvn[@]}" exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=vn.danvan.bench.FanoutBenchmark -Dexec.args="${1:-3400} ${2:-8} ${3:-3}" ${BENCH_OPTS:-}
