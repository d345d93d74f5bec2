#!/usr/bin/env bash
# Measures `kindj create cluster` of an HA cluster, 3 control planes + 2 workers (examples/ha.yaml),
# until every node is Ready and CoreDNS is available, then `kindj delete cluster`, RUNS times (default
# 3); prints each run and the medians. Such a cluster takes about 95 of the host's 128 inotify
# instances: other clusters running at the same time skew the numbers or make kubelets fail, so the
# count of other kindj containers seen at each start is printed too.
# Usage: bench/create-ha.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-3}
jar=${KINDJ_JAR:-$root/cli/target/kindj.jar}   # KINDJ_JAR: a CLI jar to use instead of this checkout's
[[ -n ${KINDJ_JAR:-} ]] || "$root/kindj" version >/dev/null   # builds the CLI when needed
kindj() { java -jar "$jar" "$@"; }
image=$(kindj build node-image -q)   # builds the load balancer image too
work=$(mktemp -d)
name=bench-ha
trap 'kindj delete cluster -q --name "$name" --kubeconfig "$work/kubeconfig" || true; rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { awk -v s="$1" -v e="$(date +%s%N)" 'BEGIN {printf "%.1f", (e - s) / 1e9}'; }

creates=() deletes=() others=()
for i in $(seq 1 "$runs"); do
  others+=("$(docker ps -q --filter label=dev.kindj.cluster | wc -l)")
  start=$(date +%s%N)
  kindj create cluster -q --name "$name" --config "$root/examples/ha.yaml" --image "$image" --kubeconfig "$work/kubeconfig"
  creates+=("$(seconds "$start")")
  start=$(date +%s%N)
  kindj delete cluster -q --name "$name" --kubeconfig "$work/kubeconfig"
  deletes+=("$(seconds "$start")")
done
echo "HA 3+2: create ${creates[*]} s (median $(printf '%s\n' "${creates[@]}" | median) s);" \
     "delete ${deletes[*]} s (median $(printf '%s\n' "${deletes[@]}" | median) s);" \
     "other kindj containers running at each start: ${others[*]}"
