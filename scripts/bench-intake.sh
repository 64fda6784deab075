#!/usr/bin/env bash
# Reading directives' texts against the hand-labelled gold (src/test/resources/intake): prints the
# figures per text, for the seed texts and the own texts apart; writes target/bench/intake.json.
# Usage: ./scripts/bench-intake.sh [-v: every miss, text by text]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests -Dbpmnlint.skip=true test-compile
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
exec ./mvnw -B -q exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=vn.danvan.bench.IntakeBenchmark -Dexec.args="$commit ${1:-}" ${BENCH_OPTS:-}
