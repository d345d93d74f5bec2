#!/usr/bin/env bash
# JUnit extension: three test classes sharing one @KubeCluster against one class alone (target: at most
# 0.5 s more per extra class), and attaching to a kept (reuse = true) cluster from the next run. Each case
# is a JVM of its own, as a test run is; together they open three single-node clusters one after another
# (ju-bench-*) and delete them. Prints Markdown; times in ms.
# Usage: bench/junit-shared.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
mvn -q -B install -DskipTests -pl junit-extension -am
# A private copy of the dependencies: a concurrent `mvn install` elsewhere cannot swap a jar mid-run.
lib=junit-extension/target/bench-lib
rm -rf "$lib"
mvn -q -B dependency:copy-dependencies -pl junit-extension -DincludeScope=test -DoutputDirectory="$root/$lib"
run() {
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "junit-extension/target/test-classes:junit-extension/target/classes:$lib/*" \
    dev.kindj.junit.extension.SharedClusterBenchmark "$1"
}
trap 'run delete-kept' EXIT

alone=$(run alone)
shared=$(run shared)
create=$(run kept)
attach=$(run kept)
echo "| case | wall | cluster startup | cleanup (deletion) | the rest: JVM warm-up, classes, tests | each sharing class, start to finish |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "$alone" "$shared" "$create" "$attach"
rest() { awk -F'|' '{gsub(/ /, "", $6); print $6}' <<< "$1"; }
echo
echo "per extra class sharing the cluster: $(( ($(rest "$shared") - $(rest "$alone")) / 2 )) ms" \
  "(the rest of the 3-class run minus that of the 1-class run, halved)"
