#!/usr/bin/env bash
# Builds one static Go program from the Go module proxy: `go install PACKAGE@VERSION`, which
# works for modules without replace directives (CoreDNS). Usage:
#   build-go-binary.sh PACKAGE@VERSION OUT_FILE [EXTRA_LDFLAGS]
set -euo pipefail
target=${1:?package@version}
out=${2:?output file}
extra=${3:-}
gobin=$(mktemp -d)
trap 'rm -rf "$gobin"' EXIT
GOBIN=$gobin CGO_ENABLED=0 GOOS=linux go install -trimpath -ldflags "-s -w $extra" "$target"
mkdir -p "$(dirname "$out")"
mv "$gobin"/* "$out.tmp" && mv "$out.tmp" "$out"
