#!/usr/bin/env bash
# kindj api-only clusters (etcd + kube-apiserver + kube-controller-manager in one container) against fabric8
# kube-api-test (etcd + kube-apiserver as host processes) started offline with the same binaries, alternating in one
# JVM, each from the call to a ready API. Prints both medians and the ratio (target <= 1.2).
# Usage: bench/api-only.sh [RUNS]   (STEPS=1 also prints kindj's step times; run it under flock /tmp/kindj-clusters.lock)
# FLAVOR=one-node measures a full one-node cluster instead (bench/one-node.sh).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
read -r image version < <("$root/bench/kube-api-test-binaries.sh" "$dir")
[[ -n ${KINDJ_INSTALLED:-} ]] || mvn -q -o -B -f "$root/pom.xml" install -DskipTests -pl api -am
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -q -B -f "$root/bench/kube-api-test/pom.xml" compile exec:java -Dbench.main=bench.AgainstKubeApiTest \
  -Dflavor="${FLAVOR:-api-only}" -Dsteps="${STEPS:+true}" -Dexec.args="$dir $version $image $runs"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
