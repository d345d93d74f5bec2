#!/usr/bin/env bash
# Makes sure a Docker engine answers, and that the node image can be built here. On a Debian host where
# we are root: installs debootstrap when missing (the node image's base is made with it), and when no
# engine answers, installs Debian's docker.io and starts dockerd in the background (these hosts have
# no systemd). Idempotent. Never touches the host's cgroup hierarchies.
set -euo pipefail

log() { echo "[ensure-docker] $*" >&2; }
debian_root() { [[ $(id -u) -eq 0 && -r /etc/debian_version ]]; }
# One package index update for whatever is missing; nothing when nothing is.
install() {
  (( $# > 0 )) || return 0
  log "installing $* from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "$@" >/dev/null
}

missing=()
if debian_root && ! command -v debootstrap >/dev/null 2>&1; then
  missing+=(debootstrap)   # the node image's base is made with it
fi
if docker info >/dev/null 2>&1; then
  install "${missing[@]}"
  exit 0
fi
if [[ -n ${DOCKER_HOST:-} ]]; then
  log "DOCKER_HOST=$DOCKER_HOST is set but no Docker engine answers there; start it and retry."
  exit 1
fi
if ! debian_root; then
  log "No Docker engine answers on /var/run/docker.sock. Start Docker (or set DOCKER_HOST) and retry."
  exit 1
fi

if ! command -v dockerd >/dev/null 2>&1; then
  missing+=(docker.io iptables)
fi
install "${missing[@]}"

if ! pgrep -x dockerd >/dev/null 2>&1; then
  log "starting dockerd (log: /var/log/kindj-dockerd.log)"
  rm -f /var/run/docker.pid
  nohup setsid dockerd >/var/log/kindj-dockerd.log 2>&1 </dev/null &
fi

for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    log "Docker engine is up"
    exit 0
  fi
  sleep 1
done
log "dockerd did not answer within 60 s; see /var/log/kindj-dockerd.log"
exit 1
