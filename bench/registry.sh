#!/usr/bin/env bash
# Measures a local registry, RUNS times (default 5), and prints the medians: `kindj create registry`
# with its image present (container, volume, until it answers), `docker push` of kindj-test/app:1
# (about 6 MB, fresh registry each time), `kindj delete registry`, and the idle registry's memory.
# No cluster is made. Usage: bench/registry.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
jar=${KINDJ_JAR:-$root/cli/target/kindj.jar}   # KINDJ_JAR: a CLI jar to use instead of this checkout's
[[ -n ${KINDJ_JAR:-} ]] || "$root/kindj" version >/dev/null   # builds the CLI when needed
kindj() { java -jar "$jar" "$@"; }
name=bench-registry port=5091 image=localhost:5091/app:1
"$root/scripts/build-test-images.sh" app >/dev/null
cleanup() {
  kindj delete registry -q --name "$name" 2>/dev/null || true
  docker rmi "$image" >/dev/null 2>&1 || true
}
trap cleanup EXIT
kindj create registry -q --name "$name" --port "$port"   # builds the image when missing, outside the timings
kindj delete registry -q --name "$name"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { awk -v s="$1" -v e="$(date +%s%N)" 'BEGIN {printf "%.2f", (e - s) / 1e9}'; }
create=() push=() delete=() memory=()
docker tag kindj-test/app:1 "$image"
for _ in $(seq "$runs"); do
  t=$(date +%s%N); kindj create registry -q --name "$name" --port "$port"; create+=("$(seconds "$t")")
  t=$(date +%s%N); docker push -q "$image" >/dev/null; push+=("$(seconds "$t")")
  memory+=("$(docker stats --no-stream --format '{{.MemUsage}}' "$name" | awk '{print $1}' | sed 's/MiB//')")
  t=$(date +%s%N); kindj delete registry -q --name "$name"; delete+=("$(seconds "$t")")
done
echo "runs: $runs"
echo "create registry: median $(printf '%s\n' "${create[@]}" | median) s (${create[*]})"
echo "docker push app:1: median $(printf '%s\n' "${push[@]}" | median) s (${push[*]})"
echo "delete registry: median $(printf '%s\n' "${delete[@]}" | median) s (${delete[*]})"
echo "idle memory: median $(printf '%s\n' "${memory[@]}" | median) MiB (${memory[*]})"
