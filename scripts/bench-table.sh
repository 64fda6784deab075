#!/usr/bin/env bash
# The table of the benchmarks' figures found in the engine's folder (target/bench/, or
# target/operaton/bench/ with DANVAN_ENGINE=operaton; a benchmark without figures shows as not
# run): prints it, writes summary.md there and puts it in docs/benchmarks.md between the engine's
# two marker lines, in place of that engine's table (the other engine's table stays; the markers
# are added at the end of the file if missing). scripts/bench-all.sh ends with it.
# Usage: ./scripts/bench-table.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-engine.sh
# the benchmarks' server: DANVAN_TEST_PG_URL's, or the tests' own PostgreSQL (binaries BOM in pom.xml)
if [ -n "${DANVAN_TEST_PG_URL:-}" ]; then
  postgres=$(psql "${DANVAN_TEST_PG_URL#jdbc:}postgres" -Atc "show server_version" 2>/dev/null | awk "{print \$1}")
else
  postgres="$(sed -n 's:.*<version>\(1[0-9]\.[0-9.]*\)</version>.*:\1:p' pom.xml | head -n 1)"
fi
commit=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
"${mvn[@]}" exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=vn.danvan.bench.BenchSummary -Dexec.args="${postgres:-?} $commit"
begin="<!-- scripts/bench-all.sh: $engine, begin -->"
end="<!-- scripts/bench-all.sh: $engine, end -->"
doc=docs/benchmarks.md
if ! grep -qxF "$begin" "$doc"; then
  printf '\n%s\n%s\n' "$begin" "$end" >> "$doc"
fi
grep -qxF "$end" "$doc" || { echo "$doc: \"$begin\" without \"$end\"" >&2; exit 1; }
awk -v b="$begin" -v e="$end" -v table="$bench_folder/summary.md" '
  $0 == e { inside = 0 }
  !inside { print }
  $0 == b { inside = 1; print ""; while ((getline line < table) > 0) print line; print "" }
' "$doc" > "$bench_folder/benchmarks.md"
mv "$bench_folder/benchmarks.md" "$doc"
echo "written $doc ($engine's table)"
