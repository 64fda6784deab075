#!/usr/bin/env bash
# W1–W4 one after another (never side by side: each needs the whole machine), then the README's
# table for this machine: prints it and writes target/bench/summary.md.
# Usage: ./scripts/bench-all.sh   (8 minutes on a fast machine of this project's size, 2 cores;
#                                   about 20 on a slow one)
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f target/bench/throughput.json target/bench/fanout.json target/bench/lifetime.json \
  target/bench/tasklist.json target/bench/summary.md
scripts/bench-throughput.sh
scripts/bench-fanout.sh
scripts/bench-lifetime.sh
scripts/bench-tasklist.sh
postgres=$(psql -h 127.0.0.1 -U postgres -Atc 'show server_version' 2>/dev/null | awk '{print $1}')
commit=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
exec mvn -B -q exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=vn.danvan.bench.BenchSummary -Dexec.args="${postgres:-?} $commit"
