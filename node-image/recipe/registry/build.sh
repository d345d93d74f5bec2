#!/usr/bin/env bash
# Builds kindj's local registry image (Dockerfile here): CNCF distribution's registry compiled
# from the Go module proxy, on an empty image. Nothing is pulled.
#
# build.sh --image NAME:TAG [--quiet]
#
# Go: the host's go, else a kindj/go-builder image left by a node image build (build.sh one
# directory up). Progress: lines "[registry] message (Ns)" on stdout. Exit codes: 2 bad input,
# 3 the Go module proxy cannot be reached, 1 anything else. NAME:TAG is tagged only on success.
set -euo pipefail

DISTRIBUTION_MODULE=github.com/distribution/distribution/v3
DISTRIBUTION_VERSION=v3.1.2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
recipe=$(dirname "$here")
started=$SECONDS
image='' quiet=''
usage() { sed -n '5p' "$0" | sed 's/^# //' >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --image) image=${2:-}; shift 2 || usage ;;
    --quiet) quiet=1; shift ;;
    -h|--help) usage ;;
    *) echo "unknown argument: $1" >&2; usage ;;
  esac
done
say() { [[ $quiet ]] || printf '[registry] %s (%ss)\n' "$1" "$((SECONDS - started))"; }
die() { local code=$1; shift; echo "build.sh: $*" >&2; exit "$code"; }

[[ $image ]] || die 2 "--image is required (e.g. kindj/registry:TAG)"
command -v docker >/dev/null || die 1 "docker is not installed"
docker version >/dev/null 2>&1 || die 1 "the Docker engine does not answer (is dockerd running?)"

work=$(mktemp -d "${TMPDIR:-/tmp}/kindj-registry.XXXXXX")
trap 'rm -rf "$work"' EXIT
log=$work/build.log
cp "$here/Dockerfile" "$here/config.yml" "$work/"
target=$DISTRIBUTION_MODULE/cmd/registry@$DISTRIBUTION_VERSION
ldflags="-X $DISTRIBUTION_MODULE/version.version=$DISTRIBUTION_VERSION"
say "compiling distribution $DISTRIBUTION_VERSION from the Go module proxy (minutes when the Go cache is cold)"
if command -v go >/dev/null; then
  compiled() { "$recipe/build-go-binary.sh" "$target" "$work/registry" "$ldflags"; }
else
  builder=$(docker images --format '{{.Repository}}:{{.Tag}}' kindj/go-builder | head -n1)
  [[ $builder ]] || die 1 "no go on this host and no kindj/go-builder image; install Go or run 'kindj build node-image' once"
  modcache=${GOMODCACHE:-${HOME:-/root}/go/pkg/mod} gocache=${GOCACHE:-${HOME:-/root}/.cache/go-build}
  mkdir -p "$modcache" "$gocache"
  compiled() {
    docker run --rm --user "$(id -u):$(id -g)" -e HOME=/tmp -e GOTOOLCHAIN=local -e GOMODCACHE="$modcache" \
      -e GOCACHE="$gocache" -e GOPROXY -e GOFLAGS -e GONOSUMDB -e GOSUMDB -e GOPRIVATE \
      -v "$modcache:$modcache" -v "$gocache:$gocache" -v "$recipe:$recipe:ro" -v "$work:$work" \
      "$builder" "$recipe/build-go-binary.sh" "$target" "$work/registry" "$ldflags"
  }
fi
if ! compiled > "$log" 2>&1; then
  tail -n 25 "$log" >&2
  if grep -qE 'dial tcp|no such host|i/o timeout|connection refused' "$log"; then
    die 3 "the Go module proxy cannot be reached"
  fi
  die 1 "compiling $target failed"
fi
say "building $image"
docker build --force-rm -t "$image" "$work" > "$log" 2>&1 || { tail -n 25 "$log" >&2; die 1 "building $image failed"; }
say "done: $image ($(( $(docker image inspect -f '{{.Size}}' "$image") / 1024 / 1024 )) MiB)"
