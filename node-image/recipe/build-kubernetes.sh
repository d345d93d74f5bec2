#!/usr/bin/env bash
# Builds the Kubernetes node components from the Go module proxy.
# k8s.io/kubernetes points its staging modules at ./staging, which `go install` cannot follow,
# so a throwaway wrapper module requires it and pins every staging module to its v0.X.Y tag.
# Usage: build-kubernetes.sh VERSION OUT_DIR
set -euo pipefail
version=${1:?kubernetes version, e.g. v1.35.4}
out=${2:?output directory}
[[ $version =~ ^v1\.([0-9]+)\.([0-9]+)$ ]] || { echo "not a Kubernetes release version: $version (expected v1.MINOR.PATCH)" >&2; exit 2; }
minor=${BASH_REMATCH[1]}
staging_version="v0.${minor}.${BASH_REMATCH[2]}"
components=(kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy kubectl)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

mod=$(go mod download -json "k8s.io/kubernetes@$version" 2>&1) || {
  echo "Kubernetes $version is not available from the Go module proxy ($(go env GOPROXY)):" >&2
  echo "$mod" | grep -m1 -E '"Error"|error' >&2 || true
  exit 3
}
gomod=$(echo "$mod" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')

{
  echo "module kindj.local/kubernetes-build"
  echo
  grep -m1 '^go ' "$gomod"
  echo
  echo "require k8s.io/kubernetes $version"
  echo
  grep -E '=> \./staging/' "$gomod" | awk -v v="$staging_version" '{print "replace " $1 " => " $1 " " v}'
} > go.mod
{
  echo "//go:build tools"
  echo "package tools"
  echo "import ("
  for c in "${components[@]}"; do echo "  _ \"k8s.io/kubernetes/cmd/$c\""; done
  echo ")"
} > tools.go

echo "[kubernetes] resolving modules for $version"
go mod tidy >/dev/null

build_date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags+=" -X $pkg.gitVersion=$version -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
  ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=$build_date"
done

mkdir -p "$out"
echo "[kubernetes] compiling ${components[*]}"
CGO_ENABLED=0 GOOS=linux go build -trimpath -tags tools -ldflags "$ldflags" -o "$out/" \
  $(printf 'k8s.io/kubernetes/cmd/%s ' "${components[@]}")
echo "[kubernetes] done: $(ls "$out" | tr '\n' ' ')"
