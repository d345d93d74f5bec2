#!/usr/bin/env bash
# Times the peer that can run on these machines: fabric8 kube-api-test (etcd + kube-apiserver, no
# nodes) started offline with the same binaries as kindj's node image. Usage: bench/kube-api-test.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
"$root/kindj" version >/dev/null
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
mvn -q -f "$root/bench/kube-api-test/pom.xml" compile exec:java -Dexec.args="$dir $version $runs"
