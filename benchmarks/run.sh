#!/usr/bin/env bash
# Runs one benchmark main with the module's class path, after a build:
#   cd /work/wt-benchmarks && mvn -B -pl benchmarks -am verify -DskipTests
#   benchmarks/run.sh decision.DecisionPhases --sizes 100,1000,10000
#   benchmarks/run.sh jmh 'WindowBenchmark'            # JMH (org.openjdk.jmh.Main) with its own options
# JAVA_OPTS adds JVM options (default -Xms4g -Xmx8g -XX:+UseParallelGC -XX:+AlwaysPreTouch).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cp_file="$here/target/classpath.txt"
if [[ ! -f "$cp_file" ]]; then
  echo "no $cp_file: build first with mvn -B -pl benchmarks -am verify -DskipTests" >&2
  exit 2
fi
cp="$here/target/classes:$(cat "$cp_file")"
main="${1:?usage: run.sh MAIN|jmh [args...]}"
shift
if [[ "$main" == "jmh" ]]; then
  main="org.openjdk.jmh.Main"
else
  main="io.perfopt.benchmarks.$main"
fi
exec java ${JAVA_OPTS:--Xms4g -Xmx8g -XX:+UseParallelGC -XX:+AlwaysPreTouch} \
  -Dlogback.configurationFile="$here/src/main/resources/logback-benchmarks.xml" -cp "$cp" "$main" "$@"
