#!/usr/bin/env bash
# Builds one static Go program from the Go module proxy: `go install PACKAGE@VERSION`, which
# works for modules without replace directives (CoreDNS). A PACKAGE without @VERSION is built
# with the dependencies that the go.mod in MODULE_DIR pins or replaces (MetalLB). Usage:
#   build-go-binary.sh PACKAGE@VERSION OUT_FILE [EXTRA_LDFLAGS]
#   build-go-binary.sh PACKAGE OUT_FILE EXTRA_LDFLAGS MODULE_DIR
set -euo pipefail
target=${1:?package@version}
out=$(realpath -m "${2:?output file}")
extra=${3:-}
if [[ $target != *@* ]]; then
  cd "${4:?a package without @VERSION needs MODULE_DIR}"
fi
gobin=$(mktemp -d)
trap 'rm -rf "$gobin"' EXIT
GOBIN=$gobin CGO_ENABLED=0 GOOS=linux go install -trimpath -ldflags "-s -w $extra" "$target"
mkdir -p "$(dirname "$out")"
mv "$gobin"/* "$out.tmp" && mv "$out.tmp" "$out"
