#!/usr/bin/env bash
# W1–W5 one after another (never side by side: each needs the whole machine), then their table for
# this machine and engine in docs/benchmarks.md (scripts/bench-table.sh).
# Usage: ./scripts/bench-all.sh   (10 minutes on a fast machine of this project's size, 2 cores;
#                                   about 25 on a slow one)
#        DANVAN_ENGINE=operaton ./scripts/bench-all.sh   the Operaton build (target/operaton/bench/)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-engine.sh
rm -f "$bench_folder"/{throughput,fanout,lifetime,tasklist,attachments}.json \
  "$bench_folder"/summary.md
# one build for the five (W1 and W5 run the packaged jar)
bench_build package
export DANVAN_BENCH_BUILT=1
# the machine's load before and after each (a shared machine measures the others' work too)
for workload in throughput fanout lifetime tasklist attachments; do
  uptime
  scripts/bench-$workload.sh
done
uptime
scripts/bench-table.sh
