#!/usr/bin/env bash
# Builds the Kubernetes node components from the Go module proxy.
# k8s.io/kubernetes points its staging modules at ./staging, which `go install` cannot follow,
# so a throwaway wrapper module requires it and pins every staging module to its v0.X.Y tag.
# Usage: build-kubernetes.sh VERSION OUT_DIR   builds the six binaries into OUT_DIR
#        build-kubernetes.sh --probe VERSION   prints the Go version the module needs
# Exit codes: 2 the version does not exist, 3 the module proxy cannot be reached, 1 other.
set -euo pipefail
probe=
if [[ ${1:-} == --probe ]]; then probe=1; shift; fi
version=${1:?kubernetes version, e.g. v1.35.4}
[[ $version =~ ^v1\.([0-9]+)\.([0-9]+)$ ]] || { echo "not a Kubernetes release version: $version (expected v1.MINOR.PATCH)" >&2; exit 2; }
minor=${BASH_REMATCH[1]}
if [[ ! $probe ]]; then out=$(mkdir -p "${2:?output directory}" && cd "$2" && pwd); fi
staging_version="v0.${minor}.${BASH_REMATCH[2]}"
components=(kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy kubectl)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

mod=$(go mod download -json "k8s.io/kubernetes@$version" 2>&1) || {
  err=$(echo "$mod" | sed -n 's/.*"Error": "\(.*\)".*/\1/p' | head -1)
  echo "${err:-$mod}" >&2
  # A proxy answers an unknown version with 404/410 (or 403 "not available"); anything
  # else (refused, timeout, DNS) means the proxy itself was not reached.
  if echo "$err" | grep -qiE '40[34]|410|not (available|found)|unknown revision|invalid version'; then
    echo "Kubernetes $version does not exist on the Go module proxy ($(go env GOPROXY))" >&2
    exit 2
  fi
  echo "cannot reach the Go module proxy ($(go env GOPROXY)) for Kubernetes $version" >&2
  exit 3
}
gomod=$(echo "$mod" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
if [[ $probe ]]; then awk '$1 == "go" { print $2; exit }' "$gomod"; exit 0; fi

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

# One component at a time so progress names what is compiling; packages shared between them
# come from the Go build cache after the first.
for i in "${!components[@]}"; do
  c=${components[$i]}
  echo "[kubernetes] compiling $c ($((i + 1))/${#components[@]})"
  CGO_ENABLED=0 GOOS=linux go build -trimpath -tags tools -ldflags "$ldflags" -o "$out/$c" \
    "k8s.io/kubernetes/cmd/$c"
done
echo "[kubernetes] done: ${components[*]}"
