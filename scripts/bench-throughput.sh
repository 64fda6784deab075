#!/usr/bin/env bash
# W1 throughput on PostgreSQL: 8 REST clients completing assignment tasks, beside a trivial
# start→user task→end baseline on the same engine. Prints figures, writes target/bench/throughput.json.
# Usage: ./scripts/bench-throughput.sh [tasks per body=100] [clients=8] [rounds=4] [route=leader]
# route: where an assignment goes after the body's report: leader (the default: its leader
# approves), confirmation (no leader review: the monitoring body confirms) or end.
set -euo pipefail
cd "$(dirname "$0")/.."
# the engine: DANVAN_ENGINE=camunda (default) or operaton (its figures in target/operaton/bench/)
. scripts/bench-engine.sh
bench_build package
exec "${mvn[@]}" exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=vn.danvan.bench.ThroughputBenchmark -Dexec.args="${1:-100} ${2:-8} ${3:-4} ${4:-leader}" ${BENCH_OPTS:-}
