#!/usr/bin/env bash
# Is the systemd cgroup driver behind frozen pod cgroups on cgroup v1 hosts (issue 17)? Runs CgroupDriverStressIT
# (30 pods at once on a one-node cluster, then the node restarted while they are all replaced) ROUNDS times
# (default 3) against the node image (cgroupfs driver) and a variant of it whose containerd and kubelet use the
# other driver (systemd), alternating, and prints each run's StartErrors and cgroups seen frozen.
# Usage: bench/cgroup-stress.sh [ROUNDS] [NODE_IMAGE]   (default: the newest kindj/node image)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-3}
image=${2:-$(docker images kindj/node --format '{{.Repository}}:{{.Tag}}' | head -1)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The variant differs only in containerd's SystemdCgroup and the file the bootstrap reads the kubelet's driver from.
if [[ $(docker run --rm --entrypoint cat "$image" /etc/kindj/cgroup-driver) == cgroupfs ]]; then
  other=systemd from=false to=true
else
  other=cgroupfs from=true to=false
fi
variant=kindj-bench/node-$other:${image##*:}
docker run --rm --entrypoint cat "$image" /etc/containerd/config.toml \
  | sed "s/SystemdCgroup = $from/SystemdCgroup = $to/" > "$work/config.toml"
echo "$other" > "$work/cgroup-driver"
printf 'FROM %s\nCOPY config.toml /etc/containerd/config.toml\nCOPY cgroup-driver /etc/kindj/cgroup-driver\n' "$image" \
  > "$work/Dockerfile"
docker build -q -t "$variant" "$work" >/dev/null

for round in $(seq 1 "$rounds"); do
  for node_image in "$image" "$variant"; do
    (cd "$root" && mvn -o -B verify -pl provisioner -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
      -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=CgroupDriverStressIT -Dkindj.cgroupStress=true \
      -Dkindj.image="$node_image") > "$work/run.log" 2>&1 || true
    echo "round $round, $node_image:"
    grep -o 'measured: .*' "$work/run.log" | sed 's/^/  /'
    grep -o 'containers that failed with StartError.*' "$work/run.log" | head -3 | sed 's/^/  /' || true
  done
done
