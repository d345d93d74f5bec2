#!/usr/bin/env bash
# What LoadBalancer Services (MetalLB) cost a 1-node cluster: `kindj create cluster` wall time
# with them (the default) and with --disable-load-balancer-services, alternating, RUNS times
# each (default 5); the node container's memory 20 s after creation (docker stats); with them,
# MetalLB's own resident memory (controller + speaker) and the time from creating a Service of
# type LoadBalancer to its address. Prints each run and the medians.
# Usage: bench/load-balancer-services.sh [RUNS]   (run it under flock /tmp/kindj-clusters.lock)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
kindj() { java -jar "$root/cli/target/kindj.jar" "$@"; }
"$root/kindj" version >/dev/null   # builds the CLI when needed
image=$(kindj build node-image -q)
work=$(mktemp -d)
name=bench-lb
trap 'kindj delete cluster -q --name "$name" --kubeconfig "$work/kubeconfig" 2>/dev/null || true; rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { awk -v s="$1" -v e="$(date +%s%N)" 'BEGIN {printf "%.1f", (e - s) / 1e9}'; }
node_mib() { docker stats --no-stream --format '{{.MemUsage}}' "$name-control-plane" \
  | awk '{v=$1; u=v; gsub(/[0-9.]/, "", u); gsub(/[A-Za-z]/, "", v); printf "%.0f", (u=="GiB" ? v*1024 : u=="KiB" ? v/1024 : v)}'; }
in_node() { docker exec "$name-control-plane" "$@"; }
kubectl() { in_node kubectl --kubeconfig /etc/kubernetes/admin.conf "$@"; }

with_create=() with_memory=() without_create=() without_memory=() metallb_rss=() address=()
for i in $(seq 1 "$runs"); do
  for mode in with without; do
    flags=(); [[ $mode == without ]] && flags=(--disable-load-balancer-services)
    start=$(date +%s%N)
    kindj create cluster -q --name "$name" --image "$image" --kubeconfig "$work/kubeconfig" "${flags[@]}"
    created=$(seconds "$start")
    sleep 20
    memory=$(node_mib)
    if [[ $mode == with ]]; then
      with_create+=("$created") with_memory+=("$memory")
      metallb_rss+=("$(in_node sh -c 'for p in $(pgrep -x metallb); do cat /proc/$p/status; done' \
        | awk '/VmRSS/ {kb += $2} END {printf "%.0f", kb / 1024}')")
      start=$(date +%s%N)
      kubectl create service loadbalancer bench --tcp=80:8080 >/dev/null
      until [[ $(kubectl get service bench -o jsonpath='{.status.loadBalancer.ingress[0].ip}') ]]; do sleep 0.1; done
      address+=("$(seconds "$start")")
    else
      without_create+=("$created") without_memory+=("$memory")
    fi
    kindj delete cluster -q --name "$name" --kubeconfig "$work/kubeconfig"
  done
done
echo "with LoadBalancer Services: create ${with_create[*]} s (median $(printf '%s\n' "${with_create[@]}" | median) s);" \
     "node memory ${with_memory[*]} MiB (median $(printf '%s\n' "${with_memory[@]}" | median) MiB);" \
     "MetalLB RSS ${metallb_rss[*]} MiB (median $(printf '%s\n' "${metallb_rss[@]}" | median) MiB);" \
     "Service to address ${address[*]} s (median $(printf '%s\n' "${address[@]}" | median) s)"
echo "without (--disable-load-balancer-services): create ${without_create[*]} s" \
     "(median $(printf '%s\n' "${without_create[@]}" | median) s);" \
     "node memory ${without_memory[*]} MiB (median $(printf '%s\n' "${without_memory[@]}" | median) MiB)"
