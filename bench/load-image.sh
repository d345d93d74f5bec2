#!/usr/bin/env bash
# Measures `kindj load docker-image` of a ~50 MB image into the 3 nodes of a 1+2 cluster against
# `docker save` of the same image alone, RUNS times each (default 3), and prints the medians: a
# cold load (the nodes lack the image), a load the nodes skip (same image ID), and the JVM's start
# (`kindj version`), which is part of every CLI time.
# Usage: bench/load-image.sh [RUNS] [CLUSTER]   (CLUSTER: an existing 3-node cluster to use, else one is made)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-3}
cluster=${2:-}
jar=${KINDJ_JAR:-$root/cli/target/kindj.jar}   # KINDJ_JAR: a CLI jar to use instead of this checkout's
[[ -n ${KINDJ_JAR:-} ]] || "$root/kindj" version >/dev/null   # builds the CLI when needed
kindj() { java -jar "$jar" "$@"; }
work=$(mktemp -d)
image=kindj-bench/load:50mb
cleanup() {
  [[ -n ${created:-} ]] && kindj delete cluster -q --name "$cluster" --kubeconfig "$work/kubeconfig" || true
  docker rmi -f "$image" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

head -c 50000000 /dev/urandom > "$work/blob"
printf 'FROM scratch\nCOPY blob /blob\n' > "$work/Dockerfile"
docker build -q -t "$image" "$work" >/dev/null
id=$(docker image inspect -f '{{.Id}}' "$image")
if [[ -z $cluster ]]; then
  cluster=bench-load created=1
  printf 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n- role: worker\n- role: worker\n' > "$work/1+2.yaml"
  kindj create cluster -q --name "$cluster" --config "$work/1+2.yaml" --kubeconfig "$work/kubeconfig"
fi
nodes=$(docker ps --filter "label=dev.kindj.cluster=$cluster" --format '{{.Names}}')

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { awk -v s="$1" -v e="$(date +%s%N)" 'BEGIN {printf "%.2f", (e - s) / 1e9}'; }
forget() { # removes the image and its content from every node, so the next load is cold
  for n in $nodes; do
    docker exec "$n" ctr -n k8s.io images rm --sync "docker.io/$image" "$id" >/dev/null 2>&1 || true
  done
}

saves=() cold=() skip=() jvm=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N); docker save "$image" > /dev/null; saves+=("$(seconds "$start")")
  forget; sync
  start=$(date +%s%N); kindj load docker-image -q --name "$cluster" "$image"; cold+=("$(seconds "$start")")
  start=$(date +%s%N); kindj load docker-image -q --name "$cluster" "$image"; skip+=("$(seconds "$start")")
  start=$(date +%s%N); kindj version > /dev/null; jvm+=("$(seconds "$start")")
done
forget
m() { printf '%s\n' "$@" | median; }
echo "docker save alone:        ${saves[*]} s (median $(m "${saves[@]}") s)"
echo "load into 3 nodes (cold): ${cold[*]} s (median $(m "${cold[@]}") s)"
echo "load again (skipped):     ${skip[*]} s (median $(m "${skip[@]}") s)"
echo "JVM start (kindj version): ${jvm[*]} s (median $(m "${jvm[@]}") s)"
awk -v c="$(m "${cold[@]}")" -v j="$(m "${jvm[@]}")" -v s="$(m "${saves[@]}")" \
  'BEGIN {printf "cold load / docker save: %.1fx with the JVM start, %.1fx without\n", c / s, (c - j) / s}'
