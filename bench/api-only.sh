#!/usr/bin/env bash
# kindj api-only clusters (etcd + kube-apiserver + kube-controller-manager in one container) against fabric8
# kube-api-test (etcd + kube-apiserver as host processes) started offline with the same binaries, alternating in one
# JVM, each from the call to a ready API. Prints both medians and the ratio (target <= 1.2).
# Usage: bench/api-only.sh [RUNS]   (STEPS=1 also prints kindj's step times; run it under flock /tmp/kindj-clusters.lock)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
"$root/kindj" version >/dev/null
mvn -q -o -B -f "$root/pom.xml" install -DskipTests -pl api -am
image=$(java -jar "$root/cli/target/kindj.jar" build node-image -q)
version=$(docker image inspect -f '{{index .Config.Labels "dev.kindj.kubernetes-version"}}' "$image")
version=${version#v}
dir=$(mktemp -d)
container=$(docker create "$image")
trap 'docker rm -f "$container" >/dev/null; rm -rf "$dir"' EXIT
bin="$dir/k8s/$version-linux-amd64"
mkdir -p "$bin"
docker cp -L "$container:/usr/local/bin/kube-apiserver" "$bin/kube-apiserver"
docker cp -L "$container:/usr/local/bin/kubectl" "$bin/kubectl"
docker cp -L "$container:/usr/bin/etcd" "$bin/etcd"
mvn -q -B -f "$root/bench/api-only/pom.xml" compile
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -q -B -f "$root/bench/api-only/pom.xml" exec:java \
  -Dsteps="${STEPS:+true}" -Dexec.args="$dir $version $image $runs"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
