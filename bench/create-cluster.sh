#!/usr/bin/env bash
# Measures `kindj create cluster` (wall time until nodes Ready and CoreDNS available), the node
# containers' memory right after (docker stats), and delete, for a 1-node and a 1+2 cluster,
# RUNS times each (default 3); prints each run and the medians.
# Usage: bench/create-cluster.sh [RUNS]
# Environment: KINDJ_JAR, another build of the CLI to measure (say, main's, for a before/after);
# NAME_PREFIX, the clusters' name prefix (default bench); SHAPES, which of the two to measure (default "1 1+2").
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-3}
kindj() { java -jar "${KINDJ_JAR:-$root/cli/target/kindj.jar}" "$@"; }
"$root/kindj" version >/dev/null   # builds the CLI when needed
image=$(kindj build node-image -q)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { awk -v s="$1" -v e="$(date +%s%N)" 'BEGIN {printf "%.1f", (e - s) / 1e9}'; }

for shape in ${SHAPES:-1 1+2}; do
  creates=() deletes=() memory=()
  for i in $(seq 1 "$runs"); do
    name="${NAME_PREFIX:-bench}-$i"
    start=$(date +%s%N)
    kindj create cluster -q --name "$name" --config "$root/bench/configs/$shape.yaml" --image "$image" --kubeconfig "$work/kubeconfig"
    creates+=("$(seconds "$start")")
    memory+=("$(docker stats --no-stream --format '{{.MemUsage}}' $(docker ps -q --filter "label=dev.kindj.cluster=$name") \
      | awk '{v=$1; u=v; gsub(/[0-9.]/, "", u); gsub(/[A-Za-z]/, "", v); m+= (u=="GiB" ? v*1024 : u=="KiB" ? v/1024 : v)} END {printf "%.0f", m}')")
    start=$(date +%s%N)
    kindj delete cluster -q --name "$name" --kubeconfig "$work/kubeconfig"
    deletes+=("$(seconds "$start")")
  done
  echo "$shape nodes: create ${creates[*]} s (median $(printf '%s\n' "${creates[@]}" | median) s);" \
       "delete ${deletes[*]} s (median $(printf '%s\n' "${deletes[@]}" | median) s);" \
       "memory of all nodes ${memory[*]} MiB (median $(printf '%s\n' "${memory[@]}" | median) MiB)"
done
