#!/usr/bin/env bash
# What a CI job runs to test against a throwaway cluster with the kindj CLI: create it, deploy a locally
# built image and check it answers through a Service, export the logs if anything failed, always delete it.
#
#   KINDJ    the kindj command (default: kindj on PATH; in the kindj repository: ./kindj)
#   CLUSTER  the cluster's name (default: ci)
#   APP      a locally built image to deploy (default: kindj-test/app:1, see README.md)
#   LOGS     where the logs go when something failed (default: ./kindj-logs)
set -euo pipefail
KINDJ=${KINDJ:-kindj}
CLUSTER=${CLUSTER:-ci}
APP=${APP:-kindj-test/app:1}
LOGS=${LOGS:-kindj-logs}

# The job's own kubeconfig: the user's ~/.kube/config is left alone. A host kubectl can use it too.
work=$(mktemp -d)
export KUBECONFIG=$work/kubeconfig

# kubectl inside the control-plane node: always the cluster's own version, nothing to install.
kubectl() { docker exec -i "$CLUSTER-control-plane" kubectl --kubeconfig /etc/kubernetes/admin.conf "$@"; }

finish() {
  local status=$?
  if (( status != 0 )); then
    echo "[ci] failed with exit code $status; exporting the cluster's logs to $LOGS" >&2
    "$KINDJ" export logs --name "$CLUSTER" "$LOGS" >&2 || true
  fi
  "$KINDJ" delete cluster --name "$CLUSTER" >&2 || true
  rm -rf "$work"
  exit "$status"
}
trap finish EXIT

"$KINDJ" create cluster --name "$CLUSTER" --wait 3m
kubectl get nodes -o wide

# Nothing is pulled: the image comes from the local Docker engine.
"$KINDJ" load docker-image --name "$CLUSTER" "$APP"
kubectl create deployment hello --image="$APP" -- /testapp serve 8080 "hello from ci"
kubectl expose deployment hello --port 80 --target-port 8080
kubectl rollout status deployment/hello --timeout=120s

kubectl run caller --image="$APP" --restart=Never --command -- /testapp get http://hello 60
kubectl wait --for=jsonpath='{.status.phase}'=Succeeded pod/caller --timeout=120s
kubectl logs caller | grep -q "hello from ci"
echo "[ci] the app answered through its Service" >&2
