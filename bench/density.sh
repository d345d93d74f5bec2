#!/usr/bin/env bash
# How many clusters fit in root's inotify budget (fs.inotify.max_user_instances, left as it is): creates
# CLUSTERS one-node clusters (default 10; PARALLEL of them created at a time, default 2: ten API servers booting
# at once on two cores miss their 20 s request timeouts), or with WORKERS=N one cluster of 1 control plane + N workers,
# checks that every node is Ready and CoreDNS answers through its Service IP, then prints root's inotify
# instances on the host and in each node (also per process), and the control-plane user's. Deletes everything it made, also on failure.
# Run it as root on the engine's host, under the cluster lock:
#   flock /tmp/kindj-clusters.lock bench/density.sh            # 10 one-node clusters
#   WORKERS=15 flock /tmp/kindj-clusters.lock bench/density.sh # 1 control plane + 15 workers
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
clusters=${CLUSTERS:-10}
parallel=${PARALLEL:-2}
workers=${WORKERS:-}
prefix=${PREFIX:-density}
work=$(mktemp -d)
names=()
if [[ -n $workers ]]; then
  names=("$prefix-big")
  { printf 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n'
    for _ in $(seq 1 "$workers"); do printf -- '- role: worker\n'; done; } > "$work/$prefix-big.yaml"
else
  for i in $(seq 1 "$clusters"); do
    names+=("$prefix-$i")
    printf 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n' > "$work/$prefix-$i.yaml"
  done
fi
cleanup() {
  for name in "${names[@]}"; do kindj delete cluster -q --name "$name" --kubeconfig "$work/kubeconfig" || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# inotify descriptors of the processes (in the current pid namespace) owned by a uid
instances_of() {
  local total=0 pid
  for pid in /proc/[0-9]*; do
    [[ $(stat -c %u "$pid" 2>/dev/null) == "$1" ]] || continue
    total=$((total + $(ls -l "$pid/fd" 2>/dev/null | grep -c 'anon_inode:inotify' || true)))
  done
  echo "$total"
}

echo "root's inotify instances on the host before: $(instances_of 0) of $(cat /proc/sys/fs/inotify/max_user_instances)"
start=$(date +%s%N)
failed=0
for name in "${names[@]}"; do
  while (( $(jobs -pr | wc -l) >= parallel )); do wait -n || failed=$((failed + 1)); done
  kindj create cluster -q --name "$name" --config "$work/$name.yaml" --kubeconfig "$work/kubeconfig" --wait 10m \
    > "$work/$name.log" 2>&1 &
done
while (( $(jobs -pr | wc -l) > 0 )); do wait -n || failed=$((failed + 1)); done
echo "${#names[@]} create(s) done in $(seconds "$start") s, $failed failed"
for name in "${names[@]}"; do
  [[ -s $work/$name.log ]] && { echo "== $name"; tail -20 "$work/$name.log"; }
done
echo "root's inotify instances on the host with the clusters: $(instances_of 0)"
for name in "${names[@]}"; do
  for node in $(docker ps --filter "label=dev.kindj.cluster=$name" --format '{{.Names}}' | sort); do
    [[ $node == *-external-load-balancer ]] && continue
    dns=$(docker exec "$node" perl -MIO::Socket::INET -e 'alarm 5; $s = IO::Socket::INET->new(PeerAddr => "10.96.0.10:53", Proto => "udp") or die; $s->send(pack("n6", 1, 256, 1, 0, 0, 0) . join("", map { chr(length) . $_ } split /\./, "kubernetes.default.svc.cluster.local") . pack("x n2", 1, 1)); $s->recv($r, 512); print join(".", unpack("C4", substr($r, -4)))' 2>&1 || true)
    # asked on the first control plane: only control planes hold the admin kubeconfig
    ready=$(docker exec "$name-control-plane" kubectl --kubeconfig /etc/kubernetes/admin.conf get node "$node" \
      -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null || echo "n/a")
    docker exec "$node" sh -c '
      for p in /proc/[0-9]*; do
        n=$(ls -l $p/fd 2>/dev/null | grep -c anon_inode:inotify); [ "$n" -gt 0 ] || continue
        echo "$(stat -c %u $p) $n $(cat $p/comm)"
      done | awk -v node="$1" -v dns="$2" -v ready="$3" "{s[\$1 == 0 ? \"root\" : (\$1 == 997 ? \"messagebus\" : \"control-plane user\")] += \$2}
        \$1 == 0 {r[\$3] += \$2}
        END {printf \"%s: Ready=%s CoreDNS answers=%s;\", node, ready, dns; for (u in s) printf \" %s %d\", u, s[u];
          printf \"; root per process:\"; for (c in r) printf \" %s %d\", c, r[c]; print \"\"}"' \
      _ "$node" "$dns" "$ready"
  done
done
[[ $failed == 0 ]]
