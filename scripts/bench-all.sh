#!/usr/bin/env bash
# W1–W5 one after another (never side by side: each needs the whole machine), then their table for
# this machine: prints it, writes target/bench/summary.md and puts it at the end of
# docs/benchmarks.md, in place of the table there (below the marker line).
# Usage: ./scripts/bench-all.sh   (10 minutes on a fast machine of this project's size, 2 cores;
#                                   about 25 on a slow one)
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f target/bench/throughput.json target/bench/fanout.json target/bench/lifetime.json \
  target/bench/tasklist.json target/bench/attachments.json target/bench/summary.md
scripts/bench-throughput.sh
scripts/bench-fanout.sh
scripts/bench-lifetime.sh
scripts/bench-tasklist.sh
scripts/bench-attachments.sh
# the benchmarks' server: DANVAN_TEST_PG_URL's, or the tests' own PostgreSQL (binaries BOM in pom.xml)
if [ -n "${DANVAN_TEST_PG_URL:-}" ]; then
  postgres=$(psql "${DANVAN_TEST_PG_URL#jdbc:}postgres" -Atc "show server_version" 2>/dev/null | awk "{print \$1}")
else
  postgres="$(sed -n 's:.*<version>\(1[0-9]\.[0-9.]*\)</version>.*:\1:p' pom.xml | head -n 1)"
fi
commit=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
./mvnw -B -q exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=vn.danvan.bench.BenchSummary -Dexec.args="${postgres:-?} $commit"
marker='<!-- scripts/bench-all.sh replaces everything below this line -->'
{ awk -v m="$marker" '{ print } $0 == m { exit }' docs/benchmarks.md; cat target/bench/summary.md; } > target/bench/benchmarks.md
grep -qxF "$marker" target/bench/benchmarks.md || { echo "docs/benchmarks.md has no marker line" >&2; exit 1; }
mv target/bench/benchmarks.md docs/benchmarks.md
echo "written docs/benchmarks.md"
