#!/usr/bin/env bash
# Builds the load balancer image of HA clusters (Dockerfile here) from a local Debian trixie
# image, normally the node image: nothing is pulled.
#
# build.sh --from IMAGE --image NAME:TAG [--quiet]
#
# Progress: lines "[load-balancer] message (Ns)" on stdout. Exit codes: 2 bad input, 3 the
# Debian mirror cannot be reached, 1 anything else. docker build tags NAME:TAG only on success.
# Environment: KINDJ_DEBIAN_MIRROR (mirror URL for apt).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
started=$SECONDS
from='' image='' quiet=''
usage() { sed -n '5p' "$0" | sed 's/^# //' >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --from) from=${2:-}; shift 2 || usage ;;
    --image) image=${2:-}; shift 2 || usage ;;
    --quiet) quiet=1; shift ;;
    -h|--help) usage ;;
    *) echo "unknown argument: $1" >&2; usage ;;
  esac
done
say() { [[ $quiet ]] || printf '[load-balancer] %s (%ss)\n' "$1" "$((SECONDS - started))"; }
die() { local code=$1; shift; echo "build.sh: $*" >&2; exit "$code"; }

[[ $from ]] || die 2 "--from is required (a local Debian trixie image, e.g. the node image)"
[[ $image ]] || die 2 "--image is required (e.g. kindj/haproxy:TAG)"
command -v docker >/dev/null || die 1 "docker is not installed"
docker version >/dev/null 2>&1 || die 1 "the Docker engine does not answer (is dockerd running?)"
docker image inspect "$from" >/dev/null 2>&1 || die 2 "--from $from is not in the local Docker image store (nothing is pulled)"

log=$(mktemp "${TMPDIR:-/tmp}/kindj-load-balancer.XXXXXX.log")
trap 'rm -f "$log"' EXIT
say "building $image: haproxy from Debian on $from"
if ! docker build --force-rm --build-arg FROM="$from" \
    ${KINDJ_DEBIAN_MIRROR:+--build-arg DEBIAN_MIRROR=$KINDJ_DEBIAN_MIRROR} -t "$image" "$here" > "$log" 2>&1; then
  echo "build.sh: building $image failed; last lines of the log:" >&2
  tail -n 25 "$log" >&2
  if grep -qE 'Failed to fetch|Could not resolve|Unable to connect|Temporary failure resolving' "$log"; then
    die 3 "the Debian mirror cannot be reached"
  fi
  exit 1
fi
say "done: $image ($(( $(docker image inspect -f '{{.Size}}' "$image") / 1024 / 1024 )) MiB)"
