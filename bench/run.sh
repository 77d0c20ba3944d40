#!/usr/bin/env bash
# The batch benchmark, one command (README, "Benchmark"): builds the jar and the test class path, then
# measures plain Tika text extraction, `extract` and `extract --jobs 1` side by side on the same unique
# documents at 200 and 2,000 documents, and a 10,000-document run with four 400 MB files under -Xmx256m.
# Arguments go to org.nianbao.bench.Bench: [SIZE...] [--big N] (default: 200 2000 --big 10000).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests -pl cli -am dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
exec java -cp "cli/target/test-classes:cli/target/classes:$(cat cli/target/bench-cp.txt)" org.nianbao.bench.Bench "$@"
