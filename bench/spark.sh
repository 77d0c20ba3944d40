#!/usr/bin/env bash
# The Spark benchmark (README, "Spark"): the same N unique documents (default 2,000) through the command
# line with --jobs 2 and through spark/run-local in local[2], each a separate process timed from start to
# end; then spark/run-local on one document, the job's fixed cost (JVM, Spark start-up, planning, writing).
# Prints documents per second and Spark's overhead per document.
#   bench/spark.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-2000}"
mvn -B -q package -DskipTests
mvn -B -q -pl cli dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
work="$(mktemp -d /tmp/nianbao-spark-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
java -cp "cli/target/test-classes:cli/target/classes:$(cat cli/target/bench-cp.txt)" org.nianbao.bench.Bench \
  --copies "$n" "$work/docs"
mkdir -p "$work/one" && cp "$(find "$work/docs" -type f | sort | head -1)" "$work/one/"
# the first run of a jar writes the workers' class archive; the timed run uses it
java -jar target/nianbao.jar extract -q --out "$work/warmup" corpus/documents
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >"$work/log" 2>&1 || { cat "$work/log"; exit 1; }; t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l; }
cli=$(seconds java -jar target/nianbao.jar extract -q --jobs 2 --out "$work/cli" "$work/docs")
spark=$(seconds spark/run-local "$work/docs" --out "$work/spark")
one=$(seconds spark/run-local "$work/one" --out "$work/spark-one")
if ! diff -q <(tail -n +2 "$work/cli/cells.csv" | sort) <(tail -n +2 "$work/spark/cells.csv" | sort) >/dev/null; then
  echo "warning: cells.csv differs between the command line and the Spark job" >&2
fi
printf 'documents: %d, cores: %d, load before: %s\n' "$n" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| run | seconds | documents/s |\n|---|---|---|\n'
printf '| extract --jobs 2 | %.1f | %.1f |\n' "$cli" "$(echo "$n / $cli" | bc -l)"
printf '| spark/run-local, local[2] | %.1f | %.1f |\n' "$spark" "$(echo "$n / $spark" | bc -l)"
printf '| spark/run-local, 1 document (fixed cost) | %.1f | |\n' "$one"
printf 'Spark overhead per document: %.1f ms (whole runs: %.1f ms against %.1f ms)\n' \
  "$(echo "($spark - $cli) * 1000 / $n" | bc -l)" "$(echo "$spark * 1000 / $n" | bc -l)" "$(echo "$cli * 1000 / $n" | bc -l)"
printf 'Spark per document once started: %.1f ms (the run less the one-document run, over %d documents)\n' \
  "$(echo "($spark - $one) * 1000 / ($n - 1)" | bc -l)" "$((n - 1))"
