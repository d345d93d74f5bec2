#!/usr/bin/env bash
# Builds the small image the provider's integration tests run (no registry: busybox-static from
# Debian, imported as a one-layer image). Usage: build-test-image.sh [IMAGE]
set -euo pipefail
image=${1:-kindj-test/busybox:1}
docker image inspect "$image" >/dev/null 2>&1 && exit 0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
if ! apt-get download busybox-static >/dev/null 2>&1; then
  apt-get update -q >/dev/null && apt-get download busybox-static >/dev/null
fi
dpkg-deb -x busybox-static_*.deb pkg
mkdir -p rootfs/bin rootfs/sbin rootfs/usr/bin rootfs/tmp rootfs/etc rootfs/var rootfs/proc rootfs/sys rootfs/dev
cp pkg/bin/busybox rootfs/bin/busybox
for applet in $(rootfs/bin/busybox --list); do
  [[ -e rootfs/bin/$applet ]] || ln -s busybox "rootfs/bin/$applet"
done
echo 'root:x:0:0:root:/root:/bin/sh' > rootfs/etc/passwd
tar -C rootfs -c . | docker import \
  --change 'CMD ["/bin/sh", "-c", "trap \"exit 0\" TERM INT; while true; do sleep 1; done"]' \
  --change 'LABEL dev.kindj.test-image=busybox' - "$image" >/dev/null
echo "built $image"
