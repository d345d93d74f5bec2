#!/usr/bin/env bash
# Measures what one node takes from the host: inotify instances per process (with the process's
# user: only root's count against the nodes' shared budget), root's instances on the host before and
# after, and each node's writable layer and /var volume right after creation. Also times the
# preflight as `kindj doctor` runs it (RUNS times, default 5). Run it as root on the engine's host.
# Usage: bench/inotify-per-node.sh [CONTROL_PLANES] [WORKERS] [NAME]   (default 1 1 bench-inotify)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
control_planes=${1:-1}
workers=${2:-1}
cluster=${3:-bench-inotify}
runs=${RUNS:-5}
settle=${SETTLE:-30}   # seconds after Ready before counting: controllers open watches as they start
jar=${KINDJ_JAR:-$root/cli/target/kindj.jar}
[[ -n ${KINDJ_JAR:-} ]] || "$root/kindj" version >/dev/null   # builds the CLI when needed
kindj() { java -jar "$jar" "$@"; }
work=$(mktemp -d)
trap 'kindj delete cluster -q --name "$cluster" --kubeconfig "$work/kubeconfig" || true; rm -rf "$work"' EXIT

# inotify descriptors of every process (in the current pid namespace) owned by uid 0
root_instances() {
  local total=0 pid
  for pid in /proc/[0-9]*; do
    [[ $(stat -c %u "$pid" 2>/dev/null) == 0 ]] || continue
    total=$((total + $(ls -l "$pid/fd" 2>/dev/null | grep -c 'anon_inode:inotify' || true)))
  done
  echo "$total"
}

echo "preflight (kindj doctor -v 2, $runs runs):"
for i in $(seq 1 "$runs"); do
  kindj doctor -v 2 2>&1 >/dev/null | grep -o 'preflight to .* took .*' || true
done

echo "root's inotify instances on the host before: $(root_instances)"
{
  printf 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n'
  for _ in $(seq 1 "$control_planes"); do printf -- '- role: control-plane\n'; done
  for _ in $(seq 1 "$workers"); do printf -- '- role: worker\n'; done
} > "$work/cluster.yaml"
kindj create cluster -q --name "$cluster" --config "$work/cluster.yaml" --kubeconfig "$work/kubeconfig"
sleep "$settle"
echo "root's inotify instances on the host after:  $(root_instances)"

for node in $(docker ps --filter "label=dev.kindj.cluster=$cluster" --format '{{.Names}}' | sort); do
  echo "== $node ($(docker ps -s --filter "name=^/$node\$" --format 'writable layer {{.Size}}'))"
  for volume in $(docker inspect "$node" --format '{{range .Mounts}}{{if eq .Type "volume"}}{{.Name}} {{end}}{{end}}'); do
    echo "   volume $(docker inspect "$volume" --format '{{.Mountpoint}}' | xargs du -sh | cut -f1)"
  done
  docker exec "$node" sh -c '
    for p in /proc/[0-9]*; do
      n=$(ls -l $p/fd 2>/dev/null | grep -c anon_inode:inotify)
      [ "$n" -gt 0 ] && echo "   $n $(cat $p/comm) uid=$(awk "/^Uid:/ {print \$3}" $p/status)"
    done | sort -rn
    echo "   root total: $(for p in /proc/[0-9]*; do [ "$(stat -c %u $p)" = 0 ] && ls -l $p/fd 2>/dev/null | grep -c anon_inode:inotify; done | awk "{s+=\$1} END {print s+0}")"'
done
