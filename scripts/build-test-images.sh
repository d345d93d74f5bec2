#!/usr/bin/env bash
# Builds the images the integration tests run, without a registry:
#   kindj-test/busybox:1  busybox-static from Debian, for plain-container tests (exec, copy, DNS)
#   kindj-test/app:1      a static Go HTTP server/client (test-app/), for workloads in clusters
# Usage: build-test-images.sh [busybox|app]...   (default: both)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

busybox() {
  local image=kindj-test/busybox:1
  docker image inspect "$image" >/dev/null 2>&1 && return 0
  local work
  work=$(mktemp -d)
  (
    cd "$work"
    if ! apt-get download busybox-static >/dev/null 2>&1; then
      apt-get update -q >/dev/null && apt-get download busybox-static >/dev/null
    fi
    dpkg-deb -x busybox-static_*.deb pkg
    mkdir -p rootfs/bin rootfs/tmp rootfs/etc rootfs/var rootfs/proc rootfs/sys rootfs/dev
    cp pkg/bin/busybox rootfs/bin/busybox
    for applet in $(rootfs/bin/busybox --list); do
      [[ -e rootfs/bin/$applet ]] || ln -s busybox "rootfs/bin/$applet"
    done
    echo 'root:x:0:0:root:/root:/bin/sh' > rootfs/etc/passwd
    tar -C rootfs -c . | docker import \
      --change 'CMD ["/bin/sh", "-c", "trap \"exit 0\" TERM INT; while true; do sleep 1; done"]' - "$image" >/dev/null
  )
  rm -rf "$work"
  echo "built $image"
}

app() {
  local image=kindj-test/app:1 hash
  # Rebuilt whenever test-app/ changes, so tests never run a stale workload under the same tag.
  hash=$(cat "$here"/test-app/* | sha256sum | cut -c1-16)
  [[ $(docker image inspect -f '{{index .Config.Labels "dev.kindj.source-hash"}}' "$image" 2>/dev/null) == "$hash" ]] && return 0
  local work
  work=$(mktemp -d)
  cp "$here/test-app/Dockerfile" "$work/"
  (cd "$here/test-app" && CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o "$work/testapp" .)
  docker build -q --label "dev.kindj.source-hash=$hash" -t "$image" "$work" >/dev/null 2>&1
  rm -rf "$work"
  echo "built $image"
}

for target in "${@:-busybox app}"; do
  for name in $target; do "$name"; done
done
