#!/usr/bin/env bash
# Measures the CLI's own cost, JVM start to exit, against `docker ps` (what `kindj get clusters` asks the engine),
# alternating in every round, RUNS rounds (default 7), and prints the medians:
#   docker ps -a;  kindj version (no engine involved);  kindj get clusters (one engine round-trip per list);
#   the same jar's version and get clusters with plain `java -jar` (no class data sharing archive, no launcher flags);
#   with BEFORE_LAUNCHER=path (another checkout's ./kindj) or BEFORE_JAR=path (plain `java -jar`) also that build's
#   version and get clusters, e.g. of an older commit.
# Usage: bench/cli-start.sh [RUNS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
runs=${1:-7}

jar=${KINDJ_JAR:-$root/cli/target/kindj.jar}
plain() { java -jar "$jar" "$@"; }
ps=() version=() clusters=() plain_version=() plain_clusters=() old_version=() old_clusters=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N); docker ps -a >/dev/null; ps+=("$(seconds "$start")")
  start=$(date +%s%N); kindj version >/dev/null; version+=("$(seconds "$start")")
  start=$(date +%s%N); kindj get clusters >/dev/null 2>&1; clusters+=("$(seconds "$start")")
  start=$(date +%s%N); plain version >/dev/null; plain_version+=("$(seconds "$start")")
  start=$(date +%s%N); plain get clusters >/dev/null 2>&1; plain_clusters+=("$(seconds "$start")")
  if has_before; then
    start=$(date +%s%N); before version >/dev/null; old_version+=("$(seconds "$start")")
    start=$(date +%s%N); before get clusters >/dev/null 2>&1; old_clusters+=("$(seconds "$start")")
  fi
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "docker ps -a:             ${ps[*]} s (median $(m "${ps[@]}") s)"
echo "kindj version:            ${version[*]} s (median $(m "${version[@]}") s)"
echo "kindj get clusters:       ${clusters[*]} s (median $(m "${clusters[@]}") s)"
echo "plain java -jar: version:  ${plain_version[*]} s (median $(m "${plain_version[@]}") s)"
echo "plain java -jar: get clusters: ${plain_clusters[*]} s (median $(m "${plain_clusters[@]}") s)"
if has_before; then
  echo "before: version:          ${old_version[*]} s (median $(m "${old_version[@]}") s)"
  echo "before: get clusters:     ${old_clusters[*]} s (median $(m "${old_clusters[@]}") s)"
fi
