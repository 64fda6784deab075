# Sourced by the benchmark scripts: the engine build they measure, chosen by DANVAN_ENGINE
# (camunda, the default, or operaton: docs/operaton.md). Sets
#   mvn           the Maven command of that build: its profile, and its output folder as
#                 danvan.build.directory, where the benchmarks find the packaged jar and write their
#                 figures (target/bench/, or target/operaton/bench/ for Operaton);
#   bench_folder  that figures' folder;
#   bench_build   bench_build GOAL builds what a benchmark runs (test-compile, or package where it
#                 runs the packaged jar), unless DANVAN_BENCH_BUILT is set (bench-all.sh packages
#                 once for all).
# Extra Maven arguments through MAVEN_ARGS (e.g. MAVEN_ARGS=-o: offline).
engine=${DANVAN_ENGINE:-camunda}
case "$engine" in
  camunda) build=target; profile=() ;;
  operaton) build=target/operaton; profile=(-Poperaton) ;;
  *)
    echo "DANVAN_ENGINE: unknown engine \"$engine\" (camunda, operaton)" >&2
    exit 2
    ;;
esac
bench_folder=$build/bench
mvn=(./mvnw -B -q "${profile[@]}" -Ddanvan.build.directory="$build")
bench_build() {
  [ -n "${DANVAN_BENCH_BUILT:-}" ] || "${mvn[@]}" -DskipTests -Dbpmnlint.skip=true "$1"
}
