#!/usr/bin/env bash
# Measures what a test against the second engine (scripts/second-engine.sh) pays before kindj runs, RUNS rounds
# (default 5) for an image store (classic or containerd, default classic), and prints the medians:
#   start: the engine up and answering over TLS in its network namespace;
#   load:  the node image (`docker save` here | `docker load` there) into its empty data root;
#   stop:  containers, volumes and networks removed, the engine and its namespace gone.
# Uses a state directory of its own (binaries fetched once), so the tests' cached data roots stay as they are. The
# engine's fixed namespace and address allow one at a time: not while RemoteEngineIT runs.
# Usage: bench/second-engine.sh [RUNS] [classic|containerd]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
runs=${1:-5}
store=${2:-classic}
export KINDJ_SECOND_ENGINE_STATE=/var/tmp/kindj-second-engine-bench
engine="$root/scripts/second-engine.sh"
image=$(docker images kindj/node --format '{{.Repository}}:{{.Tag}}' | head -1)
trap '"$engine" purge >/dev/null 2>&1 || true' EXIT
starts=() loads=() stops=()
for ((i = 1; i <= runs; i++)); do
  "$engine" purge >/dev/null 2>&1 || true
  t=$(date +%s%N); "$engine" start "$store" 2>/dev/null; starts+=("$(seconds "$t")")
  t=$(date +%s%N)
  docker save "$image" | (eval "$("$engine" env)" && docker load >/dev/null)
  loads+=("$(seconds "$t")")
  t=$(date +%s%N); "$engine" stop; stops+=("$(seconds "$t")")
  echo "round $i: start ${starts[-1]} s, load ${loads[-1]} s, stop ${stops[-1]} s" >&2
done
echo "second engine ($store image store), $image, medians of $runs: start $(m "${starts[@]}") s," \
  "node image load $(m "${loads[@]}") s, stop $(m "${stops[@]}") s"
