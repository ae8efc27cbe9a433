#!/usr/bin/env bash
# Runs every full benchmark one after the other, from a snapshot of the built classes (so that
# a rebuild meanwhile cannot disturb it), writing benchmarks/results/*.md. Build first:
#   cd /work/wt-benchmarks && mvn -B -pl benchmarks -am verify -DskipTests
#   benchmarks/bench-all.sh [decision windows views ingest polling memory eval]   (default: all)
# Takes about 30 minutes on 2 cores; the effectiveness evaluation alone about 4. "whatif" (not in the
# default set) runs perfopt with the judge tolerance at 2 % to see what limits it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
results="$here/results"
mkdir -p "$results"
snap="$(mktemp -d /tmp/perfopt-bench.XXXXXX)"
mkdir -p "$snap/target/lib"
cp -r "$here/target/classes" "$snap/target/classes"
cp -r "$here/target/plugins" "$snap/target/plugins"
cp "$here/optuna_tpe.py" "$snap/"
cp_entries=()
IFS=":" read -ra jars < "$here/target/classpath.txt" || true
for jar in "${jars[@]}"; do
  name="$(echo "$jar" | sed 's#^/##; s#/#_#g')"
  cp "$jar" "$snap/target/lib/$name"
  cp_entries+=("$snap/target/lib/$name")
done
cp="$snap/target/classes:$(IFS=:; echo "${cp_entries[*]}")"
run() {
  java ${JAVA_OPTS:--Xms4g -Xmx8g -XX:+UseParallelGC -XX:+AlwaysPreTouch} \
    -Dlogback.configurationFile="$here/src/main/resources/logback-benchmarks.xml" -cp "$cp" "$@"
}
what=("$@")
[[ ${#what[@]} -eq 0 ]] && what=(decision windows views ingest polling persist cluster memory eval)
for w in "${what[@]}"; do
  echo "== $w ($(date -u +%H:%M:%S), $(uptime | sed "s/.*load/load/"))"
  case "$w" in
    decision) run io.perfopt.benchmarks.decision.DecisionPhases --sizes 100,1000,10000 --warmup 6 --cycles 15 \
                > "$results/decision.md" ;;
    windows)  run org.openjdk.jmh.Main WindowBenchmark -f 1 -wi 3 -i 5 -rf json -rff "$results/windows.json" \
                > "$results/windows.txt" ;;
    views)    run org.openjdk.jmh.Main DetectionViewBenchmark -f 1 -wi 3 -i 8 -rf json -rff "$results/detection-view.json" \
                > "$results/detection-view.txt" ;;
    ingest)   run io.perfopt.benchmarks.ingest.IngestBenchmark --rounds 5 --seconds 10 > "$results/ingest.md" ;;
    polling)  run io.perfopt.benchmarks.polling.PollingBenchmark --sizes 100,1000,5000 --collections 10 \
                > "$results/polling.md" ;;
    cluster)  run io.perfopt.benchmarks.cluster.ClusterBenchmark --rounds 5 --seconds 5 --threads 8 --failovers 5 \
                --agents 30 > "$results/cluster.md" 2> "$results/cluster.log" ;;
    persist)  run io.perfopt.benchmarks.persist.PersistenceBenchmark --agents 100 --cycles 100 --rounds 5 \
                --databases h2,postgres > "$results/persist.md" 2> "$results/persist.log" ;;
    memory)   JAVA_OPTS="-Xms12g -Xmx12g -XX:+UseParallelGC" run io.perfopt.benchmarks.memory.MemoryPerAgent \
                --agents 10000 > "$results/memory.md" ;;
    eval)     run io.perfopt.benchmarks.eval.EvalMain --seeds 20 --budget 16 --methods perfopt,random,optuna \
                --csv "$results/eval-seeds.csv" > "$results/eval.md" 2> "$results/eval.log" ;;
    whatif)   run io.perfopt.benchmarks.eval.EvalMain --seeds 20 --budget 16 --methods perfopt-tol2 \
                --csv "$results/whatif-seeds.csv" > "$results/whatif.md" 2> "$results/whatif.log" ;;
    *) echo "unknown benchmark $w" >&2; exit 2 ;;
  esac
done
rm -rf "$snap"
echo "== done ($(date -u +%H:%M:%S)); results in $results"
