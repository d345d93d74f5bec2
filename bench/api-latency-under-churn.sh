#!/usr/bin/env bash
# GET latency of a 1+2 cluster's API while pods churn on its workers, with the control plane's CPU weight (Docker's
# cpu-shares) alternated in every round between Docker's default (1024) and kindj's (NodeContainerSettings,
# API_PATH_CPU_SHARES), on one cluster (`docker update` changes it live). Issue 17 asks GET p99 under churn within 2x
# of idle; kindj gives control planes a larger weight for it, and this shows what the weight does.
# A round: an idle window, then a churn window per weight, each churn like the soak's (a ConfigMap, a 5-pod Deployment
# and a Service every 15 s, the previous round's deleted), 20 s to settle after each. GETs (kube-root-ca.crt) every
# 100 ms over one kept-alive connection, all the time; each window's p50 and p99, then the pooled ones per kind.
# Usage: bench/api-latency-under-churn.sh [ROUNDS] [CHURN_SECONDS]   (defaults 4 and 60)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
rounds=${1:-4}
churn_seconds=${2:-60}
weights=(1024 "$(grep -o 'API_PATH_CPU_SHARES = [0-9]*' \
  "$root/provisioner/src/main/java/dev/kindj/internal/provision/docker/NodeContainerSettings.java" | grep -o '[0-9]*$')")
pause=$(sed -n 's/^PAUSE_IMAGE=//p' "$root/node-image/recipe/images.env")
name=${NAME_PREFIX:-bench}-latency
work=$(mktemp -d)
cleanup() {
  [[ -n ${sampler:-} ]] && kill "$sampler" 2>/dev/null || true
  kindj delete cluster -q --name "$name" --kubeconfig "$work/kubeconfig" || true
  rm -rf "$work"
}
trap cleanup EXIT
kindj create cluster -q --name "$name" --config "$root/bench/configs/1+2.yaml" --kubeconfig "$work/kubeconfig"
k() { kubectl --kubeconfig "$work/kubeconfig" "$@"; }
control_plane=$(docker ps -q --filter "label=dev.kindj.cluster=$name" --filter "label=dev.kindj.role=control-plane")
k create namespace churn >/dev/null

# The sampler: one TLS connection kept alive, a GET every 100 ms, "epoch-ms latency-ms" per line.
cat > "$work/sample.py" <<'PY'
import base64, http.client, ssl, sys, tempfile, time, urllib.parse, yaml
config = yaml.safe_load(open(sys.argv[1]))
cluster, user = config["clusters"][0]["cluster"], config["users"][0]["user"]
def pem(data):
    f = tempfile.NamedTemporaryFile(delete=False); f.write(base64.b64decode(data)); f.close(); return f.name
context = ssl.create_default_context(cafile=pem(cluster["certificate-authority-data"]))
context.load_cert_chain(pem(user["client-certificate-data"]), pem(user["client-key-data"]))
server = urllib.parse.urlparse(cluster["server"])
connection = http.client.HTTPSConnection(server.hostname, server.port, context=context)
out = open(sys.argv[2], "w", buffering=1)
while True:
    start = time.time()
    connection.request("GET", "/api/v1/namespaces/kube-system/configmaps/kube-root-ca.crt")
    connection.getresponse().read()
    out.write("%d %.2f\n" % (start * 1000, (time.time() - start) * 1000))
    time.sleep(0.1)
PY
python3 "$work/sample.py" "$work/kubeconfig" "$work/samples" &
sampler=$!

now() { date +%s%3N; }
window() { echo "$1 $2 $(now)" >> "$work/windows"; }   # LABEL START (the end is now)
churn() {
  local until=$(( $(now) + churn_seconds * 1000 )) i=0
  while (( $(now) < until )); do
    local next=$(( $(now) + 15000 ))
    k -n churn create configmap "c$i" --from-literal=MESSAGE="round $i" >/dev/null
    k -n churn create deployment "c$i" --image="$pause" --replicas=5 >/dev/null
    k -n churn expose deployment "c$i" --port=80 >/dev/null
    k -n churn rollout status deployment "c$i" --timeout=90s >/dev/null
    if (( i > 0 )); then k -n churn delete service,deployment,configmap "c$((i - 1))" --wait=false >/dev/null; fi
    i=$((i + 1))
    sleep "$(awk -v ms=$(( next - $(now) )) 'BEGIN {print (ms > 0 ? ms / 1000 : 0)}')"
  done
  k -n churn delete service,deployment,configmap --all >/dev/null
  sleep 20   # the last pods terminate, unsampled
}

for round in $(seq 1 "$rounds"); do
  start=$(now); sleep "$churn_seconds"; window idle "$start"
  order=("${weights[@]}")
  (( round % 2 == 0 )) && order=("${weights[1]}" "${weights[0]}")
  for weight in "${order[@]}"; do
    docker update --cpu-shares "$weight" "$control_plane" >/dev/null
    start=$(now); churn; window "churn-$weight" "$start"
  done
  echo "round $round done (host load $(cut -d' ' -f1-3 /proc/loadavg))"
done

python3 - "$work/samples" "$work/windows" <<'PY'
import sys
samples = [tuple(map(float, line.split())) for line in open(sys.argv[1]) if len(line.split()) == 2]
def pct(values, p):
    values = sorted(values); return values[min(len(values) - 1, max(0, -(-p * len(values) // 100) - 1))]
pooled = {}
for line in open(sys.argv[2]):
    label, start, end = line.split(); start, end = float(start), float(end)
    window = [ms for at, ms in samples if start <= at < end - 20000 * label.startswith("churn")]
    pooled.setdefault(label, []).extend(window)
    print("%-12s p50 %6.1f ms  p99 %6.1f ms  (%d GETs)" % (label, pct(window, 50), pct(window, 99), len(window)))
idle = pooled.pop("idle")
print("pooled: idle p50 %.1f ms, p99 %.1f ms (%d GETs)" % (pct(idle, 50), pct(idle, 99), len(idle)))
for label, values in sorted(pooled.items()):
    print("pooled: %s p50 %.1f ms (%.1fx idle), p99 %.1f ms (%.1fx idle) (%d GETs)" % (label, pct(values, 50),
          pct(values, 50) / pct(idle, 50), pct(values, 99), pct(values, 99) / pct(idle, 99), len(values)))
PY
