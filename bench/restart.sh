#!/usr/bin/env bash
# Measures a 1+2 cluster coming back, RUNS times each (default 3), and prints the medians:
#   restart:    `docker restart` of every node at once (no kindj involved) until every node reports
#               Ready again and CoreDNS runs (observed with `kindj start cluster`, which starts nothing
#               here and waits for reports made since the nodes started);
#   stop/start: `kindj stop cluster`, then `kindj start cluster` until Ready and DNS.
# Usage: bench/restart.sh [RUNS] [NAME]   (NAME: the cluster to create, default bench-restart)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-3}
jar=${KINDJ_JAR:-$root/cli/target/kindj.jar}   # KINDJ_JAR: a CLI jar to use instead of this checkout's
[[ -n ${KINDJ_JAR:-} ]] || "$root/kindj" version >/dev/null   # builds the CLI when needed
kindj() { java -jar "$jar" "$@"; }
work=$(mktemp -d)
cluster=${2:-bench-restart}
trap 'kindj delete cluster -q --name "$cluster" --kubeconfig "$work/kubeconfig" || true; rm -rf "$work"' EXIT

kindj create cluster -q --name "$cluster" --config "$root/bench/configs/1+2.yaml" --kubeconfig "$work/kubeconfig"
nodes=$(docker ps --filter "label=dev.kindj.cluster=$cluster" --format '{{.Names}}')

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { awk -v s="$1" -v e="$(date +%s%N)" 'BEGIN {printf "%.1f", (e - s) / 1e9}'; }
m() { printf '%s\n' "$@" | median; }

restarts=() readies=() stops=() starts=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  for n in $nodes; do docker restart "$n" >/dev/null & done; wait
  restarts+=("$(seconds "$start")")
  kindj start cluster -q --name "$cluster" --wait 3m
  readies+=("$(seconds "$start")")

  start=$(date +%s%N); kindj stop cluster -q --name "$cluster"; stops+=("$(seconds "$start")")
  start=$(date +%s%N); kindj start cluster -q --name "$cluster" --wait 3m; starts+=("$(seconds "$start")")
done
echo "docker restart of all nodes:              ${restarts[*]} s (median $(m "${restarts[@]}") s)"
echo "restart until all Ready and DNS runs:     ${readies[*]} s (median $(m "${readies[@]}") s)"
echo "kindj stop cluster:                       ${stops[*]} s (median $(m "${stops[@]}") s)"
echo "kindj start cluster (until Ready and DNS): ${starts[*]} s (median $(m "${starts[@]}") s)"
