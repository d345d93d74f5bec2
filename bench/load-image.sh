#!/usr/bin/env bash
# Measures `kindj load docker-image` of a ~50 MB image into the 3 nodes of a 1+2 cluster against `docker save` of the
# same image alone, alternating in every round, RUNS rounds (default 5), and prints the medians:
#   cold:    the nodes lack the image. Every load gets a new image under the same name, so from the second on the
#            nodes have that name on an older image (the tag moved, as when an app is rebuilt);
#   skipped: the same load again, every node has the image;
#   kind's way: what `kind load docker-image` does, through the docker CLI: `docker save` to a file, then the file
#            into `ctr images import` in every node at once (it unpacks too; kindj leaves that to the first pod);
#   with BEFORE_LAUNCHER=path (another checkout's ./kindj) or BEFORE_JAR=path (plain `java -jar`) also that build's
#   cold and skipped loads, e.g. of an older commit.
# Usage: bench/load-image.sh [RUNS] [CLUSTER]   (CLUSTER: an existing 3-node cluster to use, else one is made,
#        named BENCH_NAME or bench-load)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
runs=${1:-5}
cluster=${2:-}
work=$(mktemp -d)
image=kindj-bench/load:50mb
ids=()
cleanup() {
  for n in ${nodes:-}; do   # the images and their content, off every node
    docker exec "$n" ctr -n k8s.io images rm --sync "docker.io/$image" "${ids[@]}" >/dev/null 2>&1 || true
  done
  [[ -n ${created:-} ]] && kindj delete cluster -q --name "$cluster" --kubeconfig "$work/kubeconfig" || true
  docker rmi -f "${ids[@]}" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

new_image() { # another 50 MB image under the same name
  head -c 50000000 /dev/urandom > "$work/blob"
  docker build -q -t "$image" "$work" >/dev/null
  ids+=("$(docker image inspect -f '{{.Id}}' "$image")")
}
printf 'FROM scratch\nCOPY blob /blob\n' > "$work/Dockerfile"
if [[ -z $cluster ]]; then
  cluster=${BENCH_NAME:-bench-load} created=1
  kindj create cluster -q --name "$cluster" --config "$root/bench/configs/1+2.yaml" --kubeconfig "$work/kubeconfig"
fi
nodes=$(docker ps --filter "label=dev.kindj.cluster=$cluster" --format '{{.Names}}')

saves=() cold=() skip=() kind_way=() old_cold=() old_skip=()
for i in $(seq 1 "$runs"); do
  new_image; sync
  start=$(date +%s%N); docker save "$image" > /dev/null; saves+=("$(seconds "$start")")
  start=$(date +%s%N); kindj load docker-image -q --name "$cluster" "$image"; cold+=("$(seconds "$start")")
  start=$(date +%s%N); kindj load docker-image -q --name "$cluster" "$image"; skip+=("$(seconds "$start")")
  new_image; sync
  start=$(date +%s%N); docker save "$image" > "$work/image.tar"
  for n in $nodes; do docker exec -i "$n" ctr -n k8s.io images import --all-platforms --digests - < "$work/image.tar" > /dev/null & done
  wait; kind_way+=("$(seconds "$start")"); rm "$work/image.tar"
  if has_before; then
    new_image; sync
    start=$(date +%s%N); before load docker-image -q --name "$cluster" "$image"; old_cold+=("$(seconds "$start")")
    start=$(date +%s%N); before load docker-image -q --name "$cluster" "$image"; old_skip+=("$(seconds "$start")")
  fi
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "docker save alone:        ${saves[*]} s (median $(m "${saves[@]}") s)"
echo "load into 3 nodes (cold): ${cold[*]} s (median $(m "${cold[@]}") s)"
echo "load again (skipped):     ${skip[*]} s (median $(m "${skip[@]}") s)"
echo "kind's way (docker CLI):  ${kind_way[*]} s (median $(m "${kind_way[@]}") s)"
awk -v c="$(m "${cold[@]}")" -v s="$(m "${saves[@]}")" -v k="$(m "${kind_way[@]}")" \
  'BEGIN {printf "cold load / docker save: %.1fx; kind'"'"'s way / docker save: %.1fx\n", c / s, k / s}'
if has_before; then
  echo "before: cold:             ${old_cold[*]} s (median $(m "${old_cold[@]}") s)"
  echo "before: again:            ${old_skip[*]} s (median $(m "${old_skip[@]}") s)"
fi
