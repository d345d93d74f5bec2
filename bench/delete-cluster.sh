#!/usr/bin/env bash
# Measures `kindj delete cluster` of a 1+2 cluster against removing the same kind of cluster with the docker CLI
# (`docker rm -f -v` of the three nodes at once, then `docker network rm`: what the engine itself needs), alternating,
# RUNS rounds of each (default 5), and prints the medians. Every round creates its cluster first (not timed).
# With BEFORE_JAR=path (plain `java -jar`) or BEFORE_LAUNCHER=path (another checkout's ./kindj), a third delete per
# round with that build, e.g. main's; with KINDJ_JAR=path too, both builds run the same way (plain `java -jar`).
# Usage: bench/delete-cluster.sh [RUNS]   (the cluster is named BENCH_NAME or bench-delete)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
runs=${1:-5}
work=$(mktemp -d)
cluster=${BENCH_NAME:-bench-delete}
trap 'kindj delete cluster -q --name "$cluster" --kubeconfig "$work/kubeconfig" || true; rm -rf "$work"' EXIT

create() { kindj create cluster -q --name "$cluster" --config "$root/bench/configs/1+2.yaml" --kubeconfig "$work/kubeconfig"; }
docker_delete() {
  for n in $(docker ps -aq --filter "label=dev.kindj.cluster=$cluster"); do docker rm -f -v "$n" >/dev/null & done
  wait
  docker network rm "kindj-$cluster" >/dev/null
}

kindjs=() dockers=() befores=()
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$runs"); do
  create; start=$(date +%s%N); kindj delete cluster -q --name "$cluster" --kubeconfig "$work/kubeconfig"
  kindjs+=("$(seconds "$start")")
  create; start=$(date +%s%N); docker_delete; dockers+=("$(seconds "$start")")
  if has_before; then
    create; start=$(date +%s%N); before delete cluster -q --name "$cluster" --kubeconfig "$work/kubeconfig"
    befores+=("$(seconds "$start")")
  fi
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "kindj delete cluster:     ${kindjs[*]} s (median $(m "${kindjs[@]}") s)"
echo "docker rm -f -v + network rm: ${dockers[*]} s (median $(m "${dockers[@]}") s)"
! has_before || echo "before: delete cluster:   ${befores[*]} s (median $(m "${befores[@]}") s)"
