#!/usr/bin/env bash
# Copies the node image's etcd, kube-apiserver and kubectl to DIR/k8s/VERSION-linux-amd64/, where fabric8
# kube-api-test looks for them offline, and prints "IMAGE VERSION" (VERSION without the v). Usage: DIR
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=${1:?directory}
"$root/kindj" version >/dev/null
image=$(java -jar "$root/cli/target/kindj.jar" build node-image -q)
version=$(docker image inspect -f '{{index .Config.Labels "dev.kindj.kubernetes-version"}}' "$image")
version=${version#v}
container=$(docker create "$image")
trap 'docker rm -f "$container" >/dev/null' EXIT
bin="$dir/k8s/$version-linux-amd64"
mkdir -p "$bin"
docker cp -L "$container:/usr/local/bin/kube-apiserver" "$bin/kube-apiserver" >/dev/null
docker cp -L "$container:/usr/local/bin/kubectl" "$bin/kubectl" >/dev/null
docker cp -L "$container:/usr/bin/etcd" "$bin/etcd" >/dev/null
echo "$image $version"
