#!/usr/bin/env bash
# Times the peer that can run on these machines: fabric8 kube-api-test (etcd + kube-apiserver, no
# nodes) started offline with the same binaries as kindj's node image. Usage: bench/kube-api-test.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
read -r _ version < <("$root/bench/kube-api-test-binaries.sh" "$dir")
mvn -q -f "$root/bench/kube-api-test/pom.xml" compile exec:java -Dexec.args="$dir $version $runs"
