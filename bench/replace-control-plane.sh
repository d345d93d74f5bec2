#!/usr/bin/env bash
# Losing a control plane for good (issue 17, scenario 5), RUNS times (default 5) on one 3-control-plane cluster, and
# the medians:
#   first write: `docker rm -f` of a control plane (each in turn) until a ConfigMap write through the kubeconfig
#                (the load balancer) succeeds;
#   replace:     `kindj create node --role control-plane`, which removes the lost member (etcd, Node, load-balancer
#                backend) and joins a new one, until it returns with the new node Ready; etcd is then checked for 3
#                started, healthy members.
# Usage: bench/replace-control-plane.sh [RUNS] [NAME]   (NAME: the cluster to create, default bench-cploss)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
runs=${1:-5}
cluster=${2:-bench-cploss}
work=$(mktemp -d)
export KUBECONFIG=$work/kubeconfig
trap 'kindj delete cluster -q --name "$cluster" || true; rm -rf "$work"' EXIT

printf 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n- role: control-plane\n- role: control-plane\n' > "$work/ha.yaml"
kindj create cluster -q --name "$cluster" --config "$work/ha.yaml"
etcdctl() {
  docker exec "$1" etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt \
    --cert=/etc/kubernetes/pki/etcd/healthcheck-client.crt --key=/etc/kubernetes/pki/etcd/healthcheck-client.key "${@:2}"
}

writes=() replaces=()
control_planes=("$cluster-control-plane" "$cluster-control-plane2" "$cluster-control-plane3")
for i in $(seq 1 "$runs"); do
  victim=${control_planes[$(( (i - 1) % 3 ))]}
  other=${control_planes[$(( i % 3 ))]}
  start=$(date +%s%N)
  docker rm -f "$victim" >/dev/null
  until kubectl create configmap "written-$i" --from-literal=run="$i" --request-timeout=5s >/dev/null 2>&1; do sleep 0.1; done
  writes+=("$(seconds "$start")")
  start=$(date +%s%N)
  added=$(kindj create node -q --role control-plane --name "$cluster")
  replaces+=("$(seconds "$start")")
  [[ $added == "$victim" ]] || { echo "create node made $added, not $victim" >&2; exit 1; }
  healthy=$(etcdctl "$other" endpoint health --cluster 2>&1 | grep -c ' is healthy' || true)
  [[ $healthy == 3 ]] || { echo "etcd has $healthy healthy members after run $i" >&2; exit 1; }
  echo "run $i: $victim lost, first write after ${writes[-1]} s, replaced in ${replaces[-1]} s"
done
echo "first write after docker rm -f of a control plane: ${writes[*]} s (median $(m "${writes[@]}") s)"
echo "kindj create node --role control-plane (replace):  ${replaces[*]} s (median $(m "${replaces[@]}") s)"
