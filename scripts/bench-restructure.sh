#!/usr/bin/env bash
# Restructuring under load on PostgreSQL: a body with 2,000 open assignments is ended over REST
# while 8 clients complete other bodies' work; prints figures, writes target/bench/restructure.json.
# Usage: ./scripts/bench-restructure.sh [pieces=2000] [others=4000]
set -euo pipefail
cd "$(dirname "$0")/.."
# the engine: DANVAN_ENGINE=camunda (default) or operaton (its figures in target/operaton/bench/)
. scripts/bench-engine.sh
bench_build test-compile
exec "${mvn[@]}" exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=vn.danvan.bench.RestructureBenchmark -Dexec.args="${1:-2000} ${2:-4000}" ${BENCH_OPTS:-}
